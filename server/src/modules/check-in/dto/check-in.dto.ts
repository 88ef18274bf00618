import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CHECK_IN_MAX_MILESTONE_DAY, CHECK_IN_MAX_MILESTONES } from '@mc/shared';

/** The largest points amount a rule may name: keeps every award inside the ledger's INT columns. */
export const CHECK_IN_MAX_POINTS = 1_000_000;

export class CalendarQuery {
  @ApiProperty({ required: false, example: '2027-03', description: 'YYYY-MM; default: the current store month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '须为 YYYY-MM 格式的月份' })
  month?: string;
}

export class MakeUpDto {
  @ApiProperty({ example: '2027-03-04', description: 'a missed store day of the current month, before today' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '须为 YYYY-MM-DD 格式的日期' })
  date: string;
}

export class CheckInMilestoneDto {
  @ApiProperty({ example: 3, description: `the streak day, 1 … ${CHECK_IN_MAX_MILESTONE_DAY}` })
  @IsInt()
  @Min(1)
  @Max(CHECK_IN_MAX_MILESTONE_DAY)
  day: number;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(0)
  @Max(CHECK_IN_MAX_POINTS)
  bonusPoints: number;
}

export class CheckInRulesDto {
  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(0)
  @Max(CHECK_IN_MAX_POINTS)
  dailyPoints: number;

  @ApiProperty({ type: [CheckInMilestoneDto], description: `at most ${CHECK_IN_MAX_MILESTONES}, days unique` })
  @IsArray()
  @ArrayMaxSize(CHECK_IN_MAX_MILESTONES)
  @ValidateNested({ each: true })
  @Type(() => CheckInMilestoneDto)
  milestones: CheckInMilestoneDto[];

  @ApiProperty({ example: false })
  @IsBoolean()
  makeUpEnabled: boolean;

  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(0)
  @Max(CHECK_IN_MAX_POINTS)
  makeUpCostPoints: number;
}
