import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CentsBetween, IntBetween } from '../../../common/validation';

export class PlanDto {
  @ApiProperty({ example: '月卡' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: 1990 })
  @CentsBetween('价格', 1, 10_000_000)
  priceCents: number;

  @ApiProperty({ example: 30 })
  @IntBetween('天数', 1, 3660)
  days: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  benefits?: string;

  @ApiPropertyOptional({ default: false, description: 'a new plan is off sale until staff put it on sale' })
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IntBetween('排序', -1_000_000_000, 1_000_000_000)
  sort?: number;
}

export class UpdatePlanDto extends PartialType(PlanDto) {}

export class CardRefundRequestDto {
  @ApiProperty({ example: '不需要了' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}
