import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ItemDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  skuId: number;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  qty: number;
}

export class CheckoutPreviewDto {
  @ApiProperty({ type: [ItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[];

  @ApiPropertyOptional({ description: 'spend as many points as the rules allow' })
  @IsOptional()
  @IsBoolean()
  usePoints?: boolean;
}

export class PlaceOrderDto extends CheckoutPreviewDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  addressId: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiPropertyOptional({ description: 'remove the ordered SKUs from the cart' })
  @IsOptional()
  @IsBoolean()
  fromCart?: boolean;
}

export class BuyCardDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  planId: number;
}
