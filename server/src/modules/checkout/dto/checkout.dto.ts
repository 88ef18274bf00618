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

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'absent: the best usable coupon; null: none; an id: that coupon (409 INVALID_STATE when it does not apply)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  couponId?: number | null;
}

/** The request's coupon choice as the shared rules take it (ids are strings there). */
export const couponChoice = (dto: { couponId?: number | null }) => (dto.couponId === undefined ? undefined : dto.couponId === null ? null : String(dto.couponId));

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
