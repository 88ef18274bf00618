import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { CentsBetween, IntBetween, sentence } from '../../../common/validation';
import { COMMISSION_STATUSES } from '../entities/commission.entity';
import { DISTRIBUTOR_STATUSES } from '../entities/distributor.entity';
import { WITHDRAWAL_STATUSES } from '../entities/withdrawal.entity';

/** The highest rate a rule may name: 50 % (a rate is refused above it, never clamped). */
export const MAX_COMMISSION_RATE_BP = 5000;
const MAX_ID = 2_147_483_647;

export class ApplyDistributorDto {
  @ApiProperty({ example: '喜欢分享好物', description: '1–200 characters' })
  @IsString()
  @MinLength(1, sentence('申请理由不能为空'))
  @MaxLength(200, sentence('申请理由最多 200 个字'))
  reason: string;
}

export class ReferralVisitDto {
  @ApiProperty({ example: 'DEMO01' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,16}$/, sentence('推广码须为 1–16 位字母或数字'))
  ref: string;
}

export class ShareQuery {
  @ApiPropertyOptional({ description: 'a product page' })
  @IsOptional()
  @Type(() => Number)
  @IntBetween('商品编号', 1, MAX_ID)
  productId?: number;

  @ApiPropertyOptional({ enum: ['card'], description: 'the member-card page' })
  @IsOptional()
  @IsIn(['card'])
  page?: 'card';
}

export class CommissionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMMISSION_STATUSES })
  @IsOptional()
  @IsIn(COMMISSION_STATUSES)
  status?: (typeof COMMISSION_STATUSES)[number];
}

export class WithdrawalQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WITHDRAWAL_STATUSES })
  @IsOptional()
  @IsIn(WITHDRAWAL_STATUSES)
  status?: (typeof WITHDRAWAL_STATUSES)[number];
}

export class AdminDistributorQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DISTRIBUTOR_STATUSES })
  @IsOptional()
  @IsIn(DISTRIBUTOR_STATUSES)
  status?: (typeof DISTRIBUTOR_STATUSES)[number];

  @ApiPropertyOptional({ description: 'nickname, phone or ref code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;
}

export class CreateWithdrawalDto {
  @ApiProperty({ example: 1000 })
  @CentsBetween('提现金额', 1, 100_000_000)
  amountCents: number;
}

export class ReasonDto {
  @ApiProperty({ example: '资料不全' })
  @IsString()
  @MinLength(1, sentence('原因不能为空'))
  @MaxLength(200, sentence('原因最多 200 个字'))
  reason: string;
}

export class GuideDto {
  @ApiProperty()
  @IsBoolean()
  isGuide: boolean;
}

export class MonthQuery {
  @ApiPropertyOptional({ example: '2027-03' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, sentence('月份须为 YYYY-MM 格式'))
  month?: string;
}

export class CategoryRateDto {
  @ApiProperty()
  @IntBetween('分类编号', 1, MAX_ID)
  categoryId: number;

  @ApiProperty({ example: 800 })
  @IntBetween('分类佣金比例', 0, MAX_COMMISSION_RATE_BP, `分类佣金比例须为 0 到 ${MAX_COMMISSION_RATE_BP} 之间的整数（万分比，${MAX_COMMISSION_RATE_BP} = 50%）`)
  rateBp: number;
}

export class ProductRateDto {
  @ApiProperty()
  @IntBetween('商品编号', 1, MAX_ID)
  productId: number;

  @ApiProperty({ example: 1500 })
  @IntBetween('商品佣金比例', 0, MAX_COMMISSION_RATE_BP, `商品佣金比例须为 0 到 ${MAX_COMMISSION_RATE_BP} 之间的整数（万分比，${MAX_COMMISSION_RATE_BP} = 50%）`)
  rateBp: number;
}

/** `PUT /api/admin/commission-rules`: the whole object (shared `CommissionRules`). */
export class CommissionRulesDto {
  @ApiProperty({ example: 1000 })
  @IntBetween('默认佣金比例', 0, MAX_COMMISSION_RATE_BP, `默认佣金比例须为 0 到 ${MAX_COMMISSION_RATE_BP} 之间的整数（万分比，${MAX_COMMISSION_RATE_BP} = 50%）`)
  defaultRateBp: number;

  @ApiProperty()
  @IsBoolean()
  level2Enabled: boolean;

  @ApiProperty({ example: 300 })
  @IntBetween('二级佣金比例', 0, MAX_COMMISSION_RATE_BP, `二级佣金比例须为 0 到 ${MAX_COMMISSION_RATE_BP} 之间的整数（万分比，${MAX_COMMISSION_RATE_BP} = 50%）`)
  level2RateBp: number;

  @ApiProperty({ enum: ['FIRST_TOUCH', 'LAST_TOUCH'] })
  @IsIn(['FIRST_TOUCH', 'LAST_TOUCH'], sentence('绑定方式须为 FIRST_TOUCH 或 LAST_TOUCH'))
  bindingMode: 'FIRST_TOUCH' | 'LAST_TOUCH';

  @ApiProperty({ example: 30 })
  @IntBetween('绑定有效天数', 1, 3650)
  bindingDays: number;

  @ApiProperty({ example: 7 })
  @IntBetween('佣金结算天数', 0, 365)
  settleAfterDays: number;

  @ApiProperty()
  @IsBoolean()
  autoApproveMembers: boolean;

  @ApiProperty({ example: 100 })
  @CentsBetween('最低提现金额', 1, 100_000_000)
  withdrawMinCents: number;

  @ApiProperty({ example: 500000 })
  @CentsBetween('每日提现上限', 1, 100_000_000)
  withdrawDailyCapCents: number;

  @ApiProperty({ type: [CategoryRateDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CategoryRateDto)
  categoryRates: CategoryRateDto[];

  @ApiProperty({ type: [ProductRateDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ProductRateDto)
  productRates: ProductRateDto[];
}
