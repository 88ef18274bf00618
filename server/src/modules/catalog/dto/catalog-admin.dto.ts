import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { CentsBetween, IntBetween, sentence } from '../../../common/validation';

/** Upper bound for fen, stock and grams: well inside a signed INT column. */
const MAX_INT = 1_000_000_000;
export const MAX_SKUS = 100;
export const MAX_IMAGES = 20;
/** A gallery picture: the large variant of an uploaded image. */
const GALLERY_URL = /^\/api\/media\/img\/[0-9a-f]{32}-800\.jpg$/;

/** Spec values such as {"颜色":"红","尺码":"M"}: at most 10 names, each name and value a non-empty string. */
function IsSpecs(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isSpecs',
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
          const entries = Object.entries(v);
          return (
            entries.length <= 10 &&
            entries.every(([name, value]) => name.length > 0 && name.length <= 32 && typeof value === 'string' && value.length > 0 && value.length <= 64)
          );
        },
        defaultMessage: buildMessage((each) => `${each ? '每一项' : ''}须为规格：最多 10 项，规格名和规格值都不能为空`, options),
      },
    },
    options,
  );
}

/** A price that may not exceed a sibling price field (`label` names it for people) when both are given (the service checks merged values too). */
function NotAbove(field: string, label: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'notAbove',
      constraints: [field],
      validator: {
        validate: (v: unknown, args) => {
          const limit = (args?.object as Record<string, unknown>)[field];
          return typeof v !== 'number' || typeof limit !== 'number' || v <= limit;
        },
        defaultMessage: buildMessage((each) => `${each ? '每一项' : ''}不能高于${label}`, options),
      },
    },
    options,
  );
}

/** Optional but not nullable: absent skips the checks, null fails them (IsOptional would let null through). */
const IsOmittable = (options?: ValidationOptions) => ValidateIf((_o, v) => v !== undefined, options);

/** Query booleans arrive as strings. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

// ---- categories ----

export class CategoryDto {
  @ApiPropertyOptional({ nullable: true, description: 'a root category; null or absent makes this a root' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiProperty({ example: '绿茶' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(512)
  iconUrl?: string;

  @ApiPropertyOptional({ description: 'higher first' })
  @IsOmittable()
  @IntBetween('排序', -MAX_INT, MAX_INT)
  sort?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CategoryDto, { skipNullProperties: false }) {}

// ---- SKUs ----

class SkuFields {
  @ApiProperty({ example: { 颜色: '白', 尺码: 'M' } })
  @IsSpecs()
  specs: Record<string, string>;

  @ApiProperty({ description: 'list price, fen' })
  @CentsBetween('售价', 0, MAX_INT)
  priceCents: number;

  @ApiPropertyOptional({ nullable: true, description: 'fen, at most priceCents; null for none' })
  @IsOptional()
  @CentsBetween('会员价', 0, MAX_INT)
  @NotAbove('priceCents', '售价')
  memberPriceCents?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'fen, at most priceCents; null for none' })
  @IsOptional()
  @CentsBetween('会员日价', 0, MAX_INT)
  @NotAbove('priceCents', '售价')
  memberDayPriceCents?: number | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntBetween('重量（克）', 0, MAX_INT)
  weightGrams?: number;
}

export class SkuDto extends SkuFields {
  @ApiProperty()
  @IntBetween('库存', 0, MAX_INT)
  stock: number;
}

/** A SKU in a product update: with `id` it updates that SKU (omitted fields stay as they are), without it creates one. */
export class SkuUpsertDto extends SkuFields {
  @ApiPropertyOptional({ description: 'an existing SKU of this product' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  id?: number;

  @ApiPropertyOptional({ description: 'absolute stock; required for a new SKU, omit on an existing one to leave it (use PATCH /admin/skus/:id for stock-takes)' })
  @ValidateIf((o: SkuUpsertDto) => o.id === undefined || o.stock !== undefined)
  @IntBetween('库存', 0, MAX_INT)
  stock?: number;
}

export class PatchSkuDto {
  @ApiPropertyOptional({ description: 'absolute stock (stock-take)' })
  @IsOmittable()
  @IntBetween('库存', 0, MAX_INT)
  stock?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @CentsBetween('售价', 0, MAX_INT)
  priceCents?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @CentsBetween('会员价', 0, MAX_INT)
  @NotAbove('priceCents', '售价')
  memberPriceCents?: number | null;
}

// ---- products ----

export class ProductDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  categoryId: number;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  subtitle?: string;

  @ApiPropertyOptional({ description: 'search words, separated by spaces (searched with the title, subtitle and category names)' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  keywords?: string;

  @ApiPropertyOptional({ type: [String], description: 'the gallery in order, the cover first: URLs answered by POST /api/admin/media/images (`url`)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_IMAGES, sentence(`商品图片最多 ${MAX_IMAGES} 张`))
  @ArrayUnique(undefined, sentence('商品图片不能重复'))
  @Matches(GALLERY_URL, { each: true, ...sentence('商品图片须为上传的图片') })
  images?: string[];

  @ApiPropertyOptional({ description: 'HTML; stored sanitized (see docs/images.md)' })
  @IsOmittable()
  @IsString()
  @MaxLength(50000, sentence('商品详情最多 50000 个字符'))
  description?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  onShelf?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  memberOnly?: boolean;

  @ApiPropertyOptional({ description: 'higher first' })
  @IsOmittable()
  @IntBetween('排序', -MAX_INT, MAX_INT)
  sort?: number;

  @ApiProperty({ type: [SkuDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SKUS)
  @ValidateNested({ each: true })
  @Type(() => SkuDto)
  skus: SkuDto[];
}

export class UpdateProductDto extends PartialType(OmitType(ProductDto, ['skus'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: [SkuUpsertDto], description: 'the full SKU list: listed ones are updated or created, missing ones deactivated' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SKUS)
  @ValidateNested({ each: true })
  @Type(() => SkuUpsertDto)
  skus?: SkuUpsertDto[];
}

export class AdminProductListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'keyword in the title' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: 'a root category includes its children' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  categoryId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  onShelf?: boolean;
}
