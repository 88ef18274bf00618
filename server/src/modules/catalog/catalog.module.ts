import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
import { StockService } from './stock.service';
import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { CatalogAdminController } from './catalog-admin.controller';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';

export const CATALOG_ENTITIES = [Category, Product, Sku];

@Module({
  imports: [MediaModule],
  controllers: [CatalogController, CatalogAdminController],
  providers: [CatalogService, CatalogAdminService, StockService],
  exports: [CatalogService, StockService],
})
export class CatalogModule {}
