import { Controller, Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { sendCachedJson } from '../../common/cached-json';
import { CatalogService } from './catalog.service';
import { ProductListQuery } from './dto/catalog.dto';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  // the answers come from CatalogService's cache: sendCachedJson serializes each cached object once

  @Get('categories')
  async categories(@Req() req: Request, @Res() res: Response) {
    sendCachedJson(req, res, await this.catalog.categoryTree());
  }

  @Get('products')
  async products(@Query() q: ProductListQuery, @Req() req: Request, @Res() res: Response) {
    sendCachedJson(req, res, await this.catalog.listProducts(q));
  }

  @Get('products/:id')
  async product(@Param('id', ParseIntPipe) id: number, @Req() req: Request, @Res() res: Response) {
    sendCachedJson(req, res, await this.catalog.productDetail(id));
  }
}
