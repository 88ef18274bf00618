import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { addDays, OVERVIEW_MAX_DAYS, storeDayAt, storeDayStart } from '@mc/shared';
import { badRequest } from '../../common/errors';
import { IsStoreDay } from '../../common/validation';

/** `?from=&to=`: an inclusive range of store days, as the dashboard's reports take it. */
export class StoreDayRangeQuery {
  @ApiPropertyOptional({ description: 'first store day, YYYY-MM-DD; default 6 days before `to`' })
  @IsOptional()
  @IsStoreDay('开始日期')
  from?: string;

  @ApiPropertyOptional({ description: 'last store day, inclusive; default today' })
  @IsOptional()
  @IsStoreDay('结束日期')
  to?: string;
}

/** The range asked for (default: the 7 store days ending today); 400 when reversed or longer than OVERVIEW_MAX_DAYS. */
export function storeDayRange(q: StoreDayRangeQuery, timezone: string, now: Date): { from: string; to: string } {
  const to = q.to ?? storeDayAt(timezone, now);
  const from = q.from ?? addDays(to, -6);
  if (from > to) throw badRequest('开始日期不能晚于结束日期', { fields: ['from'] });
  if (addDays(from, OVERVIEW_MAX_DAYS - 1) < to) throw badRequest(`日期范围最长 ${OVERVIEW_MAX_DAYS} 天`, { fields: ['from', 'to'] });
  return { from, to };
}

export interface TimeWindow {
  s: Date;
  e: Date;
}

/** Each store day of [from, to] and the instants [s, e) it spans in the store's time zone. */
export function storeDays(timezone: string, from: string, to: string): { day: string; w: TimeWindow }[] {
  const out: { day: string; w: TimeWindow }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ day, w: { s: storeDayStart(timezone, day), e: storeDayStart(timezone, addDays(day, 1)) } });
  return out;
}

/** `SELECT 0 AS i, :s0 AS s, :e0 AS e UNION ALL …`: a table of time windows to join on, with its parameters. */
export function windowTable(windows: TimeWindow[]) {
  const params: Record<string, Date> = {};
  const sql = windows
    .map((w, i) => {
      params[`s${i}`] = w.s;
      params[`e${i}`] = w.e;
      return `SELECT ${i} AS i, :s${i} AS s, :e${i} AS e`;
    })
    .join(' UNION ALL ');
  return { sql: `(${sql})`, params };
}
