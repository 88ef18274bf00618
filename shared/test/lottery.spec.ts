import fc from 'fast-check';
import { pickWeighted, totalWeight } from '../src';

describe('pickWeighted', () => {
  it('picks by cumulative weight', () => {
    const w = [3, 0, 1];
    expect([0, 1, 2, 3].map((r) => pickWeighted(w, r))).toEqual([0, 0, 0, 2]);
    expect(pickWeighted(w, 4)).toBe(-1);
    expect(pickWeighted([], 0)).toBe(-1);
    expect(pickWeighted([0, 0], 0)).toBe(-1);
  });

  it('over every r in [0, total) each prize is picked exactly its weight times, a zero weight never', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), (weights) => {
        const total = totalWeight(weights);
        const counts = weights.map(() => 0);
        for (let r = 0; r < total; r++) counts[pickWeighted(weights, r)]++;
        expect(counts).toEqual(weights);
        expect(pickWeighted(weights, total)).toBe(-1);
      }),
    );
  });
});
