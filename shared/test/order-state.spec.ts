import {
  canRefundTransition,
  canTransition,
  isOrderKind,
  isOrderStatus,
  isRefundStatus,
  isRefundTerminal,
  isTerminal,
  nextRefundStatuses,
  nextStatuses,
  ORDER_KIND_LABEL,
  ORDER_KINDS,
  ORDER_STATUS_LABEL,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  REFUND_STATUS_LABEL,
  OPEN_REFUND_STATUSES,
  isRefundOpen,
  REFUND_STATUSES,
} from '../src';
import type { OrderStatus, RefundStatus } from '../src';

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['PENDING_PAYMENT', 'PAID'],
  ['PENDING_PAYMENT', 'CANCELLED'],
  ['PAID', 'SHIPPED'],
  ['PAID', 'COMPLETED'],
  ['PAID', 'REFUNDED'],
  ['SHIPPED', 'COMPLETED'],
  ['SHIPPED', 'REFUNDED'],
];

describe('order transitions', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

  it.each(pairs)('%s → %s follows architecture.md', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('the table has exactly the allowed edges', () => {
    const edges = Object.entries(ORDER_TRANSITIONS).flatMap(([f, tos]) => tos.map((t) => [f, t]));
    expect(edges.sort()).toEqual([...ALLOWED].sort());
  });

  it.each([
    ['PENDING_PAYMENT', ['PAID', 'CANCELLED']],
    ['PAID', ['SHIPPED', 'COMPLETED', 'REFUNDED']],
    ['SHIPPED', ['COMPLETED', 'REFUNDED']],
    ['COMPLETED', []],
    ['CANCELLED', []],
    ['REFUNDED', []],
  ] as [OrderStatus, OrderStatus[]][])('nextStatuses(%s)', (from, next) => expect(nextStatuses(from)).toEqual(next));

  it.each([
    ['PENDING_PAYMENT', false],
    ['PAID', false],
    ['SHIPPED', false],
    ['COMPLETED', true],
    ['CANCELLED', true],
    ['REFUNDED', true],
  ] as [OrderStatus, boolean][])('isTerminal(%s) = %s', (s, t) => expect(isTerminal(s)).toBe(t));

  it('no status transitions to itself or back to PENDING_PAYMENT', () => {
    for (const s of ORDER_STATUSES) {
      expect(canTransition(s, s)).toBe(false);
      expect(canTransition(s, 'PENDING_PAYMENT')).toBe(false);
    }
  });

  it('every status is reachable from PENDING_PAYMENT', () => {
    const seen = new Set<OrderStatus>(['PENDING_PAYMENT']);
    const queue: OrderStatus[] = ['PENDING_PAYMENT'];
    while (queue.length) for (const n of nextStatuses(queue.shift()!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('is safe with values from outside (a database row, a request)', () => {
    expect(canTransition('NOPE' as OrderStatus, 'PAID')).toBe(false);
    expect(canTransition('toString' as OrderStatus, 'PAID')).toBe(false);
    expect(canTransition('PAID', 'NOPE' as OrderStatus)).toBe(false);
    expect(nextStatuses('__proto__' as OrderStatus)).toEqual([]);
    expect(isOrderStatus('PAID')).toBe(true);
    expect(isOrderStatus('paid')).toBe(false);
    expect(isOrderStatus(3)).toBe(false);
  });

  it('the tables are frozen', () => {
    expect(Object.isFrozen(ORDER_TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(nextStatuses('PAID'))).toBe(true);
    expect(Object.isFrozen(nextRefundStatuses('REQUESTED'))).toBe(true);
  });
});

describe('order labels and kinds', () => {
  it('labels every status in Chinese', () => {
    expect(ORDER_STATUS_LABEL).toEqual({
      PENDING_PAYMENT: '待付款',
      PAID: '待发货',
      SHIPPED: '待收货',
      COMPLETED: '已完成',
      CANCELLED: '已取消',
      REFUNDED: '已退款',
    });
  });
  it('lists the three kinds, each labelled', () => {
    expect(ORDER_KINDS).toEqual(['GOODS', 'MEMBER_CARD', 'POINTS_REDEMPTION']);
    for (const k of ORDER_KINDS) expect(ORDER_KIND_LABEL[k]).toMatch(/\S/);
    expect(isOrderKind('MEMBER_CARD')).toBe(true);
    expect(isOrderKind('CARD')).toBe(false);
  });
});

describe('refund transitions', () => {
  const ALLOWED_REFUND: [RefundStatus, RefundStatus][] = [
    ['REQUESTED', 'APPROVED'],
    ['REQUESTED', 'AWAITING_RETURN'],
    ['REQUESTED', 'REJECTED'],
    ['AWAITING_RETURN', 'RETURN_SHIPPED'],
    ['AWAITING_RETURN', 'REJECTED'],
    ['RETURN_SHIPPED', 'APPROVED'],
    ['RETURN_SHIPPED', 'REJECTED'],
    ['APPROVED', 'REFUNDED'],
  ];
  const pairs = REFUND_STATUSES.flatMap((from) => REFUND_STATUSES.map((to) => [from, to] as [RefundStatus, RefundStatus]));

  it.each(pairs)('%s → %s', (from, to) => {
    expect(canRefundTransition(from, to)).toBe(ALLOWED_REFUND.some(([f, t]) => f === from && t === to));
  });

  it('terminal states and next states', () => {
    expect(nextRefundStatuses('REQUESTED')).toEqual(['APPROVED', 'AWAITING_RETURN', 'REJECTED']);
    expect(nextRefundStatuses('AWAITING_RETURN')).toEqual(['RETURN_SHIPPED', 'REJECTED']);
    expect(nextRefundStatuses('APPROVED')).toEqual(['REFUNDED']);
    expect(REFUND_STATUSES.filter(isRefundTerminal)).toEqual(['REFUNDED', 'REJECTED']);
    expect(canRefundTransition('X' as RefundStatus, 'APPROVED')).toBe(false);
    expect(isRefundStatus('REQUESTED')).toBe(true);
    expect(isRefundStatus('DONE')).toBe(false);
  });

  it('labels every refund status', () => {
    for (const s of REFUND_STATUSES) expect(REFUND_STATUS_LABEL[s]).toMatch(/\S/);
    expect(REFUND_STATUS_LABEL.REFUNDED).toBe('已退款');
  });

  it('open refunds are every state that is neither terminal nor the money already back', () => {
    expect(REFUND_STATUSES.filter(isRefundOpen)).toEqual(['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED']);
    expect(OPEN_REFUND_STATUSES.every((s) => !isRefundTerminal(s))).toBe(true);
  });
});
