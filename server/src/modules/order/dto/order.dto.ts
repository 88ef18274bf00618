import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUSES, type OrderStatus } from '@mc/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { sentence } from '../../../common/validation';
import { PageQuery } from '../../../common/pagination';

export class OrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'only orders with a refund (售后): true' })
  @IsOptional()
  @IsIn(['true', 'false'])
  afterSale?: 'true' | 'false';
}

export class AdminOrderListQuery extends OrderListQuery {
  @ApiPropertyOptional({ description: 'created at or after (ISO date or instant)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'created before (ISO date or instant)' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ description: 'order number' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;
}

export class ShipDto {
  @ApiProperty({ example: '顺丰' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  carrier: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  trackingNo: string;
}

/** The customer's parcel back to the store. */
export class ReturnShipmentDto {
  @ApiProperty({ example: '顺丰' })
  @IsString(sentence('请填写退货快递公司（最多 32 个字）'))
  @Matches(/^(?=[\s\S]*\S)[\s\S]{1,32}$/, sentence('请填写退货快递公司（最多 32 个字）'))
  carrier: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString(sentence('请填写退货快递单号（最多 64 个字）'))
  @Matches(/^(?=[\s\S]*\S)[\s\S]{1,64}$/, sentence('请填写退货快递单号（最多 64 个字）'))
  trackingNo: string;
}

export class RefundLineDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  orderLineId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  qty: number;
}

export class RequestRefundDto {
  @ApiProperty({ example: '不想要了' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;

  @ApiPropertyOptional({ type: [RefundLineDto], description: 'omit to refund everything not yet refunded' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines?: RefundLineDto[];
}

export class ReviewRefundDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class RejectRefundDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  note: string;
}
