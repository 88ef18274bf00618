import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  applyRateBp,
  assertCents,
  assertNonNegativeCents,
  beiToBp,
  bpToBeiText,
  bpToZheText,
  formatBei,
  formatBpPercent,
  formatYuan,
  formatZhe,
  isCents,
  MAX_MULTIPLIER_BP,
  mulDivFloor,
  shareOfUnits,
  mulDivMod,
  mulDivRoundHalfUp,
  percentOfBp,
  prorate,
  roundHalfUp,
  yuanToCents,
  percentToBp,
  zheToBp,
} from '../src';

const safeNat = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('isCents / assertCents', () => {
  it.each([0, 1, -1, 1990, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])('accepts %p', (v) => {
    expect(isCents(v)).toBe(true);
    expect(() => assertCents(v)).not.toThrow();
  });
  it.each([0.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1, '1', null, undefined, 1n])('rejects %p', (v) => {
    expect(isCents(v)).toBe(false);
    expect(() => assertCents(v, 'priceCents')).toThrow(/priceCents/);
  });
  it('assertNonNegativeCents rejects negatives', () => {
    expect(() => assertNonNegativeCents(0)).not.toThrow();
    expect(() => assertNonNegativeCents(-1, 'x')).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [0, 1, 0],
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [14, 10, 1],
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [18905, 10, 1891],
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
  ])('%p / %p = %p', (n, d, q) => expect(roundHalfUp(n, d)).toBe(q));

  it.each([
    [-1, 2],
    [1, 0],
    [1, -2],
    [1.5, 2],
    [1, 0.5],
  ])('rejects %p / %p', (n, d) => expect(() => roundHalfUp(n, d)).toThrow(RangeError));

  it('matches exact big-integer rounding', () => {
    fc.assert(
      fc.property(safeNat, fc.integer({ min: 1, max: 2 ** 52 }), (n, d) => {
        const expected = (BigInt(n) * 2n + BigInt(d)) / (2n * BigInt(d));
        expect(roundHalfUp(n, d)).toBe(Number(expected));
      }),
    );
  });
});

describe('mulDivMod', () => {
  it('is exact when a × b exceeds 2^53', () => {
    expect(mulDivMod(2 ** 40, 2 ** 40, 2 ** 30)).toEqual([2 ** 50, 0]);
    expect(mulDivMod(9_999_999_999, 9_999_999_999, 10_000_000_000)).toEqual([9_999_999_998, 1]);
    expect(mulDivFloor(123_456_789_012, 300_000_000, 10_000_000_000)).toBe(3_703_703_670);
  });
  it('throws when the quotient is not safe', () => {
    expect(() => mulDivMod(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    expect(() => mulDivMod(2 ** 40, 2 ** 40, 3)).toThrow(RangeError);
  });
  it('rejects a divisor above 2^52 and negative factors', () => {
    expect(() => mulDivMod(1, 1, 2 ** 52 + 1)).toThrow(RangeError);
    expect(() => mulDivMod(-1, 1, 3)).toThrow(RangeError);
    expect(() => mulDivMod(1, -1, 3)).toThrow(RangeError);
  });
  it('matches big-integer arithmetic', () => {
    fc.assert(
      fc.property(safeNat, safeNat, fc.integer({ min: 1, max: 2 ** 52 }), (a, b, d) => {
        const p = BigInt(a) * BigInt(b);
        const q = p / BigInt(d);
        fc.pre(q <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(mulDivMod(a, b, d)).toEqual([Number(q), Number(p % BigInt(d))]);
        const half = (p * 2n + BigInt(d)) / (2n * BigInt(d));
        expect(mulDivRoundHalfUp(a, b, d)).toBe(Number(half));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 2 ** 20, max: 2 ** 52 }), (a, b, d) => {
        const p = BigInt(a) * BigInt(b);
        fc.pre(p / BigInt(d) <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(mulDivMod(a, b, d)).toEqual([Number(p / BigInt(d)), Number(p % BigInt(d))]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('applyRateBp', () => {
  it.each([
    [1990, 9500, 1891], // 1890.5 rounds up
    [1999, 8500, 1699], // 1699.15
    [10000, 10000, 10000],
    [10000, 0, 0],
    [1, 5000, 1], // 0.5 up
    [1, 4999, 0],
    [0, 9500, 0],
    [-1990, 9500, -1891], // half away from zero
    [-1, 4999, 0],
    [12345, 20000, 24690],
  ])('%p × %p bp = %p', (c, bp, r) => expect(applyRateBp(c, bp)).toBe(r));

  it('never returns -0', () => expect(Object.is(applyRateBp(-1, 0), 0)).toBe(true));

  it('rejects non-integer amounts and rates', () => {
    expect(() => applyRateBp(1.5, 100)).toThrow(RangeError);
    expect(() => applyRateBp(100, 1.5)).toThrow(RangeError);
    expect(() => applyRateBp(100, -1)).toThrow(RangeError);
  });

  it('is odd-symmetric and monotone in the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10000 }), (c, bp) => {
        expect(applyRateBp(-c, bp)).toBe(applyRateBp(c, bp) === 0 ? 0 : -applyRateBp(c, bp));
        expect(applyRateBp(c + 1, bp)).toBeGreaterThanOrEqual(applyRateBp(c, bp));
        expect(applyRateBp(c, bp)).toBeLessThanOrEqual(c);
      }),
    );
  });
});

describe('percentOfBp', () => {
  it.each([
    [25, 200, 1250],
    [0, 7, 0],
    [7, 7, 10000],
    [1, 3, 3333],
    [2, 3, 6667],
    [14, 10, 14000],
  ])('%p of %p = %p bp', (p, w, bp) => expect(percentOfBp(p, w)).toBe(bp));
  it('rejects a zero whole or negative part', () => {
    expect(() => percentOfBp(1, 0)).toThrow(RangeError);
    expect(() => percentOfBp(-1, 5)).toThrow(RangeError);
  });
});

describe('prorate', () => {
  it.each([
    [1000, [1000, 1000, 1000], [334, 333, 333]],
    [100, [500, 300, 200], [50, 30, 20]],
    [333, [700, 200, 100], [233, 67, 33]],
    [5000, [3000, 7001], [1500, 3500]],
    [2, [1, 1, 1], [1, 1, 0]],
    [10, [0, 5, 0, 5], [0, 5, 0, 5]],
    [3, [0, 1, 0, 1], [0, 2, 0, 1]],
    [0, [3, 4], [0, 0]],
    [7, [5], [7]],
    [1, [1, 2], [0, 1]],
    [5, [0, 0, 0], [2, 2, 1]], // all weights 0: split evenly, extra fen to the lowest indices
    [0, [0, 0], [0, 0]],
    [-1000, [1000, 1000, 1000], [-334, -333, -333]],
    [10, [1, 1], [5, 5]],
    [100, [1, 2], [33, 67]], // total above Σw is allowed
  ])('prorate(%p, %j) = %j', (total, weights, shares) => expect(prorate(total, weights)).toEqual(shares));

  it('splits 0 over no weights and refuses anything else', () => {
    expect(prorate(0, [])).toEqual([]);
    expect(() => prorate(1, [])).toThrow(RangeError);
  });

  it('rejects bad weights and totals', () => {
    expect(() => prorate(10, [1, -1])).toThrow(/weights\[1\]/);
    expect(() => prorate(10, [1.5])).toThrow(RangeError);
    expect(() => prorate(0.5, [1])).toThrow(RangeError);
    expect(() => prorate(1, [Number.MAX_SAFE_INTEGER, 2])).toThrow(RangeError);
  });

  it('never returns -0', () => {
    for (const share of prorate(-1, [1, 1])) expect(Object.is(share, 0) || share < 0).toBe(true);
  });

  const weightsArb = fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 12 });

  it('shares sum to the total, lie within one fen of the exact share, and zero weights get 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weightsArb, (total, weights) => {
        const shares = prorate(total, weights);
        expect(shares).toHaveLength(weights.length);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((s, i) => {
          const w = sum === 0 ? 1 : weights[i];
          const W = sum === 0 ? weights.length : sum;
          const floor = Math.floor((total * w) / W);
          expect(s >= floor - 1 && s <= floor + 1).toBe(true);
          expect(s * W <= total * w + W && s * W >= total * w - W).toBe(true);
          if (sum > 0 && weights[i] === 0) expect(s).toBe(0);
          if (total <= sum) expect(s).toBeLessThanOrEqual(weights[i]);
          expect(s).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('is deterministic and a larger weight never gets less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weightsArb, (total, weights) => {
        const shares = prorate(total, weights);
        expect(prorate(total, [...weights])).toEqual(shares);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i] > weights[j]) expect(shares[i]).toBeGreaterThanOrEqual(shares[j]);
          }
        }
      }),
    );
  });

  it('a negative total is the negated split of its magnitude', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), weightsArb, (total, weights) => {
        expect(prorate(-total, weights)).toEqual(prorate(total, weights).map((s) => (s === 0 ? 0 : -s)));
      }),
    );
  });
});

describe('formatYuan', () => {
  it.each([
    [1990, '19.90'],
    [16800, '168.00'],
    [5, '0.05'],
    [50, '0.50'],
    [0, '0.00'],
    [-0, '0.00'],
    [-320, '-3.20'],
    [-5, '-0.05'],
    [100, '1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%p → %p', (c, s) => expect(formatYuan(c)).toBe(s));
  it('rejects non-integers', () => expect(() => formatYuan(19.9)).toThrow(RangeError));
});

describe('yuanToCents', () => {
  it.each([
    ['19.9', 1990],
    ['19.90', 1990],
    ['19', 1900],
    ['168', 16800],
    ['0.05', 5],
    ['0.5', 50],
    ['0', 0],
    ['-0', 0],
    ['-3.2', -320],
    [' 12.34 ', 1234],
    ['007.10', 710],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%p → %p', (s, c) => expect(yuanToCents(s)).toBe(c));

  it('never returns -0', () => expect(Object.is(yuanToCents('-0.00'), 0)).toBe(true));

  it.each(['', ' ', '19.999', '1e3', '+1', '1,000', '.5', '5.', '¥5', 'abc', '--1', '1.2.3', 'NaN', 'Infinity', '0x10', '90071992547409.92', '100000000000000'])(
    'rejects %p',
    (s) => expect(() => yuanToCents(s)).toThrow(RangeError),
  );

  it('rejects non-strings', () => expect(() => yuanToCents(19.9 as unknown as string)).toThrow(RangeError));

  it('round-trips with formatYuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => {
        expect(yuanToCents(formatYuan(c))).toBe(c === 0 ? 0 : c);
      }),
    );
  });
});

describe('formatZhe / formatBpPercent', () => {
  it.each([
    [9500, '9.5'],
    [9000, '9'],
    [8850, '8.85'],
    [9999, '9.999'],
    [10000, '10'],
    [500, '0.5'],
    [0, '0'],
  ])('formatZhe(%p) = %p', (bp, s) => expect(formatZhe(bp)).toBe(s));
  it.each([
    [1250, '12.5%'],
    [300, '3%'],
    [1000, '10%'],
    [1, '0.01%'],
    [10000, '100%'],
    [0, '0%'],
  ])('formatBpPercent(%p) = %p', (bp, s) => expect(formatBpPercent(bp)).toBe(s));
  it('rejects bad rates', () => {
    expect(() => formatZhe(-1)).toThrow(RangeError);
    expect(() => formatBpPercent(0.5)).toThrow(RangeError);
  });
});

describe('formatBei / bpToBeiText / bpToZheText', () => {
  it.each([
    [20000, '2'],
    [15000, '1.5'],
    [12500, '1.25'],
    [12345, '1.2345'],
    [10000, '1'],
    [10001, '1.0001'],
    [1000000, '100'],
    [0, '0'],
  ])('bpToBeiText(%p) = %p', (bp, s) => {
    expect(bpToBeiText(bp)).toBe(s);
    expect(formatBei(bp)).toBe(`${s} 倍`);
  });
  it('formatBei has the unit', () => {
    expect(formatBei(20000)).toBe('2 倍');
    expect(formatBei(15000)).toBe('1.5 倍');
  });
  it.each([
    [8500, '8.5'],
    [9000, '9'],
    [10000, '10'],
    [8850, '8.85'],
    [10, '0.01'],
  ])('bpToZheText(%p) = %p, the same text as formatZhe', (bp, s) => {
    expect(bpToZheText(bp)).toBe(s);
    expect(formatZhe(bp)).toBe(s);
  });
  it('shows every basis point, never a rounded figure', () => {
    // what a float round to 2 decimals got wrong: 9.995.toFixed(2) is '9.99', 1.2345 showed as '1.23'
    expect(formatZhe(9995)).toBe('9.995');
    expect(formatZhe(8885)).toBe('8.885');
    expect(bpToBeiText(12345)).toBe('1.2345');
  });
  it('rejects bad rates', () => {
    for (const f of [bpToBeiText, formatBei, bpToZheText]) {
      expect(() => f(-1)).toThrow(RangeError);
      expect(() => f(1.5)).toThrow(RangeError);
      expect(() => f(Number.NaN)).toThrow(RangeError);
    }
  });
});

describe('percentToBp', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['12.34', 1234],
    ['0.01', 1],
    ['0', 0],
    ['0.00', 0],
    ['3', 300],
    ['50', 5000],
    ['100', 10000],
    ['4.03', 403],
    [' 7.5 ', 750],
  ])('%p → %p', (text, bp) => expect(percentToBp(text)).toBe(bp));

  it.each(['', '12.345', '100.01', '101', '-1', '+5', '.5', '5.', '5%', '1e1', '５'])('refuses %p', (text) => expect(percentToBp(text)).toBeNull());

  it('round-trips every bp in [0, 10000] through formatBpPercent, and reads any two-decimal text exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10000 }), (bp) => expect(percentToBp(formatBpPercent(bp).slice(0, -1))).toBe(bp)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const bp = whole * 100 + cents;
        expect(percentToBp(`${whole}.${String(cents).padStart(2, '0')}`)).toBe(bp <= 10000 ? bp : null);
      }),
    );
  });
});

describe('zheToBp', () => {
  it.each([
    ['8.5', 8500],
    ['9', 9000],
    ['8.85', 8850],
    ['8.7', 8700],
    ['8.03', 8030], // 8.03 × 1000 is 8029.999999999999 in floats
    ['4.03', 4030], // 4.03 × 1000 is 4030.0000000000005
    ['5.55', 5550],
    ['9.99', 9990],
    ['10', 10000],
    ['10.0', 10000],
    ['10.00', 10000],
    ['0.01', 10],
    ['9.50', 9500],
    [' 8.5 ', 8500],
    ['08.5', 8500],
  ])('%p → %p', (text, bp) => expect(zheToBp(text)).toBe(bp));

  it.each(['', ' ', '8.855', '9.999', '0', '0.00', '0.001', '10.01', '11', '100', '-8.5', '+8.5', '.5', '8.', '8,5', '8.5折', '1e1', 'NaN', 'Infinity', '0x8', '８.５', '8 .5', '9999999999999999999'])(
    'refuses %p',
    (text) => expect(zheToBp(text)).toBeNull(),
  );

  it('refuses anything but a string', () => {
    for (const v of [8.5, 9, null, undefined, {}, ['9']]) expect(zheToBp(v as unknown as string)).toBeNull();
  });

  const zheText = fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(0, 1, 2))
    .map(([whole, hundredths, decimals]) => {
      if (decimals === 0) return { text: String(whole), hundredths: whole * 100 };
      if (decimals === 1) return { text: `${whole}.${hundredths % 10}`, hundredths: whole * 100 + (hundredths % 10) * 10 };
      return { text: `${whole}.${String(hundredths).padStart(2, '0')}`, hundredths: whole * 100 + hundredths };
    });

  it('reads every decimal with at most two places exactly, and refuses those outside (0, 10]', () => {
    fc.assert(
      fc.property(zheText, ({ text, hundredths }) => {
        const expected = hundredths > 0 && hundredths <= 1000 ? hundredths * 10 : null;
        expect(zheToBp(text)).toBe(expected);
      }),
    );
  });

  it('round-trips text → bp → text (the text without trailing zeros)', () => {
    fc.assert(
      fc.property(zheText, ({ text }) => {
        const bp = zheToBp(text);
        fc.pre(bp !== null);
        const canonical = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
        expect(bpToZheText(bp!)).toBe(canonical);
        expect(zheToBp(bpToZheText(bp!))).toBe(bp);
      }),
    );
  });

  it('round-trips bp → text → bp for every multiple of 0.01 折, and refuses a finer rate rather than rounding it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (hundredths) => {
        expect(zheToBp(bpToZheText(hundredths * 10))).toBe(hundredths * 10);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), (bp) => {
        expect(zheToBp(bpToZheText(bp))).toBe(bp % 10 === 0 ? bp : null);
      }),
    );
  });

  it('answers an integer number of bp in range or null for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{0,3}(\.[0-9]{0,4})?$/)), (text) => {
        const bp = zheToBp(text);
        if (bp !== null) {
          expect(Number.isSafeInteger(bp)).toBe(true);
          expect(bp > 0 && bp <= 10000 && bp % 10 === 0).toBe(true);
        }
      }),
    );
  });
});

describe('beiToBp', () => {
  it.each([
    ['1.5', 15000],
    ['2', 20000],
    ['1', 10000],
    ['1.25', 12500],
    ['1.1', 11000],
    ['1.13', 11300], // 1.13 × 10000 is 11299.999999999998 in floats
    ['2.01', 20100], // 2.01 × 10000 is 20099.999999999996
    ['0.57', 5700], // 0.57 × 10000 is 5699.999999999999
    ['0.5', 5000],
    ['0.01', 100],
    ['10', 100000],
    ['100', MAX_MULTIPLIER_BP],
    [' 3 ', 30000],
  ])('%p → %p', (text, bp) => expect(beiToBp(text)).toBe(bp));

  it.each(['', '1.255', '1.2345', '0', '0.00', '100.01', '101', '-1', '+1', '.5', '1.', '1,5', '2倍', '1e1', '２'])('refuses %p', (text) =>
    expect(beiToBp(text)).toBeNull(),
  );

  it('refuses anything but a string', () => expect(beiToBp(1.5 as unknown as string)).toBeNull());

  it('round-trips text → bp → text and bp → text → bp for every multiple of 0.01 倍', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), (hundredths) => {
        const bp = hundredths * 100;
        const text = bpToBeiText(bp);
        expect(beiToBp(text)).toBe(bp);
        const typed = `${(hundredths - (hundredths % 100)) / 100}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(beiToBp(typed)).toBe(bp);
        expect(bpToBeiText(beiToBp(typed)!)).toBe(text);
      }),
    );
  });

  it('refuses a multiplier finer than 0.01 倍 rather than rounding it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_MULTIPLIER_BP }), (bp) => {
        expect(beiToBp(bpToBeiText(bp))).toBe(bp % 100 === 0 ? bp : null);
      }),
    );
  });
});

describe('integer arithmetic only', () => {
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  }
  it('no source file uses float formatting or parsing', () => {
    const banned = ['to' + 'Fixed', 'parse' + 'Float', 'to' + 'Precision', 'Math.' + 'round'];
    for (const file of sources(path.join(__dirname, '..', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const word of banned) expect({ file, word, found: text.includes(word) }).toEqual({ file, word, found: false });
    }
  });
});

describe('shareOfUnits', () => {
  it('spreads a line total over its units so that every way of taking them all sums to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 60 }), (total, qty, steps) => {
        let done = 0;
        let sum = 0;
        for (const step of steps) {
          const k = Math.min(step, qty - done);
          if (k <= 0) break;
          const part = shareOfUnits(total, qty, done, k);
          expect(part).toBeGreaterThanOrEqual(0);
          sum += part;
          done += k;
        }
        expect(sum).toBe(shareOfUnits(total, qty, 0, done));
        if (done === qty) expect(sum).toBe(total);
      }),
    );
  });

  it('gives each unit the floor of its cumulative share', () => {
    expect([0, 1, 2].map((d) => shareOfUnits(100, 3, d, 1))).toEqual([33, 33, 34]);
    expect(shareOfUnits(100, 3, 0, 2)).toBe(66);
  });
});
