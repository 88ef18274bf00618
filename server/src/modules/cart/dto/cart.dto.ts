import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class PutCartItemDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skuId: number;

  @ApiProperty({ description: '0 removes the line' })
  @IsInt()
  @Min(0)
  @Max(999)
  qty: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  selected?: boolean;
}
