import fc from 'fast-check';
import {
  bindsCustomer,
  clawBack,
  commissionKept,
  commissionLines,
  commissionRateBp,
  creditAvailable,
  decideBinding,
  makeCode,
  REF_CODE_ALPHABET,
  type BindingInput,
} from '../src';

const DAY = 86_400_000;
const now = new Date('2027-03-10T02:00:00.000Z');
const approved = (id: number, customerId: number) => ({ id, customerId, status: 'APPROVED' as const });
const base = (over: Partial<BindingInput> = {}): BindingInput => ({ now, mode: 'FIRST_TOUCH', bindingDays: 30, customerId: 1, distributor: approved(10, 2), current: null, upline: [], ...over });

describe('binding a customer through a share link', () => {
  it('binds an unbound customer for the binding days', () => {
    expect(decideBinding(base())).toEqual({ outcome: 'BOUND', binding: { distributorId: 10, expiresAt: new Date(now.getTime() + 30 * DAY) } });
  });

  it('refuses unknown codes, distributors not approved, the customer themself and cycles', () => {
    expect(decideBinding(base({ distributor: null })).outcome).toBe('UNKNOWN_REF');
    for (const status of ['PENDING', 'REJECTED', 'DISABLED'] as const) expect(decideBinding(base({ distributor: { id: 10, customerId: 2, status } })).outcome).toBe('INACTIVE');
    expect(decideBinding(base({ distributor: approved(10, 1) })).outcome).toBe('SELF');
    // distributor 10's customer (2) is bound to customer 1's distributorship: A→B→A
    expect(decideBinding(base({ upline: [1] })).outcome).toBe('CYCLE');
    expect(decideBinding(base({ upline: [5, 1] })).outcome).toBe('CYCLE');
  });

  it('renews through the same distributor; first-touch keeps another, last-touch moves; an expired binding is no binding', () => {
    const current = { distributorId: 10, expiresAt: new Date(now.getTime() + DAY) };
    expect(decideBinding(base({ current }))).toEqual({ outcome: 'RENEWED', binding: { distributorId: 10, expiresAt: new Date(now.getTime() + 30 * DAY) } });
    const other = { distributorId: 11, expiresAt: new Date(now.getTime() + DAY) };
    expect(decideBinding(base({ current: other }))).toEqual({ outcome: 'KEPT', binding: null });
    expect(decideBinding(base({ current: other, mode: 'LAST_TOUCH' })).outcome).toBe('REBOUND');
    expect(decideBinding(base({ current: { distributorId: 11, expiresAt: now } })).outcome).toBe('BOUND');
  });

  it('never binds a customer to themself or into a loop, and binds only to the distributor visited', () => {
    fc.assert(
      fc.property(
        fc.record({
          customerId: fc.integer({ min: 1, max: 5 }),
          dCustomer: fc.integer({ min: 1, max: 5 }),
          status: fc.constantFrom('PENDING', 'APPROVED', 'REJECTED', 'DISABLED' as const),
          upline: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }),
          current: fc.option(fc.record({ distributorId: fc.integer({ min: 10, max: 12 }), inDays: fc.integer({ min: -40, max: 40 }) }), { nil: null }),
          mode: fc.constantFrom('FIRST_TOUCH', 'LAST_TOUCH' as const),
        }),
        (r) => {
          const d = decideBinding({
            now,
            mode: r.mode,
            bindingDays: 30,
            customerId: r.customerId,
            distributor: { id: 10, customerId: r.dCustomer, status: r.status },
            current: r.current && { distributorId: r.current.distributorId, expiresAt: new Date(now.getTime() + r.current.inDays * DAY) },
            upline: r.upline,
          });
          expect(d.binding !== null).toBe(bindsCustomer(d.outcome));
          if (d.binding) {
            expect(r.status).toBe('APPROVED');
            expect(r.dCustomer).not.toBe(r.customerId);
            expect(r.upline).not.toContain(r.customerId);
            expect(d.binding.distributorId).toBe(10);
          }
          if (d.outcome === 'REBOUND') expect(r.mode).toBe('LAST_TOUCH');
        },
      ),
    );
  });
});

describe('commission', () => {
  const rules = { defaultRateBp: 1000, categoryRates: [{ categoryId: 3, rateBp: 500 }], productRates: [{ productId: 7, rateBp: 2000 }] };

  it('takes the product rate, else the category rate, else the store default', () => {
    expect(commissionRateBp({ productId: 7, categoryId: 3 }, rules)).toBe(2000);
    expect(commissionRateBp({ productId: 8, categoryId: 3 }, rules)).toBe(500);
    expect(commissionRateBp({ productId: 8, categoryId: 4 }, rules)).toBe(1000);
    expect(commissionRateBp({ productId: 8, categoryId: 4 }, { ...rules, defaultRateBp: 0 })).toBe(0);
  });

  it('is computed per line on the cash paid, rounded half up once per line', () => {
    const lines = commissionLines(
      [
        { orderLineId: 1, cashPaidCents: 4445, productId: 8, categoryId: 4 }, // 444.5 → 445
        { orderLineId: 2, cashPaidCents: 1234, productId: 7, categoryId: 3 }, // 246.8 → 247
        { orderLineId: 3, cashPaidCents: 0, productId: 8, categoryId: 3 },
      ],
      (l) => commissionRateBp(l, rules),
    );
    expect(lines.map((l) => [l.rateBp, l.amountCents])).toEqual([
      [1000, 445],
      [2000, 247],
      [500, 0],
    ]);
  });

  it('a refund keeps the unrefunded share; the refunded part and what remains add up to the original, to the fen', () => {
    expect(commissionKept(445, 4445, 0)).toBe(445);
    expect(commissionKept(445, 4445, 1111)).toBe(445 - 111); // floor(445 × 1111 / 4445) = 111
    expect(commissionKept(445, 4445, 4445)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 6 }), (cash, rateBp, steps) => {
        const [line] = commissionLines([{ orderLineId: 1, cashPaidCents: cash, productId: 1, categoryId: 1 }], () => rateBp);
        let refunded = 0;
        let kept = line.amountCents;
        let takenBack = 0;
        for (const s of steps) {
          refunded = Math.min(cash, refunded + s);
          const next = commissionKept(line.amountCents, cash, refunded);
          expect(next).toBeLessThanOrEqual(kept);
          takenBack += kept - next;
          kept = next;
          expect(takenBack + kept).toBe(line.amountCents);
          // the refunded part's commission is the proportional floor of the whole
          expect(takenBack).toBe(line.amountCents - commissionKept(line.amountCents, cash, refunded));
        }
        expect(commissionKept(line.amountCents, cash, cash)).toBe(0);
      }),
    );
  });
});

describe('commission balances', () => {
  it('credits pay off what is owed first; claw-backs take the available balance, the rest is owed', () => {
    expect(creditAvailable(0, 500)).toEqual({ availableDelta: 500, owedDelta: 0 });
    expect(creditAvailable(300, 500)).toEqual({ availableDelta: 200, owedDelta: -300 });
    expect(creditAvailable(800, 500)).toEqual({ availableDelta: 0, owedDelta: -500 });
    expect(clawBack(100, 300)).toEqual({ availableDelta: -100, owedDelta: 200 });
    expect(clawBack(500, 300)).toEqual({ availableDelta: -300, owedDelta: 0 });
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), (owed, available, amount) => {
        const c = creditAvailable(owed, amount);
        expect(c.availableDelta - c.owedDelta).toBe(amount);
        expect(owed + c.owedDelta).toBeGreaterThanOrEqual(0);
        const b = clawBack(available, amount);
        expect(-b.availableDelta + b.owedDelta).toBe(amount);
        expect(available + b.availableDelta).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

it('makes codes from the unambiguous alphabet', () => {
  let i = 0;
  const code = makeCode(6, (n) => i++ % n);
  expect(code).toBe('234567');
  expect(REF_CODE_ALPHABET).not.toMatch(/[01ILO]/);
});
