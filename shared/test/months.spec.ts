import fc from 'fast-check';
import { addMonths, isStoreMonth, monthsEnding } from '../src';

describe('store months', () => {
  it('adds months across years', () => {
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-05', 0)).toBe('2027-05');
    expect(addMonths('2027-05', -17)).toBe('2025-12');
    expect(monthsEnding('2027-02', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('is a valid month and undoes itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -500, max: 500 }), (y, m, n) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const moved = addMonths(month, n);
        return isStoreMonth(moved) && addMonths(moved, -n) === month && monthsEnding(moved, 2)[0] === addMonths(moved, -1);
      }),
    );
  });
});
