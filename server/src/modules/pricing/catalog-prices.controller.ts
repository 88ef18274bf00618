import { Controller, Get, Param, ParseIntPipe, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, OptionalCustomerGuard } from '../../common/auth/guards';
import { sendCachedJson } from '../../common/cached-json';
import { CatalogService } from '../catalog/catalog.service';
import { ProductListQuery } from '../catalog/dto/catalog.dto';
import { CatalogPricesService } from './catalog-prices.service';

/**
 * The product list and product page, priced for the customer asking (a visitor: as a new
 * customer). The catalog comes from CatalogService's cache, the prices from CatalogPricesService.
 */
@ApiTags('catalog')
@Controller()
@UseGuards(OptionalCustomerGuard)
export class CatalogPricesController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly prices: CatalogPricesService,
  ) {}

  @Get('products')
  async products(@Query() q: ProductListQuery, @CurrentCustomer() who: CustomerPrincipal | undefined, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const [page, ctx] = await Promise.all([this.catalog.listProducts(q), this.prices.context(who?.customerId ?? null)]);
    res.header('vary', 'Authorization'); // priced for the token's customer: a shared cache must not mix them
    sendCachedJson(req, res, this.prices.list(page, ctx));
  }

  @Get('products/:id')
  async product(@Param('id', ParseIntPipe) id: number, @CurrentCustomer() who: CustomerPrincipal | undefined, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const [product, ctx] = await Promise.all([this.catalog.productDetail(id), this.prices.context(who?.customerId ?? null)]);
    res.header('vary', 'Authorization');
    sendCachedJson(req, res, this.prices.detail(product, ctx));
  }
}
