import fc from 'fast-check';
import { quintileCuts, quintileScore, recencyDays, RFM_GROUPS, rfmCuts, rfmGroup, rfmScores, type RfmScore } from '../src';

const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200 });

describe('quintile scores', () => {
  it('hand-counted: ten distinct values, two per score; ties share the lower score', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const cuts = quintileCuts(ten);
    expect(cuts).toEqual([2, 4, 6, 8]);
    expect(ten.map((v) => quintileScore(v, cuts))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // most customers bought once: once is the bottom, twice already above the median
    const orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
    const oc = quintileCuts(orders);
    expect(oc).toEqual([1, 1, 1, 2]);
    expect([1, 2, 3, 5].map((v) => quintileScore(v, oc))).toEqual([1, 4, 5, 5]);
    expect(quintileCuts([])).toEqual([]);
    expect(quintileScore(7, [])).toBe(1);
  });

  it('a score is 1–5, never falls as the value grows, and equal values score the same', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -1100, max: 1100 }), fc.integer({ min: -1100, max: 1100 }), (vs, a, b) => {
        const cuts = quintileCuts(vs);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = quintileScore(lo, cuts);
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(5);
        expect(quintileScore(hi, cuts)).toBeGreaterThanOrEqual(s);
        expect(quintileScore(lo, cuts)).toBe(s);
      }),
    );
  });

  it('distinct values fall into five classes of ⌊n/5⌋ or ⌈n/5⌉', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 300 }), (vs) => {
        const cuts = quintileCuts(vs);
        const counts = [0, 0, 0, 0, 0];
        for (const v of vs) counts[quintileScore(v, cuts) - 1]++;
        for (const c of counts) expect([Math.floor(vs.length / 5), Math.ceil(vs.length / 5)]).toContain(c);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(vs.length);
      }),
    );
  });

  it('the order of the input does not matter', () => {
    fc.assert(fc.property(values, (vs) => expect(quintileCuts([...vs].reverse())).toEqual(quintileCuts(vs))));
  });
});

describe('RFM', () => {
  const figures = fc.record({ recencyDays: fc.integer({ min: 0, max: 400 }), orders: fc.integer({ min: 1, max: 30 }), monetaryCents: fc.integer({ min: 0, max: 1_000_000 }) });

  it('fewer days since the last order never scores lower on R; more orders or money never lower on F or M', () => {
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 100 }), figures, (rows, x) => {
        const cuts = rfmCuts(rows);
        const s = rfmScores(x, cuts);
        const better = rfmScores({ recencyDays: Math.max(0, x.recencyDays - 1), orders: x.orders + 1, monetaryCents: x.monetaryCents + 1 }, cuts);
        expect(better.r).toBeGreaterThanOrEqual(s.r);
        expect(better.f).toBeGreaterThanOrEqual(s.f);
        expect(better.m).toBeGreaterThanOrEqual(s.m);
      }),
    );
  });

  it('the most recent buyer scores R 5 and the latest-but-one buyer (all distinct) scores lower', () => {
    const rows = [0, 10, 20, 30, 40].map((d) => ({ recencyDays: d, orders: 1, monetaryCents: 100 }));
    const cuts = rfmCuts(rows);
    expect(rows.map((r) => rfmScores(r, cuts).r)).toEqual([5, 4, 3, 2, 1]);
  });

  it('every score triple belongs to exactly one of the eight groups, by high (≥ 3) and low', () => {
    const seen = new Set<string>();
    const scores: RfmScore[] = [1, 2, 3, 4, 5];
    for (const r of scores) for (const f of scores) for (const m of scores) seen.add(rfmGroup({ r, f, m }));
    expect([...seen].sort()).toEqual([...RFM_GROUPS].sort());
    expect(rfmGroup({ r: 5, f: 5, m: 5 })).toBe('IMPORTANT_VALUE');
    expect(rfmGroup({ r: 3, f: 2, m: 4 })).toBe('IMPORTANT_DEVELOP');
    expect(rfmGroup({ r: 2, f: 3, m: 3 })).toBe('IMPORTANT_RETAIN');
    expect(rfmGroup({ r: 1, f: 1, m: 5 })).toBe('IMPORTANT_WINBACK');
    expect(rfmGroup({ r: 4, f: 4, m: 2 })).toBe('GENERAL_VALUE');
    expect(rfmGroup({ r: 1, f: 1, m: 1 })).toBe('GENERAL_WINBACK');
  });

  it('counts whole days since the latest order', () => {
    const day = 86_400_000;
    expect(recencyDays(0, day - 1)).toBe(0);
    expect(recencyDays(0, day)).toBe(1);
    expect(recencyDays(5 * day, 0)).toBe(0);
  });
});
