import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PlanDto {
  @ApiProperty({ example: '月卡' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: 1990 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  priceCents: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(1)
  @Max(3660)
  days: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  benefits?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
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
