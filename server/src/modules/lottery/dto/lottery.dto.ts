import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { LOTTERY_MAX_PRIZES, type LotteryPrizeKind } from '@mc/shared';
import { IntBetween, sentence } from '../../../common/validation';

/** The largest points a draw may cost or a prize give: keeps every amount inside the ledger's INT columns. */
export const LOTTERY_MAX_POINTS = 1_000_000;

export class LotteryPrizeDto {
  @ApiProperty({ example: '10 积分' })
  @IsString()
  @Length(1, 40, sentence('奖品名称须为 1 到 40 个字'))
  name: string;

  @ApiProperty({ enum: ['POINTS', 'COUPON', 'NONE'] })
  @IsIn(['POINTS', 'COUPON', 'NONE'], sentence('奖品类型须为 POINTS、COUPON 或 NONE'))
  kind: LotteryPrizeKind;

  @ApiProperty({ required: false, example: 10, description: 'POINTS: the points credited' })
  @IsOptional()
  @IntBetween('奖励积分', 1, LOTTERY_MAX_POINTS)
  points?: number;

  @ApiProperty({ required: false, description: 'COUPON: the coupon template granted' })
  @IsOptional()
  @IntBetween('优惠券', 1, 2_147_483_647)
  couponTemplateId?: number;

  @ApiProperty({ example: 10 })
  @IntBetween('权重', 0, 1_000_000)
  weight: number;

  @ApiProperty({ example: 100 })
  @IntBetween('库存', 0, 1_000_000_000)
  stock: number;
}

export class LotteryConfigDto {
  @ApiProperty({ example: 10 })
  @IntBetween('每次消耗积分', 1, LOTTERY_MAX_POINTS)
  costPoints: number;

  @ApiProperty({ example: 3 })
  @IntBetween('每日次数', 1, 100)
  dailyLimit: number;

  @ApiProperty({ type: [LotteryPrizeDto] })
  @IsArray()
  @ArrayMinSize(1, sentence('至少设置一个奖品'))
  @ArrayMaxSize(LOTTERY_MAX_PRIZES, sentence(`最多 ${LOTTERY_MAX_PRIZES} 个奖品`))
  @ValidateNested({ each: true })
  @Type(() => LotteryPrizeDto)
  prizes: LotteryPrizeDto[];
}
