/**
 * KOC distribution rules (domain.md "KOC distributors"): who a visit through a share link binds a
 * customer to, and the commission an order earns and keeps after refunds. Pure: `now` and every
 * fact come in as arguments.
 */
import { applyRateBp, mulDivFloor } from '../money';
import type { BindingMode, DistributorStatus } from '../api/distribution';

/** Ref and scene codes are drawn from letters and digits nobody confuses (no 0/O, 1/I/L). */
export const REF_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REF_CODE_LENGTH = 6;

/** A code of `length` characters from REF_CODE_ALPHABET; `randomInt(n)` gives 0 … n-1 (the server passes crypto's). */
export function makeCode(length: number, randomInt: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += REF_CODE_ALPHABET[randomInt(REF_CODE_ALPHABET.length)];
  return code;
}

// ---- binding ----

export type BindingOutcome =
  /** no distributor has this code */
  | 'UNKNOWN_REF'
  /** the distributor is not approved (pending, rejected, disabled): binds no one */
  | 'INACTIVE'
  /** the customer opened their own link */
  | 'SELF'
  /** binding would close a loop (the distributor is, up their own chain, bound to this customer) */
  | 'CYCLE'
  /** bound for the first time, or again after the last binding expired */
  | 'BOUND'
  /** a visit through the distributor the customer is bound to: the binding starts over */
  | 'RENEWED'
  /** last-touch: moved from another distributor to this one */
  | 'REBOUND'
  /** first-touch: the customer stays with the distributor they are bound to */
  | 'KEPT';

export interface BindingInput {
  now: Date;
  mode: BindingMode;
  bindingDays: number;
  customerId: number;
  /** The distributor the visit came through, or null for an unknown code. */
  distributor: { id: number; customerId: number; status: Exclude<DistributorStatus, 'NONE'> } | null;
  /** The customer's binding, active or not. */
  current: { distributorId: number; expiresAt: Date } | null;
  /**
   * The customers above the distributor: the customer the distributor's own customer is actively
   * bound to (through that distributor), then that one's, and so on (the server reads a few levels).
   */
  upline: readonly number[];
}

export interface BindingDecision {
  outcome: BindingOutcome;
  /** What the customer's binding becomes; null: unchanged. */
  binding: { distributorId: number; expiresAt: Date } | null;
}

const DAY_MS = 86_400_000;

/** The decision for one visit; `outcome` is recorded with the visit, `binding` written when not null. */
export function decideBinding(i: BindingInput): BindingDecision {
  const d = i.distributor;
  if (!d) return { outcome: 'UNKNOWN_REF', binding: null };
  if (d.status !== 'APPROVED') return { outcome: 'INACTIVE', binding: null };
  if (d.customerId === i.customerId) return { outcome: 'SELF', binding: null };
  if (i.upline.includes(i.customerId)) return { outcome: 'CYCLE', binding: null };
  const binding = { distributorId: d.id, expiresAt: new Date(i.now.getTime() + i.bindingDays * DAY_MS) };
  const active = i.current !== null && i.current.expiresAt.getTime() > i.now.getTime() ? i.current : null;
  if (!active) return { outcome: 'BOUND', binding };
  if (active.distributorId === d.id) return { outcome: 'RENEWED', binding };
  if (i.mode === 'LAST_TOUCH') return { outcome: 'REBOUND', binding };
  return { outcome: 'KEPT', binding: null };
}

/** Outcomes where the visit bound (or renewed) the customer to the distributor it came through. */
export const bindsCustomer = (o: BindingOutcome) => o === 'BOUND' || o === 'RENEWED' || o === 'REBOUND';

// ---- commission ----

export interface CommissionRateRules {
  defaultRateBp: number;
  categoryRates: readonly { categoryId: number; rateBp: number }[];
  productRates: readonly { productId: number; rateBp: number }[];
}

/** The level-1 rate of a line: the product's, else its category's, else the store default. */
export function commissionRateBp(line: { productId: number; categoryId: number }, rules: CommissionRateRules): number {
  const byProduct = rules.productRates.find((r) => r.productId === line.productId);
  if (byProduct) return byProduct.rateBp;
  const byCategory = rules.categoryRates.find((r) => r.categoryId === line.categoryId);
  if (byCategory) return byCategory.rateBp;
  return rules.defaultRateBp;
}

export interface CommissionLineInput {
  orderLineId: number;
  /** The cash paid for the line: after every discount and the points' share, without shipping. */
  cashPaidCents: number;
  productId: number;
  categoryId: number;
}

export interface CommissionLine {
  orderLineId: number;
  baseCents: number;
  rateBp: number;
  /** base × rate, rounded half up once for the line. */
  amountCents: number;
  /** Cash of the line refunded so far. */
  refundedCents: number;
}

/** One beneficiary's commission on an order, line by line; `rateOf` gives each line's rate. */
export function commissionLines(lines: readonly CommissionLineInput[], rateOf: (line: CommissionLineInput) => number): CommissionLine[] {
  return lines.map((l) => {
    const rateBp = rateOf(l);
    return { orderLineId: l.orderLineId, baseCents: l.cashPaidCents, rateBp, amountCents: applyRateBp(l.cashPaidCents, rateBp), refundedCents: 0 };
  });
}

/**
 * What a line's commission keeps once `refundedCents` of its `baseCents` went back:
 * `amount − floor(amount × refunded / base)`. The commission of the refunded part is the
 * difference, so refunded part + what remains = the original to the fen, partial refunds in any
 * steps never take back more than the commission, and a full refund takes all of it.
 */
export function commissionKept(amountCents: number, baseCents: number, refundedCents: number): number {
  if (amountCents <= 0 || refundedCents <= 0) return Math.max(amountCents, 0);
  if (refundedCents >= baseCents) return 0;
  return amountCents - mulDivFloor(amountCents, refundedCents, baseCents);
}

export const sumKept = (lines: readonly CommissionLine[]) => lines.reduce((s, l) => s + commissionKept(l.amountCents, l.baseCents, l.refundedCents), 0);
export const sumRemainingBase = (lines: readonly CommissionLine[]) => lines.reduce((s, l) => s + Math.max(l.baseCents - l.refundedCents, 0), 0);

// ---- balances ----

export interface CommissionMovement {
  pendingDelta: number;
  availableDelta: number;
  frozenDelta: number;
  withdrawnDelta: number;
  owedDelta: number;
}

const movement = (m: Partial<CommissionMovement>): CommissionMovement => ({ pendingDelta: 0, availableDelta: 0, frozenDelta: 0, withdrawnDelta: 0, owedDelta: 0, ...m });

/** Money becoming available (a settlement, a returned withdrawal): what is owed is paid off first. */
export function creditAvailable(owedCents: number, amountCents: number): Pick<CommissionMovement, 'availableDelta' | 'owedDelta'> {
  const offset = Math.min(owedCents, amountCents);
  return { availableDelta: amountCents - offset, owedDelta: 0 - offset };
}

/**
 * A refund took back `amountCents` of commission that had settled (or been withdrawn): from the
 * available balance as far as it goes, the rest recorded as owed (never clamped away).
 */
export function clawBack(availableCents: number, amountCents: number): Pick<CommissionMovement, 'availableDelta' | 'owedDelta'> {
  const fromAvailable = Math.min(availableCents, amountCents);
  return { availableDelta: 0 - fromAvailable, owedDelta: amountCents - fromAvailable };
}

export const commissionMovement = movement;
