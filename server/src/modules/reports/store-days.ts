import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { addDays, OVERVIEW_MAX_DAYS, storeDayAt } from '@mc/shared';
import { badRequest } from '../../common/errors';
import { IsStoreDay } from '../../common/validation';

/** `?from=&to=`: a range of store days, both inclusive. */
export class StoreDaysQuery {
  @ApiPropertyOptional({ description: 'first store day, YYYY-MM-DD; default 6 days before `to`' })
  @IsOptional()
  @IsStoreDay('开始日期')
  from?: string;

  @ApiPropertyOptional({ description: 'last store day, inclusive; default today' })
  @IsOptional()
  @IsStoreDay('结束日期')
  to?: string;
}

/** The range asked for, with its defaults (the last 7 store days to today); 400 when reversed or longer than OVERVIEW_MAX_DAYS. */
export function storeDaysOf(q: StoreDaysQuery, timezone: string, now: Date): { from: string; to: string } {
  const to = q.to ?? storeDayAt(timezone, now);
  const from = q.from ?? addDays(to, -6);
  if (from > to) throw badRequest('开始日期不能晚于结束日期', { fields: ['from'] });
  if (addDays(from, OVERVIEW_MAX_DAYS - 1) < to) throw badRequest(`日期范围最长 ${OVERVIEW_MAX_DAYS} 天`, { fields: ['from', 'to'] });
  return { from, to };
}
