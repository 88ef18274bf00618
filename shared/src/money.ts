/**
 * Money is an integer number of fen (1 yuan = 100 fen); rates are basis points (10000 = 100 %).
 * Integer arithmetic only: no floating-point formatting or parsing helpers anywhere in this package.
 */
export type Cents = number;
/** Basis points: 10000 = 100 % = 1×. */
export type Bp = number;

export const BP_SCALE = 10_000;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A safe integer number of fen, any sign. */
export function assertCents(value: unknown, name = 'amount'): asserts value is Cents {
  if (!isCents(value)) throw new RangeError(`${name} must be a safe integer number of fen, got ${String(value)}`);
}

export function assertNonNegativeCents(value: unknown, name = 'amount'): asserts value is Cents {
  if (!isCents(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer number of fen, got ${String(value)}`);
  }
}

function assertNonNegativeInt(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative safe integer`);
}

// Divisors up to 2^52 keep 2 × remainder a safe integer.
const MAX_DIVISOR = 2 ** 52;

function assertDivisor(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_DIVISOR) {
    throw new RangeError(`${name} must be a positive integer no larger than 2^52`);
  }
}

/**
 * Exact `[floor(a × b / d), (a × b) mod d]` for non-negative safe integers, even when a × b
 * exceeds 2^53 (only the quotient has to be a safe integer).
 */
export function mulDivMod(a: number, b: number, d: number): [number, number] {
  assertNonNegativeInt(a, 'a');
  assertNonNegativeInt(b, 'b');
  assertDivisor(d, 'd');
  const ra = a % d;
  const qa = (a - ra) / d;
  const high = qa * b;
  if (!Number.isSafeInteger(high)) throw new RangeError('mulDivMod: result is not a safe integer');
  let q: number;
  let r: number;
  const product = ra * b;
  if (Number.isSafeInteger(product)) {
    r = product % d;
    q = (product - r) / d;
  } else {
    // ra × b by doubling, keeping (q, r) normalised so every intermediate stays below 2^53.
    q = 0;
    r = 0;
    let bit = 1;
    while (bit * 2 <= b) bit *= 2;
    let rest = b;
    for (; bit >= 1; bit /= 2) {
      q *= 2;
      r *= 2;
      if (r >= d) {
        r -= d;
        q += 1;
      }
      if (rest >= bit) {
        rest -= bit;
        r += ra;
        if (r >= d) {
          r -= d;
          q += 1;
        }
      }
    }
  }
  const total = high + q;
  if (!Number.isSafeInteger(total)) throw new RangeError('mulDivMod: result is not a safe integer');
  return [total, r];
}

export function mulDivFloor(a: number, b: number, d: number): number {
  return mulDivMod(a, b, d)[0];
}

/** round(a × b / d), halves up, for non-negative integers. */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  const [q, r] = mulDivMod(a, b, d);
  return r >= d - r ? q + 1 : q;
}

/** numerator / denominator rounded half up; non-negative numerator, positive denominator. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return mulDivRoundHalfUp(numerator, 1, denominator);
}

function negate(value: number): number {
  return value === 0 ? 0 : -value;
}

/**
 * `cents × bp / 10000`, rounded half up (for a negative amount: half away from zero, so
 * `applyRateBp(-x, bp) === -applyRateBp(x, bp)`). `applyRateBp(1990, 9500)` = 1891 (19.90 × 95 %).
 */
export function applyRateBp(cents: Cents, bp: Bp): Cents {
  assertCents(cents, 'cents');
  assertNonNegativeInt(bp, 'bp');
  const magnitude = mulDivRoundHalfUp(Math.abs(cents), bp, BP_SCALE);
  return cents < 0 ? negate(magnitude) : magnitude;
}

/** What share of `whole` `part` is, in basis points, rounded half up: `percentOfBp(25, 200)` = 1250. */
export function percentOfBp(part: number, whole: number): Bp {
  assertNonNegativeInt(part, 'part');
  if (!Number.isSafeInteger(whole) || whole <= 0) throw new RangeError('whole must be a positive safe integer');
  return mulDivRoundHalfUp(part, BP_SCALE, whole);
}

/**
 * Split `total` over `weights` in proportion, by largest remainder: every share is
 * `floor(total × w / Σw)`, and the fen left over go one each to the largest remainders,
 * ties to the lower index. The shares always sum to `total` exactly.
 *
 * - A zero weight gets 0, unless every weight is 0: then the total is split evenly (as if all
 *   weights were 1), the extra fen to the lowest indices.
 * - When `0 ≤ total ≤ Σw`, no share exceeds its weight (a discount never exceeds its line).
 * - A negative total is split like its magnitude and negated.
 * - No weights: only a total of 0 can be split (→ []).
 */
export function prorate(total: Cents, weights: readonly number[]): Cents[] {
  assertCents(total, 'total');
  weights.forEach((w, i) => assertNonNegativeInt(w, `weights[${i}]`));
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('prorate: cannot split a non-zero total over no weights');
    return [];
  }
  if (total < 0) return prorate(-total, weights).map(negate);
  let sum = 0;
  for (const w of weights) sum += w;
  if (!Number.isSafeInteger(sum)) throw new RangeError('prorate: sum of weights is not a safe integer');
  const effective = sum === 0 ? weights.map(() => 1) : weights;
  const divisor = sum === 0 ? weights.length : sum;
  const shares: number[] = [];
  const remainders: number[] = [];
  let allocated = 0;
  for (const w of effective) {
    const [q, r] = mulDivMod(total, w, divisor);
    shares.push(q);
    remainders.push(r);
    allocated += q;
  }
  let left = total - allocated;
  if (left > 0) {
    const order = effective.map((_, i) => i).sort((i, j) => remainders[j] - remainders[i] || i - j);
    for (const i of order) {
      if (left === 0) break;
      shares[i] += 1;
      left -= 1;
    }
  }
  return shares;
}

/**
 * The share of a line's `totalCents` that belongs to units `done+1 … done+k` of its `qty` units:
 * the total spread over the units by cumulative floors, so that taking every unit, in any number
 * of steps, comes to exactly the total (refunded cash, returned points' value).
 */
export function shareOfUnits(totalCents: Cents, qty: number, done: number, k: number): Cents {
  const upTo = (n: number) => mulDivFloor(totalCents, n, qty);
  return upTo(done + k) - upTo(done);
}

/** 1990 → '19.90', -5 → '-0.05'. For display; no thousands separators. */
export function formatYuan(cents: Cents): string {
  assertCents(cents, 'cents');
  const abs = Math.abs(cents);
  const fen = abs % 100;
  const yuan = (abs - fen) / 100;
  return `${cents < 0 ? '-' : ''}${yuan}.${fen < 10 ? '0' : ''}${fen}`;
}

const YUAN_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parse a yuan amount typed by a merchant: '19.9' → 1990, '168' → 16800, '-3.2' → -320.
 * At most two decimals; surrounding spaces allowed; no signs other than a leading '-', no
 * exponents, no separators. Throws a RangeError on anything else.
 */
export function yuanToCents(text: string): Cents {
  const match = typeof text === 'string' ? YUAN_PATTERN.exec(text.trim()) : null;
  if (!match) throw new RangeError(`not a yuan amount: ${JSON.stringify(text)}`);
  const [, minus, intDigits, fracDigits = ''] = match;
  const digits = intDigits.replace(/^0+(?=\d)/, '');
  if (digits.length > 14) throw new RangeError(`yuan amount too large: ${text}`);
  const fen = fracDigits.length === 0 ? 0 : fracDigits.length === 1 ? Number(fracDigits) * 10 : Number(fracDigits);
  const cents = Number(digits) * 100 + fen;
  if (!Number.isSafeInteger(cents)) throw new RangeError(`yuan amount too large: ${text}`);
  return minus ? negate(cents) : cents;
}

function formatScaled(value: number, scaleDigits: number): string {
  const scale = 10 ** scaleDigits;
  const frac = value % scale;
  const whole = (value - frac) / scale;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(scaleDigits, '0').replace(/0+$/, '')}`;
}

/**
 * Basis points as a Chinese discount (折), the number only: 9500 → '9.5', 8850 → '8.85',
 * 9000 → '9', 10000 → '10' (no discount), 9995 → '9.995'. Callers add the unit (`${formatZhe(bp)} 折`).
 */
export function formatZhe(bp: Bp): string {
  assertNonNegativeInt(bp, 'bp');
  return formatScaled(bp, 3);
}

/** Basis points as a points multiplier (倍), the number only: 20000 → '2', 15000 → '1.5', 12345 → '1.2345'. */
export function bpToBeiText(bp: Bp): string {
  assertNonNegativeInt(bp, 'bp');
  return formatScaled(bp, 4);
}

/** Basis points as a points multiplier with its unit: 20000 → '2 倍', 15000 → '1.5 倍'. */
export function formatBei(bp: Bp): string {
  return `${bpToBeiText(bp)} 倍`;
}

/** Basis points as a percentage: 1250 → '12.5%', 300 → '3%'. */
export function formatBpPercent(bp: Bp): string {
  assertNonNegativeInt(bp, 'bp');
  return `${formatScaled(bp, 2)}%`;
}

/**
 * The text a 折 field starts from: 8500 → '8.5', 10000 → '10'. The same text as formatZhe;
 * zheToBp reads it back for every rate that is a whole number of 0.01 折 (a multiple of 10 bp).
 */
export function bpToZheText(bp: Bp): string {
  return formatZhe(bp);
}

// Multipliers above 100× are surely a typo; the bound also keeps products of multipliers safe.
export const MAX_MULTIPLIER_BP = 100 * BP_SCALE;

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * A decimal typed by staff with at most two decimals → a whole number of hundredths ('8.85' →
 * 885) → basis points (× `hundredthBp`), by string and integer arithmetic only; null when it is
 * not such a number or not in [minBp, maxBp]. Surrounding spaces are ignored; signs, exponents,
 * separators, '.5' and '5.' are not numbers here.
 */
function decimalToBp(text: unknown, hundredthBp: number, maxBp: number, minBp = 1): Bp | null {
  const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text.trim()) : null;
  if (!match) return null;
  const [, intDigits, fracDigits = ''] = match;
  const digits = intDigits.replace(/^0+(?=\d)/, '');
  // Anything longer is far above every bound here (and might not make a safe integer).
  if (digits.length > 6) return null;
  const hundredths = Number(digits) * 100 + Number(fracDigits.padEnd(2, '0'));
  const bp = hundredths * hundredthBp;
  return bp >= minBp && bp <= maxBp ? bp : null;
}

/**
 * A discount typed in 折 → basis points: '8.5' → 8500, '9' → 9000, '8.85' → 8850, '10' → 10000.
 * null for more than two decimals ('8.855'), anything not a plain decimal, or a rate outside
 * (0, 10] 折. The text is never rounded or clamped.
 */
export function zheToBp(text: string): Bp | null {
  return decimalToBp(text, 10, BP_SCALE); // 0.01 折 = 10 bp
}

/**
 * A points multiplier typed in 倍 → basis points: '1.5' → 15000, '2' → 20000, '1.25' → 12500.
 * null for more than two decimals, anything not a plain decimal, or outside (0, 100] 倍
 * (MAX_MULTIPLIER_BP). The text is never rounded or clamped.
 */
export function beiToBp(text: string): Bp | null {
  return decimalToBp(text, 100, MAX_MULTIPLIER_BP); // 0.01 倍 = 100 bp
}

/**
 * A rate typed in percent → basis points: '10' → 1000, '12.5' → 1250, '0.01' → 1, '0' → 0.
 * null for more than two decimals ('12.345'), anything not a plain decimal, or outside [0, 100] %.
 * The text is never rounded or clamped; callers check their own narrower range. The text a field
 * starts from is `formatBpPercent` without the '%'.
 */
export function percentToBp(text: string): Bp | null {
  return decimalToBp(text, 1, BP_SCALE, 0); // 0.01 % = 1 bp
}
