import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { MALL_LIMITS } from '@mc/shared';
import { PageQuery } from '../../../common/pagination';
import { CentsBetween, IntBetween, sentence } from '../../../common/validation';

/** The kinds staff may create. */
export const CREATABLE_KINDS = ['GOODS', 'COUPON', 'CARD_DAYS'] as const;

const L = MALL_LIMITS;

export class RedeemDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ minimum: L.qty.min, maximum: L.qty.max })
  @IntBetween('兑换数量', L.qty.min, L.qty.max)
  qty: number;

  @ApiPropertyOptional({ description: 'required for GOODS items' })
  @IsOptional()
  @IsInt()
  @Min(1)
  addressId?: number;
}

export class MallItemDto {
  @ApiProperty({ example: '定制帆布袋' })
  @IsString()
  @IsNotEmpty(sentence('名称不能为空'))
  @MaxLength(60, sentence('名称最多 60 个字'))
  title: string;

  @ApiProperty({ enum: CREATABLE_KINDS })
  @IsIn(CREATABLE_KINDS, sentence('类型须为 GOODS（实物商品）、COUPON（优惠券）或 CARD_DAYS（会员卡天数）'))
  kind: (typeof CREATABLE_KINDS)[number];

  @ApiPropertyOptional({ nullable: true, description: 'GOODS: the SKU shipped' })
  @ValidateIf((o: MallItemDto) => o.kind === 'GOODS' || (o.skuId !== undefined && o.skuId !== null))
  @IsInt(sentence('实物商品须选择一个 SKU'))
  @Min(1, sentence('实物商品须选择一个 SKU'))
  skuId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'COUPON: the coupon template granted per unit' })
  @ValidateIf((o: MallItemDto) => o.kind === 'COUPON' || (o.couponTemplateId !== undefined && o.couponTemplateId !== null))
  @IsInt(sentence('优惠券兑换须选择一个优惠券模板'))
  @Min(1, sentence('优惠券兑换须选择一个优惠券模板'))
  couponTemplateId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'CARD_DAYS: days per unit' })
  @ValidateIf((o: MallItemDto) => o.kind === 'CARD_DAYS' || (o.cardDays !== undefined && o.cardDays !== null))
  @IntBetween('会员天数', L.cardDays.min, L.cardDays.max)
  cardDays?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  coverUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500, sentence('说明最多 500 个字'))
  description?: string;

  @ApiProperty()
  @IntBetween('所需积分', L.pointsCost.min, L.pointsCost.max)
  pointsCost: number;

  @ApiProperty({ description: 'fen, 0 for points only' })
  @CentsBetween('加价金额', L.cashCents.min, L.cashCents.max)
  cashCents: number;

  @ApiProperty()
  @IntBetween('兑换库存', L.stock.min, L.stock.max)
  stock: number;

  @ApiProperty({ description: '0 = no limit' })
  @IntBetween('每人限兑', L.perCustomerLimit.min, L.perCustomerLimit.max)
  perCustomerLimit: number;

  @ApiProperty()
  @IsBoolean()
  onShelf: boolean;

  @ApiPropertyOptional({ description: 'higher first' })
  @IsOptional()
  @IntBetween('排序', L.sort.min, L.sort.max)
  sort?: number;
}

/** On/off shelf and sort, without the rest of the item. */
export class PatchMallItemDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  onShelf?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IntBetween('排序', L.sort.min, L.sort.max)
  sort?: number;
}

export class RedemptionQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  itemId?: number;
}
