import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { RFM_GROUPS, SEGMENT_LIMITS, SEGMENT_TAGS, type RfmGroup, type SegmentAudience, type SegmentTag } from '@mc/shared';
import { badRequest } from '../../../common/errors';
import { PageQuery } from '../../../common/pagination';
import { IntBetween, sentence } from '../../../common/validation';

const L = SEGMENT_LIMITS;
/** `?groups=A,B` (or repeated `?groups=A&groups=B`) → ['A', 'B']. */
export const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class SegmentParamsQuery {
  @ApiPropertyOptional({ default: L.windowDaysDefault, description: 'the RFM window: paid goods orders of the last N days' })
  @IsOptional()
  @Type(() => Number)
  @IntBetween('统计天数', L.windowDaysMin, L.windowDaysMax)
  windowDays: number = L.windowDaysDefault;

  @ApiPropertyOptional({ default: L.checkInDaysDefault, description: 'CHECK_IN_ACTIVE: checked in on at least N days of this store month' })
  @IsOptional()
  @Type(() => Number)
  @IntBetween('签到天数', L.checkInDaysMin, L.checkInDaysMax)
  checkInDays: number = L.checkInDaysDefault;
}

export class SegmentCustomersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'RFM groups, comma separated (any of them)', enum: RFM_GROUPS, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(RFM_GROUPS, sentence('客户分层不存在', { each: true }))
  groups: RfmGroup[] = [];

  @ApiPropertyOptional({ description: 'tags, comma separated (every one of them)', enum: SEGMENT_TAGS, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(SEGMENT_TAGS, sentence('客户标签不存在', { each: true }))
  tags: SegmentTag[] = [];

  @ApiPropertyOptional({ default: L.windowDaysDefault })
  @IsOptional()
  @Type(() => Number)
  @IntBetween('统计天数', L.windowDaysMin, L.windowDaysMax)
  windowDays: number = L.windowDaysDefault;

  @ApiPropertyOptional({ default: L.checkInDaysDefault })
  @IsOptional()
  @Type(() => Number)
  @IntBetween('签到天数', L.checkInDaysMin, L.checkInDaysMax)
  checkInDays: number = L.checkInDaysDefault;
}

/** An audience names at least one group or tag (no "everyone" by omission); duplicates dropped. */
export function audienceOf(q: { groups?: RfmGroup[]; tags?: SegmentTag[]; windowDays?: number; checkInDays?: number }): SegmentAudience {
  const groups = [...new Set(q.groups ?? [])];
  const tags = [...new Set(q.tags ?? [])];
  if (!groups.length && !tags.length) throw badRequest('请选择至少一个客户分层或标签', { fields: [{ field: 'groups', problems: ['至少选择一个分层或标签'] }] });
  return { groups, tags, windowDays: q.windowDays ?? L.windowDaysDefault, checkInDays: q.checkInDays ?? L.checkInDaysDefault };
}
