import { Controller, Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCachedJson } from '../../common/cached-json';
import { CatalogService } from './catalog.service';
import { ProductListQuery } from './dto/catalog.dto';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  // the answers come from CatalogService's cache: sendCachedJson serializes each cached object once

  @Get('categories')
  async categories(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    sendCachedJson(req, res, await this.catalog.categoryTree());
  }

  @Get('products')
  async products(@Query() q: ProductListQuery, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    sendCachedJson(req, res, await this.catalog.listProducts(q));
  }

  @Get('products/:id')
  async product(@Param('id', ParseIntPipe) id: number, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    sendCachedJson(req, res, await this.catalog.productDetail(id));
  }
}
