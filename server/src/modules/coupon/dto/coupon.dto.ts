import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { CentsBetween, IntBetween, sentence } from '../../../common/validation';

export const COUPON_MAX_CENTS = 10_000_000;
export const COUPON_MAX_QUANTITY = 10_000_000;
export const COUPON_MAX_PER_CUSTOMER = 1000;
export const COUPON_MAX_VALID_DAYS = 3650;
export const COUPON_MAX_GRANT = 500;

export class CouponListQuery {
  @ApiPropertyOptional({ enum: ['USABLE', 'USED', 'EXPIRED'] })
  @IsOptional()
  @IsIn(['USABLE', 'USED', 'EXPIRED'])
  status?: 'USABLE' | 'USED' | 'EXPIRED';
}

export class CouponUsageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['USABLE', 'USED', 'EXPIRED'] })
  @IsOptional()
  @IsIn(['USABLE', 'USED', 'EXPIRED'])
  status?: 'USABLE' | 'USED' | 'EXPIRED';
}

/** A template, whole (POST and PUT). Which fields go together is checked by CouponTemplateService. */
export class CouponTemplateDto {
  @ApiProperty({ example: '满 100 减 20' })
  @IsString()
  @IsNotEmpty(sentence('名称不能为空'))
  @MaxLength(40, sentence('名称最多 40 个字'))
  title: string;

  @ApiProperty({ enum: ['AMOUNT_OFF', 'PERCENT_OFF'] })
  @IsIn(['AMOUNT_OFF', 'PERCENT_OFF'], sentence('类型须为满减券或折扣券'))
  kind: 'AMOUNT_OFF' | 'PERCENT_OFF';

  @ApiPropertyOptional({ description: 'AMOUNT_OFF: fen off' })
  @IsOptional()
  @CentsBetween('减免金额', 1, COUPON_MAX_CENTS)
  amountOffCents?: number;

  @ApiPropertyOptional({ description: 'PERCENT_OFF: share off in basis points, 1000 = 10 % off (9 折); 10 … 9990 (9.99 折 … 0.01 折)' })
  @IsOptional()
  @IntBetween('折扣', 10, 9990, '折扣须在 0.01 折到 9.99 折之间')
  percentOffBp?: number;

  @ApiProperty({ description: 'fen; 0 = no threshold' })
  @CentsBetween('使用门槛', 0, COUPON_MAX_CENTS)
  thresholdCents: number;

  @ApiPropertyOptional({ description: 'PERCENT_OFF: at most this many fen off' })
  @IsOptional()
  @CentsBetween('最多减免', 1, COUPON_MAX_CENTS)
  capCents?: number;

  @ApiPropertyOptional({ description: 'valid N days from the grant (instead of a window)' })
  @IsOptional()
  @IntBetween('有效天数', 1, COUPON_MAX_VALID_DAYS)
  validDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({}, sentence('开始时间须为 ISO 8601 格式的日期时间'))
  validFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({}, sentence('结束时间须为 ISO 8601 格式的日期时间'))
  validUntil?: string;

  @ApiProperty({ enum: ['ALL', 'PAID_MEMBERS'] })
  @IsIn(['ALL', 'PAID_MEMBERS'], sentence('适用人群须为所有顾客或付费会员'))
  audience: 'ALL' | 'PAID_MEMBERS';

  @ApiPropertyOptional({ description: 'tier ≥ this tier' })
  @IsOptional()
  @IsInt()
  @Min(1)
  minTierId?: number;

  @ApiPropertyOptional({ description: 'absent = unlimited' })
  @IsOptional()
  @IntBetween('发放总量', 1, COUPON_MAX_QUANTITY)
  totalQuantity?: number;

  @ApiPropertyOptional({ description: 'absent = unlimited' })
  @IsOptional()
  @IntBetween('每人限领', 1, COUPON_MAX_PER_CUSTOMER)
  perCustomerLimit?: number;

  @ApiPropertyOptional({ description: 'granted with every member card bought' })
  @IsOptional()
  @IsBoolean()
  grantOnCardPurchase?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CouponGrantDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1, sentence('请至少填写一个顾客 ID'))
  @ArrayMaxSize(COUPON_MAX_GRANT, sentence(`一次最多发给 ${COUPON_MAX_GRANT} 位顾客`))
  @IsInt({ each: true, ...sentence('顾客 ID 须为正整数') })
  @Min(1, { each: true, ...sentence('顾客 ID 须为正整数') })
  customerIds: number[];
}
