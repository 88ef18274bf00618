/**
 * Subscription messages (WeChat one-time subscriptions): the kinds the store sends, the fields each
 * kind fills, and how those fields land in a WeChat template's keywords (`thing1`, `time2`, …).
 * Pure: the server formats the values (in the store's time zone) and sends; this decides shapes.
 */
import { zoneOffsetMinutes } from './member-day/recurrence';
import { formatYuan, type Cents } from './money';

export const MESSAGE_KINDS = ['ORDER_SHIPPED', 'MEMBER_DAY_TOMORROW', 'CARD_EXPIRING', 'CHECK_IN_STREAK', 'COMMISSION_SETTLED', 'CAMPAIGN'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABEL: Readonly<Record<MessageKind, string>> = {
  ORDER_SHIPPED: '订单发货通知',
  MEMBER_DAY_TOMORROW: '会员日明日开始提醒',
  CARD_EXPIRING: '会员卡即将到期提醒',
  CHECK_IN_STREAK: '连续签到即将中断提醒',
  COMMISSION_SETTLED: '佣金结算通知',
  CAMPAIGN: '活动通知',
};

/** What a field holds, which decides the template keywords it may fill. */
export type MessageFieldType = 'text' | 'code' | 'number' | 'amount' | 'date' | 'time';

export interface MessageField {
  name: string;
  label: string;
  type: MessageFieldType;
}

const f = (name: string, label: string, type: MessageFieldType): MessageField => ({ name, label, type });

/** The fields each kind fills, in the order the admin lists them. */
export const MESSAGE_FIELDS: Readonly<Record<MessageKind, readonly MessageField[]>> = {
  ORDER_SHIPPED: [f('orderNo', '订单号', 'code'), f('goods', '商品名称', 'text'), f('carrier', '快递公司', 'text'), f('trackingNo', '快递单号', 'code'), f('shippedAt', '发货时间', 'time'), f('payable', '订单金额', 'amount')],
  MEMBER_DAY_TOMORROW: [f('name', '活动名称', 'text'), f('date', '活动日期', 'date'), f('startsAt', '开始时间', 'time'), f('hours', '活动时段', 'text'), f('tip', '温馨提示', 'text')],
  CARD_EXPIRING: [f('endsAt', '到期时间', 'time'), f('endDate', '到期日期', 'date'), f('daysLeft', '剩余天数', 'number'), f('tip', '温馨提示', 'text')],
  CHECK_IN_STREAK: [f('streak', '已连续签到天数', 'number'), f('date', '日期', 'date'), f('tip', '温馨提示', 'text')],
  COMMISSION_SETTLED: [f('amount', '佣金金额', 'amount'), f('orderNo', '订单号', 'code'), f('settledAt', '结算时间', 'time'), f('tip', '温馨提示', 'text')],
  CAMPAIGN: [f('title', '活动标题', 'text'), f('content', '活动内容', 'text'), f('sentAt', '发送时间', 'time')],
};

/** Moments the mini-program asks for consent, and the kinds it asks for there. */
export const SUBSCRIPTION_SCENES = ['after-order', 'member-day', 'check-in', 'distributor'] as const;
export type SubscriptionScene = (typeof SUBSCRIPTION_SCENES)[number];

export const SCENE_KINDS: Readonly<Record<SubscriptionScene, readonly MessageKind[]>> = {
  'after-order': ['ORDER_SHIPPED'],
  'member-day': ['MEMBER_DAY_TOMORROW', 'CARD_EXPIRING', 'CAMPAIGN'],
  'check-in': ['CHECK_IN_STREAK', 'CAMPAIGN'],
  distributor: ['COMMISSION_SETTLED'],
};

/** WeChat keyword types this store fills, the field types each accepts, and its length limit (characters). */
const KEYWORDS: Record<string, { accepts: readonly MessageFieldType[]; max: number | null }> = {
  thing: { accepts: ['text', 'code', 'number', 'amount', 'date', 'time'], max: 20 },
  character_string: { accepts: ['code', 'number'], max: 32 },
  number: { accepts: ['number'], max: 32 },
  letter: { accepts: ['code'], max: 32 },
  symbol: { accepts: ['code'], max: 5 },
  phrase: { accepts: ['text'], max: 5 },
  name: { accepts: ['text'], max: 10 },
  amount: { accepts: ['amount'], max: null },
  date: { accepts: ['date', 'time'], max: null },
  time: { accepts: ['time', 'date'], max: null },
};

const KEYWORD_RE = /^([a-z_]+?)([1-9]\d?)$/;
export const TEMPLATE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const TEMPLATE_MAX_KEYWORDS = 10;

function keywordType(key: string): string | null {
  const m = KEYWORD_RE.exec(key);
  return m && KEYWORDS[m[1]] ? m[1] : null;
}

export interface TemplateSetting {
  /** The template id from the WeChat console ('' while not configured). */
  templateId: string;
  /** Template keyword (`thing1`) → our field name (`goods`). */
  fields: Record<string, string>;
  /** The mini-program page the message opens (no leading slash), or null for the kind's default. */
  page: string | null;
  enabled: boolean;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

/** What is wrong with a template setting for a kind (empty: valid). Refused, never corrected. */
export function templateSettingProblems(kind: MessageKind, s: TemplateSetting): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (s.templateId !== '' && !TEMPLATE_ID_RE.test(s.templateId)) out.push({ field: 'templateId', problem: '模板 ID 只能包含字母、数字、- 和 _，最多 64 位' });
  if (s.enabled && s.templateId === '') out.push({ field: 'templateId', problem: '启用前请填写模板 ID' });
  const keys = Object.keys(s.fields);
  if (s.enabled && keys.length === 0) out.push({ field: 'fields', problem: '启用前请至少对应一个模板关键词' });
  if (keys.length > TEMPLATE_MAX_KEYWORDS) out.push({ field: 'fields', problem: `最多 ${TEMPLATE_MAX_KEYWORDS} 个关键词` });
  const known = new Map(MESSAGE_FIELDS[kind].map((x) => [x.name, x]));
  for (const key of keys) {
    const type = keywordType(key);
    const field = known.get(s.fields[key]);
    if (!type) out.push({ field: `fields.${key}`, problem: `「${key}」不是模板关键词，应如 thing1、time2、amount3` });
    else if (!field) out.push({ field: `fields.${key}`, problem: `没有字段「${s.fields[key]}」` });
    else if (!KEYWORDS[type].accepts.includes(field.type)) out.push({ field: `fields.${key}`, problem: `${type} 类关键词不能填「${field.label}」` });
  }
  if (s.page !== null && !/^[A-Za-z0-9_\-/]{1,120}(\?[A-Za-z0-9_\-=&%.]{0,120})?$/.test(s.page)) out.push({ field: 'page', problem: '页面路径如 order/pages/detail/index?id=1，不以 / 开头' });
  else if (s.page?.startsWith('/')) out.push({ field: 'page', problem: '页面路径不以 / 开头' });
  return out;
}

/** How many characters a keyword takes (null: no limit, or not a keyword). */
export function keywordMaxLength(key: string): number | null {
  const type = keywordType(key);
  return type ? KEYWORDS[type].max : null;
}

/**
 * What is wrong with values staff typed for a template's keywords (a campaign's message): each
 * value must fit, as typed, every keyword its field is mapped to. Refused, never cut.
 */
export function typedValueProblems(fields: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const limits = Object.entries(fields).flatMap(([key, field]) => (field === name ? [keywordMaxLength(key)] : [])).filter((n): n is number => n !== null);
    const max = limits.length ? Math.min(...limits) : null;
    if (value.trim() === '') out.push({ field: name, problem: '不能为空' });
    else if (max !== null && Array.from(value).length > max) out.push({ field: name, problem: `模板关键词最多 ${max} 个字` });
  }
  return out;
}

/** A value cut to what the keyword takes (WeChat refuses longer ones); never empty. */
export function fitKeywordValue(key: string, value: string): string {
  const type = keywordType(key);
  const max = type ? KEYWORDS[type].max : null;
  const chars = Array.from(value.trim());
  if (chars.length === 0) return '-';
  if (max === null || chars.length <= max) return chars.join('');
  return type === 'thing' || type === 'name' ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
}

/** The `data` of a send: each mapped keyword with its field's value, fitted. */
export function templateData(fields: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(fields).map(([key, name]) => [key, { value: fitKeywordValue(key, values[name] ?? '') }]));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as a message shows it, in the store's time zone: 2027年3月4日 09:30. */
export function messageTime(timeZone: string, at: Date): string {
  const t = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

/** A store day YYYY-MM-DD as a message shows it: 2027年3月4日. */
export function messageDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Money as a message shows it: 12.30元. */
export function messageAmount(cents: Cents): string {
  return `${formatYuan(cents)}元`;
}
