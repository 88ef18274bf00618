import {
  nextOccurrences,
  addDays,
  checkIn,
  clawBack,
  commissionLines,
  creditAvailable,
  formatYuan,
  makeCode,
  mulDivFloor,
  pointsExpiredBy,
  pointsExpiryDate,
  pointsKept,
  priceCart,
  redemptionBreakdown,
  redemptionPointsBack,
  REF_CODE_LENGTH,
  shareOfUnits,
  storeDayAt,
  storeDayStart,
  sumKept,
  sumRemainingBase,
  type CommissionLine,
  type PriceBreakdown,
  type PricingLine,
  type PricingMemberDay,
  type StoreRules,
} from '@mc/shared';
import { DataSource, EntityManager, EntityTarget, Like, ObjectLiteral } from 'typeorm';
import { DAY_MS } from '../../common/clock';
import { Address } from '../address/entities/address.entity';
import { StaffUser } from '../auth/entities/staff-user.entity';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { CheckIn } from '../check-in/entities/check-in.entity';
import { Customer } from '../customer/entities/customer.entity';
import { Commission, CommissionLedger } from '../distribution/entities/commission.entity';
import { Distributor } from '../distribution/entities/distributor.entity';
import { ReferralBinding, ReferralVisit } from '../distribution/entities/referral.entity';
import { Withdrawal } from '../distribution/entities/withdrawal.entity';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { categoryRatesOf, memberDayPricesOf, pricingMemberDay } from '../member-day/member-day-pricing.service';
import { scheduleOf } from '../member-day/member-day-rules.service';
import { buyerOf } from '../membership/buyer.service';
import { CustomerGrowth } from '../membership/entities/customer-growth.entity';
import { GrowthLedger } from '../membership/entities/growth-ledger.entity';
import { MembershipPeriod } from '../membership/entities/membership-period.entity';
import { MembershipPlan } from '../membership/entities/membership-plan.entity';
import { Membership } from '../membership/entities/membership.entity';
import { Tier } from '../membership/entities/tier.entity';
import { OrderAdjustment } from '../order/entities/order-adjustment.entity';
import { OrderLine } from '../order/entities/order-line.entity';
import { OrderStatusHistory } from '../order/entities/order-status-history.entity';
import { Order } from '../order/entities/order.entity';
import { orderLineOf } from '../order/order.service';
import { Refund, type RefundLine } from '../order/entities/refund.entity';
import { Payment } from '../payment/entities/payment.entity';
import { PointsMallItem } from '../points-mall/entities/points-mall-item.entity';
import { PointsMallUsage } from '../points-mall/entities/points-mall-usage.entity';
import { PointsRedemption } from '../points-mall/entities/points-redemption.entity';
import { PointsAccount } from '../points/entities/points-account.entity';
import { PointsLedger } from '../points/entities/points-ledger.entity';
import { StoreSetting } from '../settings/entities/store-setting.entity';
import { DEFAULT_SETTINGS, type StoreSettings } from '../settings/store-settings.service';

/**
 * Store history for the demo and for timing reports at volume: customers, goods and card orders
 * with their lines, payments, refunds, membership periods, growth, points (earned, spent, given
 * back, check-ins, birthday gifts, expiry), a few points-mall redemptions, distributors with their
 * referrals and commission, written straight into the tables in insert batches.
 *
 * Every row is one the live code writes (the same keys, memos, statuses and time stamps), and the
 * books agree: each points balance is the sum of its ledger, each distributor balance the sum of
 * its commission ledger column. Prices come from the real pipeline (`priceCart`) with the buyer's
 * standing at the time. Deterministic for a seed and a clock: dates are relative to `now`.
 *
 * Each customer's life is played in time order (their orders, check-ins, card, points); the
 * distributors' money is played afterwards per distributor, in time order. Order numbers have the
 * real format (UTC second of creation + 10 digits), all in the past, so they cannot meet live ones.
 * Stock is not touched: the store restocked since.
 */
export interface HistoryOptions {
  /** About this many orders in all (goods, cards, redemptions). */
  orders: number;
  customers: number;
  /** Days of history before `now`. */
  days: number;
  now: Date;
  seed?: number;
  log?: (line: string) => void;
}

export interface HistorySummary {
  customers: number;
  orders: number;
  rows: number;
  ms: number;
}

/** History customers' openids start with this; their presence means the history was written. */
export const HISTORY_OPENID_PREFIX = 'hist-';

export async function historyExists(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Customer).countBy({ openid: Like(`${HISTORY_OPENID_PREFIX}%`) })) > 0;
}

// ---------------------------------------------------------------- randomness

/** mulberry32: a small, fast, seeded PRNG (deterministic history). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)],
    /** Standard normal (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
type Rng = ReturnType<typeof prng>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲丹建文辉宁欣怡婷雪琳晨浩宇轩子涵梓萱一诺思远佳琪梦瑶';
const NICK = ['小', '阿', '大', ''];
const PLACES: [string, string, string][] = [
  ['浙江省', '杭州市', '西湖区'],
  ['上海市', '上海市', '浦东新区'],
  ['广东省', '深圳市', '南山区'],
  ['北京市', '北京市', '朝阳区'],
  ['江苏省', '南京市', '鼓楼区'],
  ['四川省', '成都市', '武侯区'],
  ['湖北省', '武汉市', '洪山区'],
  ['福建省', '厦门市', '思明区'],
];
const STREETS = ['文三路', '学院路', '南京路', '科技园路', '建国路', '中山路', '人民路', '解放路'];
const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递'];
const REFUND_REASONS = ['不想要了', '拍错了规格', '商品与描述不符', '包装破损', '收到商品少件'];

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(10)).join('');
const stampOf = (at: Date) => at.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;

// ---------------------------------------------------------------- rows being built

class Rows {
  customers: Customer[] = [];
  addresses: Omit<Address, 'id'>[] = [];
  orders: Order[] = [];
  lines: OrderLine[] = [];
  adjustments: Omit<OrderAdjustment, 'id'>[] = [];
  history: Omit<OrderStatusHistory, 'id'>[] = [];
  payments: Omit<Payment, 'id'>[] = [];
  refunds: Refund[] = [];
  periods: Omit<MembershipPeriod, 'id'>[] = [];
  memberships: Membership[] = [];
  growth: CustomerGrowth[] = [];
  growthLedger: Omit<GrowthLedger, 'id'>[] = [];
  accounts: PointsAccount[] = [];
  points: Omit<PointsLedger, 'id'>[] = [];
  checkIns: Omit<CheckIn, 'id'>[] = [];
  redemptions: Omit<PointsRedemption, 'id'>[] = [];
  mallUsage: PointsMallUsage[] = [];
  distributors: Distributor[] = [];
  bindings: ReferralBinding[] = [];
  visits: Omit<ReferralVisit, 'id'>[] = [];
  commissions: Commission[] = [];
  commissionLedger: Omit<CommissionLedger, 'id'>[] = [];
  withdrawals: Withdrawal[] = [];
}

/** What the distributors' phase needs of each commission: its movements in time. */
interface CommissionEvents {
  commission: Commission;
  /** Completion time of the order (settles `settleAfterDays` later), null while not completed. */
  completedAt: Date | null;
  reductions: { at: Date; refundId: number; refundNo: string; orderNo: string; taken: number; baseAfter: number }[];
}

interface Catalog {
  skus: { sku: Sku; product: Product; weight: number }[];
  totalWeight: number;
}

interface Context {
  rng: Rng;
  now: Date;
  settings: StoreSettings;
  rules: StoreRules;
  tiers: Tier[];
  plans: MembershipPlan[];
  catalog: Catalog;
  mallItem: PointsMallItem | null;
  staffId: number;
  ids: Record<'customer' | 'order' | 'line' | 'refund' | 'commission' | 'distributor' | 'withdrawal', number>;
  orderNos: Set<string>;
  rows: Rows;
  commissionEvents: Map<number, CommissionEvents[]>;
  commissionOfOrder: Map<number, CommissionEvents[]>;
  growthOfOrder: Map<number, number>;
  skuById: Map<number, Catalog['skus'][number]>;
  mallLeft: number;
  /** Store days and their starts, remembered (time zone arithmetic is the planner's main cost). */
  dayOf: (at: Date) => string;
  dayStart: (day: string) => Date;
  /** The member-day rules on at an instant (their occurrences over the period, worked out once). */
  rulesOn: (at: Date) => { rule: MemberDay; rates: Record<string, number> }[];
}

// ---------------------------------------------------------------- entry point

/** Writes the history in one transaction; returns null (and writes nothing) when history exists already. */
export async function seedHistory(ds: DataSource, opts: HistoryOptions): Promise<HistorySummary | null> {
  if (await historyExists(ds)) return null;
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const ctx = await loadContext(ds, opts);
  const base = { ...ctx.ids };
  const people = planCustomers(ctx, opts);
  const distributors = planDistributors(ctx, people);
  planReferrals(ctx, people, distributors);
  const slots = planOrderSlots(ctx, opts, people);
  for (const p of people) playCustomer(ctx, p, slots.get(p.id) ?? []);
  playDistributors(ctx, distributors);
  renumber(ctx, base);
  log(`history planned: ${ctx.rows.customers.length} customers, ${ctx.rows.orders.length} orders in ${Date.now() - started} ms`);
  const rows = await writeRows(ds, ctx.rows, log);
  return { customers: ctx.rows.customers.length, orders: ctx.rows.orders.length, rows, ms: Date.now() - started };
}

async function loadContext(ds: DataSource, opts: HistoryOptions): Promise<Context> {
  const em = ds.manager;
  const stored = await em.find(StoreSetting);
  const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(stored.map((r) => [r.key, JSON.parse(r.valueJson) as unknown])) } as StoreSettings;
  const [skus, products, tiers, plans, rules, mallItems, admin] = await Promise.all([
    em.find(Sku, { where: { active: true }, order: { id: 'ASC' } }),
    em.find(Product, { where: { onShelf: true } }),
    em.find(Tier, { order: { growthThreshold: 'ASC' } }),
    em.find(MembershipPlan, { where: { onSale: true }, order: { sort: 'ASC', id: 'ASC' } }),
    em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } }),
    em.find(PointsMallItem, { where: { kind: 'GOODS', cashCents: 0, onShelf: true }, order: { id: 'ASC' } }),
    em.findOne(StaffUser, { where: { username: 'admin' } }),
  ]);
  const rng = prng(opts.seed ?? 20261205);
  const productById = new Map(products.map((p) => [p.id, p]));
  const withProduct = skus.filter((s) => productById.has(s.productId));
  if (!withProduct.length || !plans.length) throw new Error('history needs the catalog and a card plan (seed the demo store first)');
  // popularity: a few best sellers, a long tail
  const order = withProduct.map((_, i) => i).sort(() => rng.next() - 0.5);
  const catalogSkus = withProduct.map((sku, i) => ({ sku, product: productById.get(sku.productId)!, weight: 1 / (1 + order.indexOf(i)) ** 0.8 }));
  const rates = await categoryRatesOf(em, rules);
  const maxId = async (target: EntityTarget<ObjectLiteral>) => Number((await em.createQueryBuilder(target, 't').select('MAX(t.id)', 'm').getRawOne<{ m: number | string | null }>())?.m ?? 0);
  const ids = {
    customer: await maxId(Customer),
    order: await maxId(Order),
    line: await maxId(OrderLine),
    refund: await maxId(Refund),
    commission: await maxId(Commission),
    distributor: await maxId(Distributor),
    withdrawal: await maxId(Withdrawal),
  };
  const mallItem = mallItems[0] ?? null;
  return {
    rng,
    now: opts.now,
    settings,
    rules: settings,
    tiers,
    plans,
    catalog: { skus: catalogSkus, totalWeight: catalogSkus.reduce((s, x) => s + x.weight, 0) },
    mallItem,
    staffId: admin?.id ?? 1,
    ids,
    orderNos: new Set(),
    rows: new Rows(),
    commissionEvents: new Map(),
    commissionOfOrder: new Map(),
    growthOfOrder: new Map(),
    skuById: new Map(catalogSkus.map((x) => [x.sku.id, x])),
    ...timeHelpers(settings.timezone, opts, rules.map((rule, i) => ({ rule, rates: rates[i] }))),
    mallLeft: mallItem ? Math.min(Math.floor(mallItem.stock / 3), Math.ceil(opts.orders / 300)) : 0,
  };
}

// ---------------------------------------------------------------- planning

interface Person {
  id: number;
  openid: string;
  createdAt: Date;
  /** How often they buy, relative to others. */
  activity: number;
  checkInRate: number;
  birthday: string | null;
  phone: string | null;
  nickname: string;
  /** Set when they arrived through a distributor's link. */
  ref: { distributorId: number; code: string } | null;
}

function timeHelpers(tz: string, opts: HistoryOptions, memberDays: { rule: MemberDay; rates: Record<string, number> }[]) {
  const days = new Map<number, string>();
  const starts = new Map<string, Date>();
  // every time zone's offset is a multiple of 15 minutes: a store day starts on a quarter hour
  const dayOf = (at: Date) => {
    const quarter = Math.floor(at.getTime() / 900_000);
    let day = days.get(quarter);
    if (day === undefined) days.set(quarter, (day = storeDayAt(tz, new Date(quarter * 900_000))));
    return day;
  };
  const dayStart = (day: string) => {
    let start = starts.get(day);
    if (start === undefined) starts.set(day, (start = storeDayStart(tz, day)));
    return start;
  };
  // customers who joined before the period check in (and may have had a card) up to two years back
  const from = new Date(opts.now.getTime() - (opts.days + 800) * DAY_MS);
  const occurrences = memberDays.map((m) => ({ m, on: nextOccurrences(scheduleOf(m.rule), tz, from, 2_000, opts.days + 802) }));
  const rulesOn = (at: Date) => occurrences.filter(({ on }) => on.some((o) => o.startsAt <= at && at < o.endsAt)).map(({ m }) => m);
  return { dayOf, dayStart, rulesOn };
}

/** Each day's share of the orders: growing over the period, busier at weekends, three times as busy on a member day. */
function dayWeights(ctx: Context, days: number): { start: Date; weight: number; memberDay: boolean }[] {
  const today = ctx.dayOf(ctx.now);
  const out = [];
  for (let i = days; i >= 0; i--) {
    const day = addDays(today, -i);
    const start = ctx.dayStart(day);
    const noon = new Date(start.getTime() + hours(12));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const memberDay = ctx.rulesOn(noon).length > 0;
    const trend = 0.6 + (0.8 * (days - i)) / days;
    const week = weekday === 0 || weekday === 6 ? 1.3 : weekday === 5 ? 1.1 : 1;
    out.push({ start, weight: trend * week * (memberDay ? 3 : 1) * ctx.rng.between(0.75, 1.25), memberDay });
  }
  return out;
}

/** A time of day for an order: quiet at night, busy at lunch and in the evening. */
const HOUR_WEIGHTS = [2, 1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 5, 6, 7, 9, 8, 6, 6, 6, 7, 8, 9, 11, 12, 9, 5];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);
function timeInDay(rng: Rng, start: Date): Date {
  let r = rng.next() * HOUR_TOTAL;
  let h = 0;
  while (r >= HOUR_WEIGHTS[h] && h < 23) r -= HOUR_WEIGHTS[h++];
  return new Date(start.getTime() + hours(h) + rng.int(3_600_000));
}

function planCustomers(ctx: Context, opts: HistoryOptions): Person[] {
  const { rng, now } = ctx;
  const windowStart = now.getTime() - opts.days * DAY_MS;
  const people: Person[] = [];
  for (let i = 0; i < opts.customers; i++) {
    // a third joined before the period (up to two years before), the rest during it, more lately
    const createdAt = rng.chance(0.35)
      ? new Date(windowStart - rng.int(700 * DAY_MS))
      : new Date(windowStart + Math.sqrt(rng.next()) * (now.getTime() - windowStart - hours(2)));
    const year = 1965 + rng.int(40);
    people.push({
      id: 0,
      openid: '',
      createdAt,
      activity: rng.chance(0.2) ? 0 : Math.exp(rng.normal() * 0.9),
      checkInRate: rng.chance(0.2) ? rng.between(0.2, 0.9) : 0,
      birthday: rng.chance(0.4) ? `${year}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}` : null,
      phone: rng.chance(0.6) ? `1${rng.pick(['3', '5', '7', '8', '9'])}${digits(rng, 9)}` : null,
      nickname: `${rng.pick(NICK)}${SURNAMES[rng.int(SURNAMES.length)]}${GIVEN[rng.int(GIVEN.length)]}${rng.chance(0.5) ? GIVEN[rng.int(GIVEN.length)] : ''}`,
      ref: null,
    });
  }
  people.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const p of people) {
    p.id = ++ctx.ids.customer;
    p.openid = `${HISTORY_OPENID_PREFIX}${opts.seed ?? 20261205}-${p.id}`;
  }
  return people;
}

interface DistributorPlan {
  row: Distributor;
  approvedAt: Date;
}

/** About one customer in seventy shares for commission (approved a day after applying, a few store guides). */
function planDistributors(ctx: Context, people: Person[]): DistributorPlan[] {
  const { rng, now } = ctx;
  const used = new Set<string>();
  const out: DistributorPlan[] = [];
  const count = Math.max(2, Math.round(people.length / 70));
  const early = people.filter((p) => p.createdAt.getTime() < now.getTime() - 60 * DAY_MS);
  for (let i = 0; i < count && early.length; i++) {
    const p = early.splice(rng.int(early.length), 1)[0];
    const appliedAt = new Date(p.createdAt.getTime() + rng.int(20 * DAY_MS));
    const approvedAt = new Date(appliedAt.getTime() + hours(2) + rng.int(DAY_MS));
    let code: string;
    do code = makeCode(REF_CODE_LENGTH, (n) => rng.int(n));
    while (used.has(code) || code === 'DEMO01');
    used.add(code);
    const row: Distributor = {
      id: ++ctx.ids.distributor,
      customerId: p.id,
      status: 'APPROVED',
      refCode: code,
      isGuide: rng.chance(0.15),
      reason: rng.pick(['朋友圈经常分享好物', '想推荐给身边的朋友', '社群团长', '门店导购']),
      rejectReason: null,
      appliedAt,
      reviewedAt: approvedAt,
      reviewedBy: ctx.staffId,
      pendingCents: 0,
      availableCents: 0,
      frozenCents: 0,
      withdrawnCents: 0,
      owedCents: 0,
    };
    out.push({ row, approvedAt });
  }
  return out;
}

/** A quarter of the customers who joined after a distributor was approved arrived through their link. */
function planReferrals(ctx: Context, people: Person[], distributors: DistributorPlan[]): void {
  const { rng } = ctx;
  const ownerOf = new Set(distributors.map((d) => d.row.customerId));
  for (const p of people) {
    if (ownerOf.has(p.id) || !rng.chance(0.25)) continue;
    const open = distributors.filter((d) => d.approvedAt < p.createdAt);
    if (!open.length) continue;
    // a few distributors bring most customers
    const d = open[Math.floor(open.length * rng.next() ** 2)];
    p.ref = { distributorId: d.row.id, code: d.row.refCode! };
  }
}

/** Order times per customer: each order falls on a day by the day weights, to a customer who existed then, by activity. */
function planOrderSlots(ctx: Context, opts: HistoryOptions, people: Person[]): Map<number, Date[]> {
  const { rng, now } = ctx;
  const days = dayWeights(ctx, opts.days);
  const total = days.reduce((s, d) => s + d.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const p of people) cumulative.push((acc += p.activity));
  const createdMs = people.map((p) => p.createdAt.getTime());
  const slots = new Map<number, Date[]>();
  // goods orders; cards and redemptions come on top while playing
  const goods = Math.round(opts.orders * 0.92);
  for (let n = 0; n < goods; n++) {
    let r = rng.next() * total;
    let i = 0;
    while (r >= days[i].weight && i < days.length - 1) r -= days[i++].weight;
    const at = timeInDay(rng, days[i].start);
    if (at >= now) continue;
    // customers created before `at`: a prefix of the list (sorted by createdAt)
    let lo = 0;
    let hi = createdMs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (createdMs[mid] < at.getTime()) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0 || cumulative[lo - 1] === 0) continue;
    const target = rng.next() * cumulative[lo - 1];
    let a = 0;
    let b = lo - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cumulative[mid] > target) b = mid;
      else a = mid + 1;
    }
    const who = people[a].id;
    const list = slots.get(who) ?? [];
    list.push(at);
    slots.set(who, list);
  }
  return slots;
}

// ---------------------------------------------------------------- one customer's life

interface Life {
  ctx: Context;
  person: Person;
  queue: { at: number; seq: number; run: () => void }[];
  seq: number;
  membershipEnds: number | null;
  periods: Omit<MembershipPeriod, 'id'>[];
  growth: number;
  balance: number;
  credits: { expiresOn: string | null; points: number }[];
  checked: Set<string>;
  lastActive: Date;
  address: NonNullable<Order['address']>;
  /** Has a points account (any entry posted) / a growth row. */
  posted: boolean;
  grown: boolean;
  binding: { distributorId: number; boundAt: Date; expiresAt: Date } | null;
  mallUnits: number;
}

function schedule(life: Life, at: Date, run: () => void): void {
  const t = at.getTime();
  if (t >= life.ctx.now.getTime()) return;
  const item = { at: t, seq: life.seq++, run };
  // few events per customer: insert in place
  let i = life.queue.length;
  while (i > 0 && (life.queue[i - 1].at > t || (life.queue[i - 1].at === t && life.queue[i - 1].seq > item.seq))) i--;
  life.queue.splice(i, 0, item);
}

function playCustomer(ctx: Context, person: Person, orderTimes: Date[]): void {
  const { rng, rows, now } = ctx;
  const place = rng.pick(PLACES);
  const life: Life = {
    ctx,
    person,
    queue: [],
    seq: 0,
    membershipEnds: null,
    periods: [],
    growth: 0,
    balance: 0,
    credits: [],
    checked: new Set(),
    lastActive: person.createdAt,
    address: {
      name: person.nickname.replace(/^[小阿大]/, ''),
      phone: person.phone ?? `1${rng.pick(['3', '5', '8'])}${digits(rng, 9)}`,
      province: place[0],
      city: place[1],
      district: place[2],
      detail: `${rng.pick(STREETS)} ${1 + rng.int(300)} 号 ${1 + rng.int(30)} 幢 ${100 + rng.int(2000)} 室`,
    },
    binding: null,
    mallUnits: 0,
    posted: false,
    grown: false,
  };
  if (person.ref) {
    const expiresAt = new Date(person.createdAt.getTime() + ctx.settings.referralBindingDays * DAY_MS);
    life.binding = { distributorId: person.ref.distributorId, boundAt: person.createdAt, expiresAt };
    rows.visits.push({ customerId: person.id, distributorId: person.ref.distributorId, refCode: person.ref.code, source: 'LOGIN', outcome: 'BOUND', createdAt: person.createdAt });
  }
  for (const at of orderTimes) schedule(life, at, () => placeGoods(life, at));
  // check-ins: from joining (or 150 days back at most) to now, on a share of the days
  if (person.checkInRate > 0) {
    const from = Math.max(person.createdAt.getTime(), now.getTime() - 150 * DAY_MS);
    for (let day = ctx.dayOf(new Date(from)); day <= ctx.dayOf(now); day = addDays(day, 1)) {
      if (!rng.chance(person.checkInRate)) continue;
      const at = new Date(ctx.dayStart(day).getTime() + hours(7) + rng.int(hours(15)));
      if (at > person.createdAt) schedule(life, at, () => doCheckIn(life, day, at));
    }
    // the first weeks after joining, whenever that was (older customers' points from then expire)
    for (let d = 0; d < 20; d++) {
      const day = addDays(ctx.dayOf(person.createdAt), d);
      const at = new Date(ctx.dayStart(day).getTime() + hours(8) + rng.int(hours(12)));
      if (at.getTime() < from && at > person.createdAt && rng.chance(person.checkInRate)) schedule(life, at, () => doCheckIn(life, day, at));
    }
  }
  // points expire after each year end since joining (the job runs soon after the store's midnight)
  if (ctx.settings.pointsExpiryYears > 0) {
    for (let y = Number(ctx.dayOf(person.createdAt).slice(0, 4)); y < Number(ctx.dayOf(now).slice(0, 4)); y++) {
      const lastDay = `${y}-12-31`;
      const at = new Date(ctx.dayStart(`${y + 1}-01-01`).getTime() + minutes(5) + rng.int(minutes(50)));
      schedule(life, at, () => expire(life, lastDay, at));
    }
  }
  // birthday gifts (paid members only, checked when the day comes)
  if (person.birthday) {
    const md = person.birthday.slice(5);
    for (let y = Number(ctx.dayOf(person.createdAt).slice(0, 4)); y <= Number(ctx.dayOf(now).slice(0, 4)); y++) {
      if (md === '02-29') continue;
      const at = new Date(ctx.dayStart(`${y}-${md}`).getTime() + minutes(10) + rng.int(minutes(40)));
      if (at > person.createdAt) schedule(life, at, () => birthdayGift(life, y, at));
    }
  }
  while (life.queue.length) life.queue.shift()!.run();

  rows.customers.push({
    id: person.id,
    openid: person.openid,
    unionid: null,
    nickname: person.nickname,
    avatarUrl: '',
    phone: person.phone,
    birthday: person.birthday,
    signupRef: person.ref?.code ?? null,
    createdAt: person.createdAt,
    lastLoginAt: life.lastActive,
  });
  if (orderTimes.length) rows.addresses.push({ customerId: person.id, ...life.address, isDefault: true, createdAt: person.createdAt });
  if (life.membershipEnds !== null) {
    const endsAt = new Date(life.membershipEnds);
    rows.memberships.push({ customerId: person.id, endsAt, expiredAt: endsAt <= now ? new Date(Math.min(endsAt.getTime() + rng.int(hours(1)), now.getTime())) : null, remindedFor: null, updatedAt: endsAt <= now ? endsAt : (life.periods.at(-1)?.purchasedAt ?? endsAt) });
  }
  if (life.grown) rows.growth.push({ customerId: person.id, growth: life.growth, tierId: tierFor(ctx, life.growth)?.id ?? null, updatedAt: life.lastActive });
  if (life.posted) rows.accounts.push({ customerId: person.id, balance: life.balance, updatedAt: life.lastActive });
  if (life.binding) rows.bindings.push({ customerId: person.id, ...life.binding });
}

const tierFor = (ctx: Context, growth: number) => [...ctx.tiers].reverse().find((t) => t.growthThreshold <= growth) ?? null;
const isMemberAt = (life: Life, at: Date) => life.membershipEnds !== null && life.membershipEnds > at.getTime();

function touch(life: Life, at: Date): void {
  if (at > life.lastActive) life.lastActive = at;
}

/** A points entry, as PointsService.post writes it (credits carry their expiry day). */
function post(life: Life, at: Date, e: { kind: PointsLedger['kind']; delta: number; dedupeKey: string; memo: string; orderId?: number }): void {
  const { ctx } = life;
  if (e.delta === 0) return;
  const credit = e.delta > 0 && e.kind !== 'REVERSE';
  const expiresOn = credit ? pointsExpiryDate(ctx.dayOf(at), ctx.settings.pointsExpiryYears) : null;
  life.balance += e.delta;
  life.posted = true;
  let memo = e.memo;
  if (life.balance < 0 && e.delta < 0) memo = `${memo}（积分不足，欠 ${Math.min(-e.delta, -life.balance)} 积分，以后获得的积分先抵扣）`;
  if (credit) life.credits.push({ expiresOn, points: e.delta });
  ctx.rows.points.push({ customerId: life.person.id, kind: e.kind, delta: e.delta, balanceAfter: life.balance, orderId: e.orderId ?? null, dedupeKey: e.dedupeKey, memo: memo.slice(0, 200), expiresOn, createdAt: at });
}

function expire(life: Life, lastDay: string, at: Date): void {
  const points = pointsExpiredBy(life.balance, life.credits, lastDay);
  if (points <= 0) return;
  post(life, at, { kind: 'EXPIRE', delta: -points, dedupeKey: `expire:${lastDay}:customer:${life.person.id}`, memo: `有效期至 ${lastDay} 及以前的积分已过期` });
}

function birthdayGift(life: Life, year: number, at: Date): void {
  const gift = life.ctx.settings.birthdayGiftPoints;
  if (gift <= 0 || !isMemberAt(life, at)) return;
  post(life, at, { kind: 'GIFT', delta: gift, dedupeKey: `birthday:${year}:customer:${life.person.id}`, memo: `${year} 年会员生日礼` });
}

function doCheckIn(life: Life, day: string, at: Date): void {
  const { ctx } = life;
  const tier = tierFor(ctx, life.growth);
  const multiplierBp = isMemberAt(life, at) ? (tier?.pointsMultiplierBp ?? 10_000) : 10_000;
  const rules = { dailyPoints: ctx.settings.checkInDailyPoints, milestones: ctx.settings.checkInMilestones, makeUpEnabled: false, makeUpCostPoints: 0 };
  const o = checkIn(life.checked, day, rules, multiplierBp);
  if (!o.ok) return;
  life.checked.add(day);
  ctx.rows.checkIns.push({ customerId: life.person.id, storeDay: day, streak: o.streak, pointsAwarded: o.pointsAwarded, madeUp: false, createdAt: at });
  const bonus = o.bonusPoints > 0 ? `，连续 ${o.streak} 天奖励 ${o.bonusPoints}` : '';
  const times = o.multiplierBp !== 10_000 ? `，会员 ${o.multiplierBp / 10_000} 倍` : '';
  post(life, at, { kind: 'CHECK_IN', delta: o.pointsAwarded, dedupeKey: `check-in:${life.person.id}:${day}`, memo: `${day} 签到${bonus}${times}` });
  touch(life, at);
}

// ---------------------------------------------------------------- orders

function newOrderNo(ctx: Context, at: Date, prefix = ''): string {
  for (;;) {
    const no = `${prefix}${stampOf(at)}${digits(ctx.rng, 10)}`;
    if (!ctx.orderNos.has(no)) {
      ctx.orderNos.add(no);
      return no;
    }
  }
}

function historyRow(ctx: Context, orderId: number, fromStatus: string | null, toStatus: string, actor: string, reason: string | null, at: Date): void {
  ctx.rows.history.push({ orderId, fromStatus, toStatus, actor, reason, at });
}

/** The member days on at `at`, as the pipeline gets them for this buyer. */
function memberDaysAt(life: Life, at: Date, buyer: ReturnType<typeof buyerOf>): { memberDay: PricingMemberDay; rule: MemberDay }[] {
  return life.ctx
    .rulesOn(at)
    .map(({ rule, rates }) => ({ rule, memberDay: pricingMemberDay(rule, buyer, rates) }));
}

function buyerAt(life: Life, at: Date) {
  return buyerOf(life.ctx.tiers, { isMember: isMemberAt(life, at), growth: life.growth, pointsBalance: Math.max(life.balance, 0) });
}

/** An order row with the fields every order starts with, written from a breakdown. */
function orderRow(ctx: Context, life: Life, at: Date, kind: Order['kind'], b: PriceBreakdown, extra: Partial<Order> = {}): Order {
  return {
    id: ++ctx.ids.order,
    orderNo: newOrderNo(ctx, at),
    customerId: life.person.id,
    kind,
    status: 'PENDING_PAYMENT',
    goodsCents: b.goodsCents,
    discountCents: b.discountCents,
    shippingCents: b.shippingCents,
    shippingPaidCents: b.shippingPaidCents,
    pointsUsed: b.pointsUsed,
    pointsValueCents: b.pointsValueCents,
    payableCents: b.payableCents,
    pointsToEarn: b.pointsToEarn,
    refundedCents: 0,
    membershipPlanId: null,
    memberDayId: b.memberDayId,
    couponId: b.couponId,
    address: null,
    note: '',
    carrier: null,
    trackingNo: null,
    expiresAt: new Date(at.getTime() + minutes(ctx.settings.unpaidTimeoutMinutes)),
    paidAt: null,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    createdAt: at,
    ...extra,
  };
}

function writeLines(ctx: Context, order: Order, b: PriceBreakdown, info: (skuId: number) => { title: string; specs: Record<string, string>; coverUrl: string }): OrderLine[] {
  const lines = b.lines.map(
    (l): OrderLine => ({ id: ++ctx.ids.line, ...orderLineOf(order.id, l, info(Number(l.skuId))), refundedQty: 0, refundedCents: 0 }),
  );
  ctx.rows.lines.push(...lines);
  const lineOfSku = new Map(lines.map((l) => [String(l.skuId), l.id]));
  const skuOfLine = new Map(b.lines.map((l) => [l.lineId, l.skuId]));
  for (const a of b.adjustments) {
    ctx.rows.adjustments.push({ orderId: order.id, orderLineId: a.lineId === null ? null : (lineOfSku.get(skuOfLine.get(a.lineId)!) ?? null), kind: a.kind, amountCents: a.amountCents, label: a.label, sourceType: a.sourceType, sourceId: a.sourceId });
  }
  return lines;
}

/** A paid order's payment (WeChat Pay JSAPI through the simulator's shapes). */
function payment(ctx: Context, order: Order, status: Payment['status'], prepayAt: Date, paidAt: Date | null): void {
  ctx.rows.payments.push({
    orderId: order.id,
    outTradeNo: order.orderNo,
    amountCents: order.payableCents,
    status,
    prepayId: `wx${stampOf(prepayAt)}${digits(ctx.rng, 16)}`,
    prepayAt,
    transactionId: paidAt ? `4200${digits(ctx.rng, 24)}` : null,
    paidAt,
    createdAt: prepayAt,
  });
}

/**
 * A customer about to buy may take a card first (more often on a member day), or renew one running
 * out, or redeem points in the mall; the goods order then follows a little later (every step of a
 * customer's life runs at its own time, so each ledger's balances follow one another).
 */
function placeGoods(life: Life, at: Date): void {
  const { ctx } = life;
  const { rng } = ctx;
  const memberEnds = life.membershipEnds;
  const onMemberDay = ctx.rulesOn(at).length > 0;
  if (!isMemberAt(life, at) ? rng.chance(onMemberDay ? 0.25 : 0.07) : memberEnds! - at.getTime() < 5 * DAY_MS && rng.chance(0.35)) {
    buyCard(life, at);
    const later = new Date(at.getTime() + minutes(3) + rng.int(minutes(20)));
    schedule(life, later, () => placeGoodsNow(life, later));
    return;
  }
  if (ctx.mallItem && ctx.mallLeft > 0 && life.balance >= ctx.mallItem.pointsCost && life.mallUnits < (ctx.mallItem.perCustomerLimit || 99) && rng.chance(0.3)) {
    redeem(life, at);
    const later = new Date(at.getTime() + minutes(30) + rng.int(hours(5)));
    schedule(life, later, () => placeGoodsNow(life, later));
    return;
  }
  placeGoodsNow(life, at);
}

function placeGoodsNow(life: Life, at: Date): void {
  const { ctx } = life;
  const { rng, catalog } = ctx;
  let buyer = buyerAt(life, at);
  const member = buyer.pricing.isMember;
  const picked = new Map<number, number>();
  const count = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
  for (let tries = 0; picked.size < count && tries < 20; tries++) {
    let r = rng.next() * catalog.totalWeight;
    let i = 0;
    while (r >= catalog.skus[i].weight && i < catalog.skus.length - 1) r -= catalog.skus[i++].weight;
    const { sku, product } = catalog.skus[i];
    if (product.memberOnly && !member) continue;
    if (!picked.has(sku.id)) picked.set(sku.id, rng.chance(0.75) ? 1 : 2 + rng.int(2));
  }
  const byId = ctx.skuById;
  const usePoints = life.balance >= 100 && rng.chance(0.35);
  if (!usePoints) buyer = { ...buyer, pricing: { ...buyer.pricing, pointsBalance: 0 } };
  const days = memberDaysAt(life, at, buyer);
  const lines: PricingLine[] = [...picked].map(([skuId, qty]) => {
    const { sku, product } = byId.get(skuId)!;
    return {
      lineId: String(skuId),
      skuId: String(skuId),
      productId: String(product.id),
      categoryId: String(product.categoryId),
      qty,
      listPriceCents: sku.priceCents,
      memberPriceCents: sku.memberPriceCents,
      memberDayPrices: memberDayPricesOf(days.map((d) => ({ memberDay: d.memberDay, skuPrices: new Map() })), sku.id, sku.memberDayPriceCents),
      memberOnly: product.memberOnly,
    };
  });
  const b = priceCart({ lines, buyer: buyer.pricing, memberDays: days.map((d) => d.memberDay), coupon: null, pointsRequested: usePoints ? buyer.pricing.pointsBalance : 0, rules: ctx.rules });
  if (b.requiresMembership) return;
  const order = orderRow(ctx, life, at, 'GOODS', b, { address: life.address, note: rng.chance(0.05) ? rng.pick(['请尽快发货', '送人的，不要放发票', '周末送达']) : '' });
  ctx.rows.orders.push(order);
  const orderLines = writeLines(ctx, order, b, (skuId) => {
    const { sku, product } = byId.get(skuId)!;
    return { title: product.title, specs: sku.specs, coverUrl: product.coverUrl };
  });
  historyRow(ctx, order.id, null, 'PENDING_PAYMENT', `customer:${life.person.id}`, null, at);
  if (order.pointsUsed > 0) post(life, at, { kind: 'SPEND', delta: -order.pointsUsed, dedupeKey: `spend:order:${order.id}`, orderId: order.id, memo: `订单 ${order.orderNo} 抵扣 ${formatYuan(order.pointsValueCents)} 元` });
  touch(life, at);
  pay(life, order, orderLines, at, true);
}

/**
 * What happens after placement: paid (or left unpaid and cancelled), shipped, completed, maybe
 * refunded in part or in whole; each step at its time, none after now.
 */
function pay(life: Life, order: Order, lines: OrderLine[], at: Date, ships: boolean, completed?: () => void): void {
  const { ctx } = life;
  const { rng, now } = ctx;
  const id = order.id;
  const prepayAt = new Date(at.getTime() + 2_000 + rng.int(20_000));
  const timeout = at.getTime() + minutes(ctx.settings.unpaidTimeoutMinutes);
  if (timeout > now.getTime() && order.payableCents > 0) {
    // placed in the last minutes: still waiting for the payment
    payment(ctx, order, 'CREATED', prepayAt, null);
    return;
  }
  if (ships && order.payableCents > 0 && rng.chance(0.05)) {
    order.status = 'CANCELLED';
    order.cancelledAt = new Date(timeout + rng.int(60_000));
    if (rng.chance(0.5)) payment(ctx, order, 'CREATED', prepayAt, null);
    historyRow(ctx, id, 'PENDING_PAYMENT', 'CANCELLED', 'system', '超时未支付，系统取消', order.cancelledAt);
    schedule(life, order.cancelledAt, () => {
      if (order.pointsUsed > 0) post(life, order.cancelledAt!, { kind: 'REVERSE', delta: order.pointsUsed, dedupeKey: `return:order:${id}`, orderId: id, memo: `订单 ${order.orderNo} 已取消，退还抵扣的积分` });
    });
    return;
  }
  const paidAt = order.payableCents === 0 ? at : new Date(prepayAt.getTime() + 5_000 + rng.int(minutes(5)));
  order.status = 'PAID';
  order.paidAt = paidAt;
  order.expiresAt = order.payableCents === 0 ? null : order.expiresAt;
  if (order.payableCents > 0) payment(ctx, order, 'SUCCESS', prepayAt, paidAt);
  const txid = ctx.rows.payments.at(-1)?.transactionId ?? '';
  historyRow(ctx, id, 'PENDING_PAYMENT', 'PAID', order.payableCents > 0 ? 'wechat' : `customer:${life.person.id}`, order.payableCents > 0 ? `微信支付成功 ${txid}` : null, paidAt);
  const commission = accrue(life, order, lines, paidAt);
  if (!ships) {
    schedule(life, paidAt, () => {
      complete(life, order, paidAt, 'wechat', '虚拟商品支付后自动完成', commission);
      completed?.();
    });
    return;
  }
  // refunded before shipping: the whole order (a few)
  if (rng.chance(0.02)) {
    const asked = new Date(paidAt.getTime() + hours(1) + rng.int(hours(10)));
    schedule(life, asked, () => refund(life, order, lines, asked, lines.map((l) => ({ line: l, qty: l.qty })), false, commission));
    return;
  }
  const shippedAt = new Date(paidAt.getTime() + hours(3) + rng.int(hours(45)));
  if (shippedAt >= now) return;
  order.status = 'SHIPPED';
  order.shippedAt = shippedAt;
  order.carrier = rng.pick(CARRIERS);
  order.trackingNo = `${order.carrier === '顺丰速运' ? 'SF' : 'YT'}${digits(rng, 12)}`;
  historyRow(ctx, id, 'PAID', 'SHIPPED', `staff:${ctx.staffId}`, `已发货：${order.carrier} ${order.trackingNo}`, shippedAt);
  const confirmed = rng.chance(0.6);
  const completedAt = new Date(shippedAt.getTime() + (confirmed ? DAY_MS * 2 + rng.int(DAY_MS * 6) : ctx.settings.autoConfirmDays * DAY_MS + rng.int(minutes(10))));
  if (completedAt >= now) return;
  schedule(life, completedAt, () => {
    complete(life, order, completedAt, confirmed ? `customer:${life.person.id}` : 'system', confirmed ? '买家确认收货' : '超时自动确认收货', commission);
    // after-sale: one unit of one line back (returned goods), within the after-sale days
    if (rng.chance(0.04)) {
      const asked = new Date(completedAt.getTime() + hours(2) + rng.int(ctx.settings.afterSaleDays * DAY_MS - hours(3)));
      const line = rng.pick(lines);
      schedule(life, asked, () => refund(life, order, lines, asked, [{ line, qty: 1 }], true, commission));
    }
  });
}

function complete(life: Life, order: Order, at: Date, actor: string, reason: string, commission: CommissionEvents[]): void {
  const { ctx } = life;
  order.status = 'COMPLETED';
  order.completedAt = at;
  historyRow(ctx, order.id, order.kind === 'GOODS' || order.kind === 'POINTS_REDEMPTION' ? (order.shippedAt ? 'SHIPPED' : 'PAID') : 'PAID', 'COMPLETED', actor, reason, at);
  // points (once, on what was kept), growth, commission's after-sale clock
  const kept = pointsKept(order.pointsToEarn, order.payableCents - order.shippingPaidCents, order.refundedCents);
  if (kept > 0) {
    const note = kept < order.pointsToEarn ? `，已退款部分不计（应得 ${order.pointsToEarn}）` : '';
    post(life, at, { kind: 'EARN', delta: kept, dedupeKey: `earn:order:${order.id}`, orderId: order.id, memo: `订单 ${order.orderNo} 完成${note}` });
  }
  settleGrowth(life, order, 'complete', at);
  for (const c of commission) {
    c.completedAt = at;
    c.commission.completedAt = at;
  }
  touch(life, at);
}

/** TierService.settleOrder: the order's growth brought to floor(kept fen / 100). */
function settleGrowth(life: Life, order: Order, event: string, at: Date): void {
  const { rows } = life.ctx;
  const target = Math.floor(Math.max(0, order.payableCents - order.refundedCents) / 100);
  const granted = life.ctx.growthOfOrder.get(order.id) ?? 0;
  const delta = target - granted;
  if (delta === 0) return;
  life.ctx.growthOfOrder.set(order.id, target);
  life.growth += delta;
  life.grown = true;
  rows.growthLedger.push({ customerId: life.person.id, orderId: order.id, event, delta, balanceAfter: life.growth, at });
}

/** Commission on a paid order for a buyer bound to an approved distributor (level 1, the store's rates). */
function accrue(life: Life, order: Order, lines: OrderLine[], at: Date): CommissionEvents[] {
  const { ctx } = life;
  const b = life.binding;
  if (!b || at < b.boundAt || at >= b.expiresAt || order.payableCents === 0) return [];
  const s = ctx.settings;
  const rateOf = (l: { productId: number; categoryId: number }) =>
    s.commissionProductRates.find((r) => r.productId === l.productId)?.rateBp ?? s.commissionCategoryRates.find((r) => r.categoryId === l.categoryId)?.rateBp ?? s.commissionDefaultRateBp;
  const cl = commissionLines(
    lines.map((l) => ({ orderLineId: l.id, cashPaidCents: l.cashPaidCents, productId: l.productId, categoryId: l.categoryId })),
    rateOf,
  );
  const amount = cl.reduce((sum, l) => sum + l.amountCents, 0);
  const commission: Commission = {
    id: ++ctx.ids.commission,
    orderId: order.id,
    orderNo: order.orderNo,
    buyerId: life.person.id,
    distributorId: b.distributorId,
    level: 1,
    status: 'PENDING',
    lines: cl,
    baseCents: cl.reduce((sum, l) => sum + l.baseCents, 0),
    amountCents: amount,
    originalAmountCents: amount,
    completedAt: null,
    createdAt: at,
    settledAt: null,
  };
  ctx.rows.commissions.push(commission);
  const events: CommissionEvents = { commission, completedAt: null, reductions: [] };
  const list = ctx.commissionEvents.get(b.distributorId) ?? [];
  list.push(events);
  ctx.commissionEvents.set(b.distributorId, list);
  ctx.commissionOfOrder.set(order.id, [events]);
  return [events];
}

/**
 * A refund from request to money back: requested by the customer, approved by staff (shipped
 * goods come back first), completed by WeChat. Left open when its next step would be after now.
 */
function refund(life: Life, order: Order, lines: OrderLine[], asked: Date, picks: { line: OrderLine; qty: number }[], returned: boolean, commission: CommissionEvents[], cardReason?: string): void {
  const { ctx } = life;
  const { rng, now } = ctx;
  const refundLines: RefundLine[] = picks.map(({ line, qty }) => ({ orderLineId: line.id, qty, amountCents: shareOfUnits(line.cashPaidCents, line.qty, line.refundedQty, qty) }));
  const whole = lines.every((l) => l.qty - l.refundedQty === (picks.find((p) => p.line.id === l.id)?.qty ?? 0));
  const shippingCents = whole && order.shippedAt === null && order.kind === 'GOODS' ? order.shippingPaidCents : 0;
  const amountCents = cardReason ? order.payableCents : refundLines.reduce((s, r) => s + r.amountCents, 0) + shippingCents;
  const approvedAt = cardReason ? asked : new Date(asked.getTime() + hours(1) + rng.int(hours(20)) + (returned ? 3 * DAY_MS : 0));
  const refundedAt = new Date(approvedAt.getTime() + 30_000 + rng.int(minutes(5)));
  const row: Refund = {
    id: ++ctx.ids.refund,
    refundNo: newOrderNo(ctx, asked, 'R'),
    orderId: order.id,
    customerId: life.person.id,
    status: refundedAt < now ? 'REFUNDED' : approvedAt < now ? 'APPROVED' : 'REQUESTED',
    reason: cardReason ?? rng.pick(REFUND_REASONS),
    amountCents,
    shippingCents,
    lines: cardReason ? [] : refundLines,
    reviewNote: null,
    reviewedBy: cardReason || approvedAt >= now ? null : ctx.staffId,
    wechatRefundId: refundedAt < now ? `50${digits(rng, 27)}` : null,
    returnRequired: returned,
    returnCarrier: returned ? rng.pick(CARRIERS) : null,
    returnTrackingNo: returned ? `YT${digits(rng, 12)}` : null,
    returnShippedAt: returned ? new Date(asked.getTime() + DAY_MS) : null,
    returnReceivedAt: returned && approvedAt < now ? approvedAt : null,
    payoutError: null,
    payoutFailedAt: null,
    createdAt: asked,
    approvedAt: approvedAt < now ? approvedAt : null,
    refundedAt: refundedAt < now ? refundedAt : null,
  };
  if (returned && row.status === 'REQUESTED' && asked.getTime() + hours(2) < now.getTime()) row.status = 'AWAITING_RETURN';
  ctx.rows.refunds.push(row);
  touch(life, asked);
  if (row.status !== 'REFUNDED') return;
  // the money back, at its time: lines, order, points, growth, commission, card time
  schedule(life, refundedAt, () => {
    for (const r of row.lines) {
      const line = lines.find((l) => l.id === r.orderLineId)!;
      line.refundedQty += r.qty;
      line.refundedCents += r.amountCents;
    }
    const earnedBefore = pointsKept(order.pointsToEarn, order.payableCents - order.shippingPaidCents, order.refundedCents);
    order.refundedCents += amountCents;
    if (row.lines.length && lines.every((l) => l.refundedQty === l.qty) && (order.status === 'PAID' || order.status === 'SHIPPED')) {
      historyRow(ctx, order.id, order.status, 'REFUNDED', 'system', `全额退款 ${row.refundNo}`, refundedAt);
      order.status = 'REFUNDED';
    }
    if (order.status === 'COMPLETED') {
      const after = pointsKept(order.pointsToEarn, order.payableCents - order.shippingPaidCents, order.refundedCents);
      if (after < earnedBefore) post(life, refundedAt, { kind: 'REVERSE', delta: after - earnedBefore, dedupeKey: `reverse:refund:${row.id}`, orderId: order.id, memo: `退款 ${row.refundNo}，扣回订单 ${order.orderNo} 所得积分` });
    }
    if (order.pointsUsed > 0 && order.pointsValueCents > 0 && row.lines.length) {
      let before = 0;
      let after = 0;
      for (const line of lines) {
        const inThis = row.lines.filter((r) => r.orderLineId === line.id).reduce((s, r) => s + r.qty, 0);
        after += shareOfUnits(line.pointsCents, line.qty, 0, line.refundedQty);
        before += shareOfUnits(line.pointsCents, line.qty, 0, line.refundedQty - inThis);
      }
      const back = (v: number) => mulDivFloor(order.pointsUsed, Math.min(v, order.pointsValueCents), order.pointsValueCents);
      const delta = back(after) - back(before);
      if (delta > 0) post(life, refundedAt, { kind: 'REVERSE', delta, dedupeKey: `return:refund:${row.id}`, orderId: order.id, memo: `退款 ${row.refundNo}，退还订单 ${order.orderNo} 抵扣的积分` });
    }
    if (order.status === 'COMPLETED') settleGrowth(life, order, `refund:${row.refundNo}`, refundedAt);
    for (const c of commission) {
      const cash = new Map<number, number>();
      if (row.lines.length) for (const r of row.lines) cash.set(r.orderLineId, (cash.get(r.orderLineId) ?? 0) + r.amountCents);
      else for (const l of c.commission.lines) cash.set(l.orderLineId, Math.max(l.baseCents - l.refundedCents, 0));
      const before = c.commission.amountCents;
      const updated: CommissionLine[] = c.commission.lines.map((l) => ({ ...l, refundedCents: Math.min(l.baseCents, l.refundedCents + (cash.get(l.orderLineId) ?? 0)) }));
      const kept = sumKept(updated);
      c.commission.lines = updated;
      c.commission.baseCents = sumRemainingBase(updated);
      c.commission.amountCents = kept;
      c.reductions.push({ at: refundedAt, refundId: row.id, refundNo: row.refundNo, orderNo: order.orderNo, taken: before - kept, baseAfter: c.commission.baseCents });
    }
    if (order.kind === 'POINTS_REDEMPTION') {
      const units = row.lines.reduce((s, r) => s + r.qty, 0);
      const line = lines[0];
      const delta = redemptionPointsBack(order.pointsUsed, line.qty, line.refundedQty - units, units);
      post(life, refundedAt, { kind: 'REVERSE', delta, dedupeKey: `return:refund:${row.id}`, orderId: order.id, memo: `退款 ${row.refundNo}，退还兑换「${line.title}」的积分` });
    }
    if (order.kind === 'MEMBER_CARD') {
      const period = life.periods.find((p) => p.orderId === order.id)!;
      const removed = period.endsAt.getTime() - Math.max(period.startsAt.getTime(), refundedAt.getTime());
      period.refundedAt = refundedAt;
      life.membershipEnds = Math.max(refundedAt.getTime(), life.membershipEnds! - Math.max(0, removed));
    }

  });
}

/** A card bought like any order; paying it completes it and adds its days (after the running card, if any). */
function buyCard(life: Life, at: Date): void {
  const { ctx } = life;
  const { rng } = ctx;
  if (at <= life.person.createdAt) return;
  const plan = ctx.plans.length > 1 && rng.chance(0.15) ? ctx.plans[1] : ctx.plans[0];
  const buyer = buyerAt(life, at);
  const days = memberDaysAt(life, at, buyer);
  const b = priceCart({
    lines: [{ lineId: `plan-${plan.id}`, skuId: '0', productId: '0', categoryId: '0', qty: 1, listPriceCents: plan.priceCents, memberPriceCents: null, requiresShipping: false }],
    buyer: { ...buyer.pricing, pointsBalance: 0 },
    memberDays: days.map((d) => d.memberDay),
    coupon: null,
    pointsRequested: 0,
    rules: ctx.rules,
  });
  const order = orderRow(ctx, life, at, 'MEMBER_CARD', b, { membershipPlanId: plan.id });
  ctx.rows.orders.push(order);
  const lines = writeLines(ctx, order, b, () => ({ title: plan.name, specs: {}, coverUrl: '' }));
  historyRow(ctx, order.id, null, 'PENDING_PAYMENT', `customer:${life.person.id}`, null, at);
  touch(life, at);
  pay(life, order, lines, at, false, () => cardPaid(life, order, lines, plan));
}

/** A paid card adds its days after the running card, if any; a few are taken back (极速退卡). */
function cardPaid(life: Life, order: Order, lines: OrderLine[], plan: MembershipPlan): void {
  const { ctx } = life;
  const { rng } = ctx;
  const paidAt = order.paidAt!;
  const startsAt = life.membershipEnds !== null && life.membershipEnds > paidAt.getTime() ? new Date(life.membershipEnds) : paidAt;
  const endsAt = new Date(startsAt.getTime() + plan.days * DAY_MS);
  life.membershipEnds = endsAt.getTime();
  const period = { customerId: life.person.id, orderId: order.id, planId: plan.id, days: plan.days, paidCents: order.payableCents, purchasedAt: paidAt, startsAt, endsAt, refundedAt: null };
  life.periods.push(period);
  ctx.rows.periods.push(period);
  if (rng.chance(0.03)) {
    const asked = new Date(paidAt.getTime() + hours(1) + rng.int(Math.max(1, ctx.settings.cardFastRefundDays - 1) * DAY_MS));
    const commission = ctx.commissionOfOrder.get(order.id) ?? [];
    schedule(life, asked, () => refund(life, order, lines, asked, [], false, commission, '极速退卡'));
  }
}

/** A points-mall redemption of a points-only GOODS item: points spent, paid at once, shipped like goods. */
function redeem(life: Life, at: Date): void {
  const { ctx } = life;
  const item = ctx.mallItem!;
  if (at <= life.person.createdAt || life.balance < item.pointsCost) return;
  const entry = ctx.catalog.skus.find((x) => x.sku.id === item.skuId);
  if (!entry) return;
  ctx.mallLeft--;
  life.mallUnits++;
  const b = redemptionBreakdown(item, 1, { skuId: entry.sku.id, productId: entry.product.id, categoryId: entry.product.categoryId, requiresShipping: true });
  const order = orderRow(ctx, life, at, 'POINTS_REDEMPTION', b, { address: life.address, expiresAt: null });
  ctx.rows.orders.push(order);
  const lines = writeLines(ctx, order, b, () => ({ title: entry.product.title, specs: entry.sku.specs, coverUrl: entry.product.coverUrl }));
  ctx.rows.redemptions.push({ orderId: order.id, itemId: item.id, customerId: life.person.id, kind: item.kind, title: item.title, qty: 1, pointsUsed: item.pointsCost, cashCents: 0, cardDays: null, createdAt: at });
  const usage = ctx.rows.mallUsage.find((u) => u.customerId === life.person.id && u.itemId === item.id);
  if (usage) usage.qty++;
  else ctx.rows.mallUsage.push({ customerId: life.person.id, itemId: item.id, qty: 1 });
  historyRow(ctx, order.id, null, 'PENDING_PAYMENT', `customer:${life.person.id}`, null, at);
  post(life, at, { kind: 'SPEND', delta: -item.pointsCost, dedupeKey: `spend:order:${order.id}`, orderId: order.id, memo: `积分兑换「${item.title}」×1` });
  pay(life, order, lines, at, true);
}

// ---------------------------------------------------------------- distributors' money

/** Each distributor's commission in time order: accrued, reduced or clawed back by refunds, settled, withdrawn. */
function playDistributors(ctx: Context, plans: DistributorPlan[]): void {
  const { rows, now, rng } = ctx;
  const settleMs = ctx.settings.commissionSettleAfterDays * DAY_MS;
  for (const { row: d } of plans) {
    rows.distributors.push(d);
    const events: { at: number; seq: number; run: () => void }[] = [];
    let seq = 0;
    const at = (ms: number, run: () => void) => {
      if (ms < now.getTime()) events.push({ at: ms, seq: seq++, run });
    };
    const ledger = (kind: CommissionLedger['kind'], when: Date, m: Partial<Pick<CommissionLedger, 'pendingDelta' | 'availableDelta' | 'frozenDelta' | 'withdrawnDelta' | 'owedDelta'>>, key: string, memo: string, ids: { commissionId?: number; withdrawalId?: number }) => {
      const e = { pendingDelta: 0, availableDelta: 0, frozenDelta: 0, withdrawnDelta: 0, owedDelta: 0, ...m };
      d.pendingCents += e.pendingDelta;
      d.availableCents += e.availableDelta;
      d.frozenCents += e.frozenDelta;
      d.withdrawnCents += e.withdrawnDelta;
      d.owedCents += e.owedDelta;
      rows.commissionLedger.push({ distributorId: d.id, kind, ...e, commissionId: ids.commissionId ?? null, withdrawalId: ids.withdrawalId ?? null, dedupeKey: key, memo, createdAt: when });
    };
    // each commission as it stands at the moment being replayed
    const mine = (ctx.commissionEvents.get(d.id) ?? []).map((ev) => ({ ev, status: 'PENDING' as Commission['status'], amount: ev.commission.originalAmountCents }));
    for (const s of mine) {
      const c = s.ev.commission;
      at(c.createdAt.getTime(), () => ledger('ACCRUE', c.createdAt, { pendingDelta: s.amount }, `accrue:commission:${c.id}`, `订单 ${c.orderNo} 佣金`, { commissionId: c.id }));
      for (const r of s.ev.reductions) {
        at(r.at.getTime(), () => {
          if (s.status === 'CANCELLED') return;
          const pending = s.status === 'PENDING';
          s.amount -= r.taken;
          if (pending && r.baseAfter === 0) s.status = 'CANCELLED';
          if (r.taken <= 0) return;
          ledger(pending ? 'REDUCE' : 'CLAWBACK', r.at, pending ? { pendingDelta: -r.taken } : clawBack(d.availableCents, r.taken), `reduce:refund:${r.refundId}:commission:${c.id}`, `退款 ${r.refundNo}，订单 ${r.orderNo} 佣金减少`, { commissionId: c.id });
        });
      }
      if (s.ev.completedAt) {
        const settleAt = s.ev.completedAt.getTime() + settleMs + rng.int(minutes(10));
        at(settleAt, () => {
          if (s.status !== 'PENDING') return;
          s.status = 'SETTLED';
          c.settledAt = new Date(settleAt);
          ledger('SETTLE', c.settledAt, { pendingDelta: -s.amount, ...creditAvailable(d.owedCents, s.amount) }, `settle:commission:${c.id}`, `订单 ${c.orderNo} 佣金结算`, { commissionId: c.id });
        });
      }
    }
    // withdrawals: now and then, all that is available, paid within a day
    let covered = 0;
    for (let t = d.reviewedAt!.getTime() + 20 * DAY_MS + rng.int(10 * DAY_MS); t < now.getTime() - DAY_MS; t += 15 * DAY_MS + rng.int(20 * DAY_MS)) {
      const asked = new Date(t);
      const paidAt = new Date(t + hours(3) + rng.int(hours(20)));
      at(t, () => {
        const amountCents = d.availableCents;
        if (amountCents < Math.max(ctx.settings.withdrawMinCents, 1000) || amountCents > ctx.settings.withdrawDailyCapCents) return;
        const day = ctx.dayOf(asked);
        const w: Withdrawal = {
          id: ++ctx.ids.withdrawal,
          distributorId: d.id,
          amountCents,
          status: 'PENDING',
          storeDay: day,
          outBatchNo: `WD${day.replace(/-/g, '')}${digits(rng, 14)}`,
          transferBillNo: null,
          failReason: null,
          reviewedBy: null,
          createdAt: asked,
          reviewedAt: null,
          paidAt: null,
        };
        rows.withdrawals.push(w);
        ledger('FREEZE', asked, { availableDelta: -amountCents, frozenDelta: amountCents }, `freeze:withdrawal:${w.id}`, `申请提现 ${formatYuan(amountCents)} 元`, { withdrawalId: w.id });
        at(paidAt.getTime(), () => {
          w.status = 'PAID';
          w.reviewedBy = ctx.staffId;
          w.reviewedAt = new Date(paidAt.getTime() - 60_000);
          w.paidAt = paidAt;
          w.transferBillNo = `1330${digits(rng, 20)}`;
          ledger('PAYOUT', paidAt, { frozenDelta: -amountCents, withdrawnDelta: amountCents }, `payout:withdrawal:${w.id}`, `提现 ${formatYuan(amountCents)} 元已到账`, { withdrawalId: w.id });
          // the settled rows the payouts cover become WITHDRAWN, oldest first
          let left = d.withdrawnCents - covered;
          for (const s of mine) {
            if (s.status !== 'SETTLED') continue;
            if (s.amount > left) break;
            s.status = 'WITHDRAWN';
            left -= s.amount;
            covered += s.amount;
          }
        });
      });
    }
    // run in time order; events added while running (payouts) join the queue
    while (events.length) {
      events.sort((a, b) => a.at - b.at || a.seq - b.seq);
      events.shift()!.run();
    }
    for (const s of mine) {
      s.ev.commission.status = s.status;
      s.ev.commission.amountCents = s.amount;
    }
  }
}

/**
 * Ids were drawn while playing each customer's life in turn; give orders, lines, refunds and
 * commission rows ids in time order (as the live store would have), and follow them everywhere.
 */
function renumber(ctx: Context, base: Context['ids']): void {
  const { rows } = ctx;
  const ranks = <T extends { id: number }>(list: T[], first: number, key: (x: T) => number) => {
    const sorted = [...list].sort((a, b) => key(a) - key(b) || a.id - b.id);
    return new Map(sorted.map((x, i) => [x.id, first + 1 + i]));
  };
  const order = ranks(rows.orders, base.order, (o) => o.createdAt.getTime());
  const line = ranks(rows.lines, base.line, (l) => order.get(l.orderId)!);
  const refund = ranks(rows.refunds, base.refund, (r) => r.createdAt.getTime());
  const commission = ranks(rows.commissions, base.commission, (c) => c.createdAt.getTime());
  const key = (k: string) =>
    k.replace(/(order|refund|commission):(\d+)/g, (_, kind: string, id: string) => `${kind}:${(kind === 'order' ? order : kind === 'refund' ? refund : commission).get(Number(id)) ?? id}`);
  for (const o of rows.orders) o.id = order.get(o.id)!;
  for (const l of rows.lines) Object.assign(l, { id: line.get(l.id)!, orderId: order.get(l.orderId)! });
  for (const a of rows.adjustments) Object.assign(a, { orderId: order.get(a.orderId)!, orderLineId: a.orderLineId === null ? null : line.get(a.orderLineId)! });
  for (const h of rows.history) h.orderId = order.get(h.orderId)!;
  for (const p of rows.payments) p.orderId = order.get(p.orderId)!;
  for (const r of rows.refunds) Object.assign(r, { id: refund.get(r.id)!, orderId: order.get(r.orderId)!, lines: r.lines.map((l) => ({ ...l, orderLineId: line.get(l.orderLineId)! })) });
  for (const p of rows.periods) p.orderId = order.get(p.orderId)!;
  for (const g of rows.growthLedger) g.orderId = order.get(g.orderId)!;
  for (const p of rows.points) Object.assign(p, { orderId: p.orderId === null ? null : order.get(p.orderId)!, dedupeKey: key(p.dedupeKey) });
  for (const r of rows.redemptions) r.orderId = order.get(r.orderId)!;
  for (const c of rows.commissions) Object.assign(c, { id: commission.get(c.id)!, orderId: order.get(c.orderId)!, lines: c.lines.map((l) => ({ ...l, orderLineId: line.get(l.orderLineId)! })) });
  for (const c of rows.commissionLedger) Object.assign(c, { commissionId: c.commissionId === null ? null : commission.get(c.commissionId)!, dedupeKey: key(c.dedupeKey) });
}

// ---------------------------------------------------------------- writing

async function writeRows(ds: DataSource, rows: Rows, log: (line: string) => void): Promise<number> {
  // chronological ids for rows that get theirs from the database
  const byTime = <T>(xs: T[], key: (x: T) => Date) => xs.sort((a, b) => key(a).getTime() - key(b).getTime());
  byTime(rows.points, (p) => p.createdAt);
  byTime(rows.history, (h) => h.at);
  byTime(rows.checkIns, (c) => c.createdAt);
  byTime(rows.growthLedger, (g) => g.at);
  byTime(rows.commissionLedger, (c) => c.createdAt);
  byTime(rows.visits, (v) => v.createdAt);
  byTime(rows.periods, (p) => p.purchasedAt);
  byTime(rows.payments, (p) => p.createdAt);
  byTime(rows.redemptions, (r) => r.createdAt);
  // orders, lines and refunds carry ids drawn while playing: written in id order (ids follow each customer's life, times do not)
  const sequence: [EntityTarget<ObjectLiteral>, ObjectLiteral[]][] = [
    [Customer, rows.customers],
    [Address, rows.addresses],
    [Order, rows.orders.sort((a, b) => a.id - b.id)],
    [OrderLine, rows.lines.sort((a, b) => a.id - b.id)],
    [OrderAdjustment, rows.adjustments],
    [OrderStatusHistory, rows.history],
    [Payment, rows.payments],
    [Refund, rows.refunds.sort((a, b) => a.id - b.id)],
    [MembershipPeriod, rows.periods],
    [Membership, rows.memberships],
    [CustomerGrowth, rows.growth],
    [GrowthLedger, rows.growthLedger],
    [PointsAccount, rows.accounts],
    [PointsLedger, rows.points],
    [CheckIn, rows.checkIns],
    [PointsRedemption, rows.redemptions],
    [PointsMallUsage, rows.mallUsage],
    [Distributor, rows.distributors],
    [ReferralBinding, rows.bindings],
    [ReferralVisit, rows.visits],
    [Commission, rows.commissions],
    [CommissionLedger, rows.commissionLedger],
    [Withdrawal, rows.withdrawals],
  ];
  let total = 0;
  await ds.transaction(async (em) => {
    for (const [target, list] of sequence) {
      const started = Date.now();
      await insertBatches(em, target, list);
      total += list.length;
      log(`  ${em.getRepository(target).metadata.tableName}: ${list.length} rows in ${Date.now() - started} ms`);
    }
    const units = rows.mallUsage.reduce((s, u) => s + u.qty, 0);
    if (units) {
      const itemId = rows.mallUsage[0].itemId;
      await em.decrement(PointsMallItem, { id: itemId }, 'stock', units);
    }
  });
  return total;
}

/**
 * Plain multi-row INSERTs with `?` placeholders (both drivers take them), values prepared by the
 * driver as TypeORM would (dates, JSON, booleans): TypeORM's own insert builder spends most of its
 * time on parameter bookkeeping at this size.
 */
async function insertBatches(em: EntityManager, target: EntityTarget<ObjectLiteral>, list: ObjectLiteral[]): Promise<void> {
  if (!list.length) return;
  const meta = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  const columns = meta.columns.filter((c) => list[0][c.propertyName] !== undefined);
  const q = (name: string) => driver.escape(name);
  const size = Math.max(1, Math.floor(2_000 / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < list.length; i += size) {
    const batch = list.slice(i, i + size);
    const params: unknown[] = [];
    for (const row of batch) for (const c of columns) params.push(driver.preparePersistentValue(row[c.propertyName], c));
    await em.query(`INSERT INTO ${q(meta.tableName)} (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, params);
  }
}
