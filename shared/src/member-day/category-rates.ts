import type { Bp } from '../money';

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * A member day's category rates as they apply: a rated category's rate reaches each of its
 * children that has no rate of its own (categories have two levels, so a root's rate covers its
 * subtree). `categories` must hold the children of the rated categories; others are ignored. Keys
 * are category ids as strings.
 */
export function categoryRatesWithChildren(rates: Readonly<Record<string, Bp>>, categories: readonly { id: number | string; parentId: number | string | null }[]): Record<string, Bp> {
  const out: Record<string, Bp> = { ...rates };
  for (const c of categories) {
    const parent = String(c.parentId);
    const child = String(c.id);
    if (c.parentId !== null && has(rates, parent) && !has(out, child)) out[child] = rates[parent];
  }
  return out;
}
