import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCachedJson } from '../../common/cached-json';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  // from CatalogService's cache: sendCachedJson serializes each cached object once; the priced
  // product list and pages are CatalogPricesController's (pricing module)

  @Get('categories')
  async categories(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    sendCachedJson(req, res, await this.catalog.categoryTree());
  }
}
