import { formatYuan, POINT_VALUES, POINTS_EXPIRY_MAX_YEARS, type PointsRulesView } from '@mc/shared';
import type { FormRule } from 'antd';
import { intMessage, intRule, parseInteger } from '../../numberRules';

/**
 * The points rules of `GET/PUT /api/admin/points-rules` and the form's rules over them. Number
 * fields are text: the form keeps what staff typed and refuses what is out of range with the
 * field's message (the server's sentence); the body is made from the same text.
 */
export type PointsRules = PointsRulesView;

export const POINTS_VALUE_OPTIONS = [...POINT_VALUES].reverse().map((cents) => ({ value: cents, label: `100 积分抵 ${formatYuan(cents)} 元` }));

export const EARN_ON_OPTIONS = [
  { value: 'COMPLETION', label: '订单完成后发放' },
  { value: 'PAYMENT', label: '支付成功即发放' },
] as const;

export const MAX_EARN_PER_YUAN = 10_000;
export const MAX_GIFT_POINTS = 1_000_000;
export const MAX_EXPIRY_YEARS = POINTS_EXPIRY_MAX_YEARS;

export const earnRule = intRule('每元获得积分', 0, MAX_EARN_PER_YUAN);
export const expiryRule = intRule('积分有效期', 0, MAX_EXPIRY_YEARS);
export const giftRule = intRule('生日礼积分', 0, MAX_GIFT_POINTS);
export { intMessage };

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** A share typed in per cent ('50', '12.5', '0.01') → basis points; null unless 0–100 with at most two decimals, as typed. */
export function parsePercentBp(text: string | null | undefined): number | null {
  const m = PERCENT.exec(text ?? '');
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 5000 → '50', 1250 → '12.5', 1 → '0.01': the text a per-cent field starts from. */
export const bpText = (bp: number) => `${Math.floor(bp / 100)}${bp % 100 ? `.${String(bp % 100).padStart(2, '0').replace(/0$/, '')}` : ''}`;

export const SPEND_SHARE_MESSAGE = '积分抵扣上限须为 0 到 100 之间的百分数，最多两位小数';

export const spendShareRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value || parsePercentBp(value) !== null ? Promise.resolve() : Promise.reject(new Error(SPEND_SHARE_MESSAGE)),
};

/**
 * What the typed expiry means: '今天获得的积分将于 2027-12-31 过期' for the year of `today` (the
 * store day, when known), '积分永不过期' for 0, the rule itself while the text is not valid.
 */
export function expirySentence(years: number | null, today: string | null): string {
  if (years === null || years < 0 || years > MAX_EXPIRY_YEARS) return '1 = 获得积分次年的 12 月 31 日过期，0 = 永不过期';
  if (years === 0) return '积分永不过期';
  return today ? `今天获得的积分将于 ${Number(today.slice(0, 4)) + years}-12-31 过期` : `获得积分后第 ${years} 年的 12 月 31 日过期`;
}

export { parseInteger };
