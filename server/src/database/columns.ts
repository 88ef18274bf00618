import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** BIGINT read back as a JS number only when it is a safe integer (mysql2 returns strings). */
export const safeInteger: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => {
    if (v === null || v === undefined) return v;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`unsafe integer read from database: ${v}`);
    return n;
  },
};

/** Prices and amounts in fen: INT. */
export const CentsColumn = (opts: ColumnOptions = {}) => Column({ type: 'int', ...opts });
/** Balances and running sums: BIGINT, asserted safe on read. */
export const BigCountColumn = (opts: ColumnOptions = {}) => Column({ type: 'bigint', transformer: safeInteger, ...opts });
/** UTC instant with milliseconds; the value always comes from the injectable Clock. */
export const TimeColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...opts });
