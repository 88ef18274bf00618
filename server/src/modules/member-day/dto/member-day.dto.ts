import type { Recurrence } from '@mc/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { MEMBER_DAY_AUDIENCES, type MemberDayAudience } from '../entities/member-day.entity';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { CentsBetween, IntBetween } from '../../../common/validation';

export class RecurrenceDto {
  @ApiProperty({ enum: ['MONTHLY', 'WEEKLY'] })
  @IsIn(['MONTHLY', 'WEEKLY'])
  kind: 'MONTHLY' | 'WEEKLY';

  @ApiPropertyOptional({ description: 'MONTHLY: days of the month 1-31', example: [7] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @IsInt({ each: true })
  days?: number[];

  @ApiPropertyOptional({ description: 'WEEKLY: ISO weekdays 1 (Mon) - 7 (Sun)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekdays?: number[];
}

/** The recurrence a form's values describe (the days of the other kind are ignored). */
export function recurrenceOf(dto: RecurrenceDto): Recurrence {
  return dto.kind === 'MONTHLY' ? { kind: 'MONTHLY', days: dto.days ?? [] } : { kind: 'WEEKLY', weekdays: dto.weekdays ?? [] };
}

export class SkuPriceDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skuId: number;

  @ApiProperty()
  @CentsBetween('会员日价', 0, 1_000_000_000)
  priceCents: number;
}

export class MemberDayDto {
  @ApiProperty({ example: '会员日' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ type: RecurrenceDto })
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence: RecurrenceDto;

  @ApiPropertyOptional({ default: 0, description: 'local minutes after midnight' })
  @IsOptional()
  @IntBetween('开始时间（当天第几分钟）', 0, 1439)
  startMinute?: number;

  @ApiPropertyOptional({ default: 1440 })
  @IsOptional()
  @IntBetween('结束时间（当天第几分钟）', 1, 1440)
  endMinute?: number;

  @ApiProperty({ enum: MEMBER_DAY_AUDIENCES })
  @IsIn(MEMBER_DAY_AUDIENCES)
  audience: MemberDayAudience;

  @ApiPropertyOptional()
  @IsOptional()
  @IntBetween('最低等级 ID', 1, 2147483647)
  audienceTierId?: number;

  @ApiPropertyOptional({ type: [SkuPriceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SkuPriceDto)
  skuPrices?: SkuPriceDto[];

  @ApiPropertyOptional({ description: 'category id → rate in basis points (9000 = 9 折)', example: { '2': 9000 } })
  @IsOptional()
  @IsObject()
  categoryRates?: Record<string, number>;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  exclusiveProductIds?: number[];

  @ApiPropertyOptional({ default: 20000 })
  @IsOptional()
  @IsInt()
  @Min(10000)
  @Max(100000)
  pointsMultiplierBp?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IntBetween('每人限购件数', 0, 9999)
  perCustomerLimit?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateMemberDayDto extends PartialType(MemberDayDto) {}

export class PreviewQuery {
  @ApiPropertyOptional({ default: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  count: number = 6;
}

export class MemberDayListQuery extends PageQuery {}
