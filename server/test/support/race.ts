import { PricingContextService } from '../../src/modules/pricing/pricing-context.service';
import { waitFor } from './shop';
import type { TestApp } from './test-app';

/**
 * Fires `n` requests at once and holds each one after it has priced (read the stock, points and
 * coupons it will take, without locks) until all `n` have: the race then happens where the
 * conditional updates must settle it.
 */
export async function raceAfterPricing<T>(t: TestApp, n: number, fire: () => Promise<T>): Promise<T[]> {
  const pricing = t.app.get(PricingContextService);
  const original = pricing.price.bind(pricing);
  let priced = 0;
  const spy = jest.spyOn(pricing, 'price').mockImplementation(async (...args) => {
    const out = await original(...args);
    priced++;
    await waitFor(async () => priced >= n, 10_000);
    return out;
  });
  try {
    return await Promise.all(Array.from({ length: n }, fire));
  } finally {
    spy.mockRestore();
  }
}
