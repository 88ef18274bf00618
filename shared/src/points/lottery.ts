/**
 * The points lottery's draw (domain.md "Points lottery"): a weighted pick among the prizes that
 * may still be drawn. Pure: the random number comes in as an argument (the server draws it with
 * `crypto.randomInt(total)`), so the same number always picks the same prize.
 */

/** The most prizes one wheel holds (the wheel shows them all). */
export const LOTTERY_MAX_PRIZES = 12;

/** The sum of the weights (each a non-negative integer): the range `[0, total)` the random number is drawn from. */
export function totalWeight(weights: readonly number[]): number {
  return weights.reduce((a, w) => a + w, 0);
}

/**
 * The index whose weight covers `r` (0 ≤ r < totalWeight): prize i is picked for `weights[i]` of the
 * `total` numbers, a weight-0 prize never. -1 when nothing can be picked (no weight at all) or `r` is out of range.
 */
export function pickWeighted(weights: readonly number[], r: number): number {
  if (!Number.isInteger(r) || r < 0) return -1;
  let upTo = 0;
  for (let i = 0; i < weights.length; i++) {
    upTo += weights[i];
    if (r < upTo) return i;
  }
  return -1;
}
