import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IntBetween } from '../../../common/validation';

export class TierDto {
  @ApiProperty({ example: '金卡' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: 2000 })
  @IntBetween('成长值门槛', 0, 1_000_000_000)
  growthThreshold: number;

  @ApiProperty({ example: 9500, description: 'price rate in basis points, 10000 = full price' })
  @IsInt()
  @Min(5000)
  @Max(10000)
  discountBp: number;

  @ApiProperty({ example: 15000, description: 'points multiplier in basis points, 10000 = 1×' })
  @IsInt()
  @Min(10000)
  @Max(100000)
  pointsMultiplierBp: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  perks?: string;
}

export class UpdateTierDto extends PartialType(TierDto) {}
