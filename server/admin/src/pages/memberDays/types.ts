import type { MemberDayAudience, Recurrence } from '@mc/shared';

/** How the member-day pages show a rule (`AdminMemberDay` of @mc/shared) and read its times back. */

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 每月 7、17 日 / 每周三、周六. */
export function recurrenceText(r: Recurrence): string {
  if (r.kind === 'MONTHLY') return `每月 ${[...r.days].sort((a, b) => a - b).join('、')} 日`;
  const days = [...r.weekdays].sort((a, b) => a - b).map((d) => WEEKDAY_LABELS[d - 1] ?? `#${d}`);
  return `每${days.join('、')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 450 → '07:30', 1440 → '24:00'. */
export const minuteText = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** '07:30' → 450, '24:00' → 1440; null when not HH:mm within a day. */
export function parseMinute(text: string | undefined): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec((text ?? '').trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

export const AUDIENCE_LABELS: Record<MemberDayAudience, string> = {
  PAID_MEMBERS: '付费会员',
  TIER_AT_LEAST: '等级及以上',
};
