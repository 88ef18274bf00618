import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CatalogService } from './catalog.service';
import { ProductListQuery } from './dto/catalog.dto';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('categories')
  categories() {
    return this.catalog.categoryTree();
  }

  @Get('products')
  products(@Query() q: ProductListQuery) {
    return this.catalog.listProducts(q);
  }

  @Get('products/:id')
  product(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.productDetail(id);
  }
}
