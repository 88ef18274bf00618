import fc from 'fast-check';
import { categoryRatesWithChildren } from '../src';

// 1 茶 (root) → 11 绿茶, 12 红茶; 2 零食 (root) → 21 坚果
const CATEGORIES = [
  { id: 1, parentId: null },
  { id: 11, parentId: 1 },
  { id: 12, parentId: 1 },
  { id: 2, parentId: null },
  { id: 21, parentId: 2 },
];

describe('categoryRatesWithChildren: a rated root reaches its children', () => {
  it('gives the children the root rate, and a child rate of its own wins', () => {
    expect(categoryRatesWithChildren({ '1': 8000 }, CATEGORIES)).toEqual({ '1': 8000, '11': 8000, '12': 8000 });
    expect(categoryRatesWithChildren({ '1': 8000, '12': 9000 }, CATEGORIES)).toEqual({ '1': 8000, '11': 8000, '12': 9000 });
  });

  it('a rated child does not reach its parent or siblings; no rates, no rates', () => {
    expect(categoryRatesWithChildren({ '11': 9000 }, CATEGORIES)).toEqual({ '11': 9000 });
    expect(categoryRatesWithChildren({}, CATEGORIES)).toEqual({});
    expect(categoryRatesWithChildren({ '2': 7000 }, [])).toEqual({ '2': 7000 });
  });

  it('properties: keeps every rate given, adds only children of rated categories, each with its parent rate; input untouched', () => {
    const ids = [1, 2, 11, 12, 21];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids.map(String)), fc.integer({ min: 1, max: 10000 })), (drawn) => {
        const rates = { ...drawn };
        const before = { ...rates };
        const out = categoryRatesWithChildren(rates, CATEGORIES);
        expect(rates).toEqual(before);
        for (const [id, bp] of Object.entries(rates)) expect(out[id]).toBe(bp);
        for (const [id, bp] of Object.entries(out)) {
          if (id in rates) continue;
          const parent = CATEGORIES.find((c) => String(c.id) === id)!.parentId;
          expect(bp).toBe(rates[String(parent)]);
        }
        for (const c of CATEGORIES) if (c.parentId !== null && String(c.parentId) in rates) expect(String(c.id) in out).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
