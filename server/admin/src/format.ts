import { formatYuan } from '@mc/shared';

/**
 * Display and input helpers. Money is integer fen everywhere (docs/domain.md): no
 * floating-point parsing or rounding of amounts, only integer and string arithmetic.
 */

/** 1990 → '19.90', -5 → '-0.05' (no ¥, no separators): the text a yuan input starts from. */
export { formatYuan };

/** Show fen as yuan: 1990 → '¥19.90'. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isSafeInteger(cents)) return '—';
  const text = formatYuan(cents);
  return cents < 0 ? `-¥${text.slice(1)}` : `¥${text}`;
}

const YUAN = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** A yuan amount typed by staff → fen: '19.9' → 1990, '168' → 16800; null when not a non-negative amount with at most 2 decimals. */
export function parseYuan(text: string | null | undefined): number | null {
  const match = YUAN.exec((text ?? '').trim());
  if (!match) return null;
  const [, whole, frac = ''] = match;
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO-8601 time in local time: '2025-05-01 14:03'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
