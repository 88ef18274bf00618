/**
 * Rates and multipliers are basis points on the wire (docs/membership-contract.md):
 * a price rate 9000 is shown as 9 折, a points multiplier 20000 as 2 倍.
 */

/** Trailing zeros off: 8.50 → '8.5', 9.00 → '9'. */
const trim = (n: number) => String(Number(n.toFixed(2)));

/** 9000 → '9 折', 8500 → '8.5 折', 10000 → '无折扣'. */
export const formatZhe = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '—' : bp >= 10000 ? '无折扣' : `${trim(bp / 1000)} 折`;

/** 20000 → '2 倍', 15000 → '1.5 倍'. */
export const formatBei = (bp: number | null | undefined): string => (bp === null || bp === undefined ? '—' : `${trim(bp / 10000)} 倍`);

/** The 折 typed (8.5) ↔ basis points (8500). */
export const zheToBp = (zhe: number): number => Math.round(zhe * 1000);
export const bpToZhe = (bp: number): number => bp / 1000;

/** The 倍 typed (1.5) ↔ basis points (15000). */
export const beiToBp = (bei: number): number => Math.round(bei * 10000);
export const bpToBei = (bp: number): number => bp / 10000;
