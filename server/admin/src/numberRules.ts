import type { FormRule } from 'antd';

/**
 * Whole-number fields are text: the field keeps what staff typed (nothing rounded or clamped on
 * blur, as antd's InputNumber did), a text that is not a whole number in [min, max] is refused with
 * the field's message — the sentence the server answers with — and the body is made from the
 * same text with parseInteger.
 */

const INT = /^-?\d{1,10}$/;

/** '15' → 15, '-3' → -3; null for anything else as typed ('abc', '1.5', ' 3', '', '+3'). */
export function parseInteger(text: string | null | undefined): number | null {
  const s = text ?? '';
  return INT.test(s) ? Number(s) : null;
}

/** The text a field starts with: '' for none. */
export const intText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/** '库存须为 0 到 1000000000 之间的整数': the field's message, as the server says it. */
export const intMessage = (label: string, min: number, max: number) => `${label}须为 ${min} 到 ${max} 之间的整数`;

/** A whole number in [min, max]; an empty field is left to `required` (or is allowed). */
export function intRule(label: string, min: number, max: number): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (value === undefined || value === null || value === '') return Promise.resolve();
      const n = parseInteger(value);
      return n !== null && n >= min && n <= max ? Promise.resolve() : Promise.reject(new Error(intMessage(label, min, max)));
    },
  };
}

/** Stock, grams and fen: the server's upper bound. */
export const MAX_INT = 1_000_000_000;
