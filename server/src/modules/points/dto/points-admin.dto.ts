import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, NotEquals } from 'class-validator';
import { POINT_VALUES, POINTS_EARN_ON, POINTS_EXPIRY_MAX_YEARS, type PointsEarnOn } from '@mc/shared';
import { IntBetween, sentence } from '../../../common/validation';

/** The largest single adjustment or gift: keeps every entry well inside the ledger's INT columns. */
export const POINTS_MAX_AMOUNT = 1_000_000;

export class PointsAdjustmentDto {
  @ApiProperty({ example: -50, description: `signed, not 0, −${POINTS_MAX_AMOUNT} … ${POINTS_MAX_AMOUNT}` })
  @IntBetween('调整积分', -POINTS_MAX_AMOUNT, POINTS_MAX_AMOUNT)
  @NotEquals(0, sentence('调整积分不能为 0'))
  points: number;

  @ApiProperty({ example: '补偿物流延误' })
  @IsString(sentence('调整原因须为文本'))
  @Matches(/\S/, sentence('请填写调整原因'))
  @MaxLength(100, sentence('调整原因最多 100 个字'))
  reason: string;
}

export class PointsRulesDto {
  @ApiProperty({ example: 100, description: `what 100 points are worth in fen, one of ${POINT_VALUES.join(', ')}` })
  @IsIn([...POINT_VALUES], sentence(`积分价值须为每 100 积分抵 ${POINT_VALUES.slice(0, -1).join('、')} 或 ${POINT_VALUES[POINT_VALUES.length - 1]} 分`))
  pointsValueCentsPer100: number;

  @ApiProperty({ example: 5000, description: 'basis points 0 … 10000' })
  @IntBetween('积分抵扣上限', 0, 10_000)
  pointsMaxSpendBp: number;

  @ApiProperty({ example: 1 })
  @IntBetween('每元获得积分', 0, 10_000)
  pointsPerYuanEarned: number;

  @ApiProperty({ enum: POINTS_EARN_ON, example: 'COMPLETION' })
  @IsIn([...POINTS_EARN_ON], sentence('积分发放时机须为 COMPLETION（订单完成）或 PAYMENT（支付成功）'))
  pointsEarnOn: PointsEarnOn;

  @ApiProperty({ example: 1, description: `0 = never, 1 … ${POINTS_EXPIRY_MAX_YEARS}` })
  @IntBetween('积分有效期', 0, POINTS_EXPIRY_MAX_YEARS)
  pointsExpiryYears: number;

  @ApiProperty({ example: 200 })
  @IntBetween('生日礼积分', 0, POINTS_MAX_AMOUNT)
  birthdayGiftPoints: number;
}
