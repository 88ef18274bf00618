import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { CatalogAdminService } from './catalog-admin.service';
import { AdminProductListQuery, CategoryDto, PatchSkuDto, ProductDto, UpdateCategoryDto, UpdateProductDto } from './dto/catalog-admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin')
export class CatalogAdminController {
  constructor(private readonly catalog: CatalogAdminService) {}

  @Get('categories')
  categories() {
    return this.catalog.listCategories();
  }

  @Post('categories')
  createCategory(@Body() dto: CategoryDto) {
    return this.catalog.createCategory(dto);
  }

  @Put('categories/:id')
  updateCategory(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateCategoryDto) {
    return this.catalog.updateCategory(id, dto);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  async deleteCategory(@Param('id', ParseIntPipe) id: number) {
    await this.catalog.deleteCategory(id);
  }

  @Get('products')
  products(@Query() q: AdminProductListQuery) {
    return this.catalog.listProducts(q);
  }

  @Get('products/:id')
  product(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.productDetail(id);
  }

  @Post('products')
  createProduct(@CurrentStaff() staff: StaffPrincipal, @Body() dto: ProductDto) {
    return this.catalog.createProduct(staff.staffId, dto);
  }

  @Put('products/:id')
  updateProduct(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateProductDto) {
    return this.catalog.updateProduct(staff.staffId, id, dto);
  }

  @Post('products/:id/on-shelf')
  @HttpCode(200)
  onShelf(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.catalog.setOnShelf(staff.staffId, id, true);
  }

  @Post('products/:id/off-shelf')
  @HttpCode(200)
  offShelf(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.catalog.setOnShelf(staff.staffId, id, false);
  }

  @Patch('skus/:id')
  patchSku(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: PatchSkuDto) {
    return this.catalog.patchSku(staff.staffId, id, dto);
  }
}
