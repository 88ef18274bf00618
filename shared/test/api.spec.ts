import * as shared from '../src';
import { DEFAULT_STORE_RULES, ERROR_CODES, priceCart, STAFF_ROLES } from '../src';
import type { AdminMemberDay, CohortsReport, DistributionReport, MemberDayOccurrenceReport, MembersReport, MembershipConversion, AdminTier, CategoryNode, CheckoutPreviewResponse, ErrorBody, LoginResponse, MemberDayPreview, Paged, PointsReport, PointsReportDay, PointsReportTotals, ProductDetail, ProductListItem } from '../src';
import { input, line } from './fixtures';

describe('api types and constants', () => {
  it('keeps the error codes of api.md', () => {
    for (const code of ['VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'OUT_OF_STOCK', 'ALREADY_CHECKED_IN', 'INSUFFICIENT_POINTS', 'INSUFFICIENT_BALANCE', 'INVALID_STATE', 'LIMIT_EXCEEDED', 'RATE_LIMITED']) {
      expect(ERROR_CODES).toContain(code);
    }
    const body: ErrorBody = { error: { code: 'OUT_OF_STOCK', message: '库存不足' } };
    expect(body.error.code).toBe('OUT_OF_STOCK');
  });

  it('lists the staff roles', () => expect(STAFF_ROLES).toEqual(['OWNER', 'OPERATOR', 'FINANCE']));

  it('a checkout preview is a price breakdown', () => {
    const breakdown = priceCart(input({ lines: [line('a', 100)] }));
    // the server's answer: priceCart's breakdown, its lines with numeric ids and the product's display fields
    const preview: CheckoutPreviewResponse = {
      ...breakdown,
      lines: breakdown.lines.map((l) => ({ ...l, skuId: 1, productId: 1, categoryId: 1, title: '茶', specs: {}, coverUrl: '' })),
      couponId: null,
      couponCents: 0,
      usableCoupons: [],
      unusableCoupons: [],
    };
    for (const field of ['lines', 'adjustments', 'goodsCents', 'discountCents', 'shippingCents', 'pointsUsed', 'pointsValueCents', 'payableCents', 'pointsToEarn', 'memberSavingsCents', 'couponCents', 'couponId', 'usableCoupons']) {
      expect(preview).toHaveProperty(field);
    }
  });

  it('the default store rules are valid and match domain.md', () => {
    expect(DEFAULT_STORE_RULES).toMatchObject({ pointsValueCentsPer100: 100, pointsMaxSpendBp: 5000, pointsPerYuanEarned: 1 });
    expect(() => priceCart(input({ rules: DEFAULT_STORE_RULES }))).not.toThrow();
  });

  it('type shapes compile', () => {
    const price = { unitPriceCents: 1990, priceSource: 'LIST' as const, priceLabel: null, memberUnitPriceCents: 1790 };
    const item: ProductListItem = { id: 1, title: '茶', subtitle: '', coverUrl: '', categoryId: 1, memberOnly: false, priceCents: 1990, memberPriceCents: 1790, unitListPriceCents: 1990, memberDayOnly: null, ...price };
    const detail: ProductDetail = {
      ...item,
      images: [],
      description: '',
      specGroups: [{ name: '规格', values: ['250g'] }],
      skus: [{ id: 1, specs: { 规格: '250g' }, priceCents: 1990, memberPriceCents: null, memberDayPriceCents: null, stock: 3, ...price }],
    };
    const page: Paged<ProductListItem> = { items: [item], total: 1 };
    const tree: CategoryNode[] = [{ id: 1, name: '茶叶', iconUrl: '', sort: 0, children: [] }];
    const login: LoginResponse = {
      token: 't',
      user: { id: 1, nickname: '', avatarUrl: '', phone: null, birthday: null, isMember: false, memberUntil: null, tier: null, nextTier: null, growth: 0, pointsBalance: 0 },
    };
    expect([detail.skus.length, page.total, tree.length, login.user.isMember]).toEqual([1, 1, 1, false]);
  });

  it('staff membership shapes compile', () => {
    const tier: AdminTier = { id: 1, name: '金卡', growthThreshold: 2000, discountBp: 9500, pointsMultiplierBp: 15000, perks: '' };
    const rule: AdminMemberDay = {
      id: 1,
      name: '会员日',
      recurrence: { kind: 'MONTHLY', days: [7] },
      startMinute: 0,
      endMinute: 1440,
      audience: 'TIER_AT_LEAST',
      audienceTierId: tier.id,
      skuPrices: [{ skuId: 1, priceCents: 990 }],
      categoryRates: { '2': 8000 },
      exclusiveProductIds: [],
      pointsMultiplierBp: 20000,
      perCustomerLimit: 0,
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const draft: MemberDayPreview = {
      id: null,
      name: rule.name,
      timezone: 'Asia/Shanghai',
      occurrences: [{ date: '2026-01-07', startsAt: '2026-01-06T16:00:00.000Z', endsAt: '2026-01-07T16:00:00.000Z' }],
      skus: [{ skuId: 1, productId: 1, title: '茶', coverUrl: '', specs: {}, listPriceCents: 1990, memberPriceCents: null, memberDayPriceCents: 990, nonMemberPaysCents: 1990, memberPaysCents: 990 }],
    };
    expect([tier.discountBp, rule.skuPrices.length, draft.id]).toEqual([9500, 1, null]);
  });

  it('member report shapes compile', () => {
    const side = { orders: 2, customers: 1, paidCents: 200, refundedCents: 0, gmvCents: 200, avgOrderCents: 100, ordersPerCustomerBp: 20000, gmvShareBp: 10000 };
    const window = { days: 30, customers: 1, repurchased: 1, rateBp: 10000 };
    const cohorts: CohortsReport = {
      months: ['2027-01'],
      cohorts: [{ month: '2027-01', customers: 1, retainedBp: [10000], ltvCents: [200] }],
      ltv: [{ offset: 0, members: 1, memberLtvCents: 200, nonMembers: 0, nonMemberLtvCents: null }],
    };
    const conversion: MembershipConversion = {
      from: '', to: '', buyers: 1, buyersWhoBoughtCard: 1, conversionBp: 10000, cardSalesByPlan: [{ planId: 1, name: '月卡', count: 1, amountCents: 1990 }],
      renewals: 0, renewalCents: 0, fastRefunds: 0, fastRefundCents: 0,
    };
    const members: MembersReport = { from: '2027-01-01', to: '2027-01-07', member: side, nonMember: { ...side, gmvShareBp: 0 }, repurchase: { member: [window], nonMember: [] }, cards: conversion };
    const day: MemberDayOccurrenceReport = {
      memberDayId: 1, name: '会员日', date: '2027-01-07', startsAt: '', endsAt: '', orders: 1, gmvCents: 1, payingMembers: 0, newCards: 1, convertedCustomers: 1, baselineDailyGmvCents: 0, upliftBp: null,
    };
    expect([members.member.orders, cohorts.cohorts.length, conversion.renewals, day.convertedCustomers]).toEqual([2, 1, 0, 1]);
  });

  it('the dashboard\'s points and distribution report shapes compile', () => {
    const day: PointsReportDay = {
      day: '2028-01-02', issued: 10, spent: 700, expired: 100, returned: 200, reversed: 0, adjustedOut: 50,
      checkedIn: 1, madeUp: 1, redemptions: 2, redemptionPoints: 500, redemptionCashCents: 500,
    };
    const sums: PointsReportTotals = { issued: 10, spent: 700, expired: 100, returned: 200, reversed: 0, adjustedOut: 50, redemptions: 2, redemptionPoints: 500, redemptionCashCents: 500 };
    const points: PointsReport = { from: day.day, to: day.day, ...sums, checkIn: { customers: 1, activeCustomers: 2, participationBp: 5000 }, series: [day] };
    const distribution: DistributionReport = {
      from: '2028-02-01',
      to: '2028-02-03',
      sales: { totalCents: 32400, distributorCents: 26600, guideCents: 15000, distributorBp: 8209, guideBp: 4629 },
      funnel: { visits: 6, visitors: 5, bound: 4, buyers: 3 },
      top: [{ rank: 1, distributorId: 2, nickname: '小美', refCode: 'ABC234', isGuide: true, orders: 1, paidCents: 15000, commissionCents: 1500, boundCustomers: 1 }],
      commission: { pendingCents: 500, settledCents: 1500, withdrawnCents: 500 },
      acquisition: { customers: 2, commissionCents: 2000, costPerCustomerCents: 1000 },
    };
    expect([points.series.length, points.spent, distribution.top[0].rank]).toEqual([1, 700, 1]);
  });

  it('the index exports the whole runtime API', () => {
    expect(Object.keys(shared).sort()).toEqual(
      [
        'BP_SCALE', 'DEFAULT_PAGE_SIZE', 'DEFAULT_STORE_RULES', 'ERROR_CODES', 'MAX_MULTIPLIER_BP', 'ORDER_KINDS', 'ORDER_KIND_LABEL',
        'ORDER_STATUSES', 'ORDER_STATUS_LABEL', 'ORDER_TRANSITIONS', 'PricingInputError', 'REFUND_STATUSES', 'REFUND_STATUS_LABEL',
        'REFUND_TRANSITIONS', 'STAFF_ROLES', 'applyRateBp', 'asPaidMember', 'assertCents', 'assertNonNegativeCents', 'canRefundTransition',
        'beiToBp', 'bpToBeiText', 'bpToZheText', 'canTransition', 'formatBei', 'formatBpPercent', 'formatYuan', 'formatZhe', 'isCents', 'isOrderKind', 'isOrderStatus', 'isRefundStatus',
        'isRefundOpen', 'isRefundTerminal', 'isTerminal', 'OPEN_REFUND_STATUSES', 'mulDivFloor', 'mulDivMod', 'mulDivRoundHalfUp', 'nextRefundStatuses', 'nextStatuses',
        'percentOfBp', 'priceCart', 'prorate', 'roundHalfUp', 'validatePricingInput', 'yuanToCents', 'zheToBp',
        'activeOccurrence', 'cardProRataRefundCents', 'unusedCardDays', 'localDate', 'localToUtc', 'nextOccurrences', 'schedulesOverlap', 'validateSchedule', 'zoneOffsetMinutes',
        'POINTS_KINDS', 'POINTS_KIND_LABEL', 'birthdayFallsOn', 'pointsKept',
        'shareOfUnits', 'bestUnitPrice', 'shopPrice', 'withPaidCard', 'categoryRatesWithChildren', 'MUNICIPALITIES', 'regionProblem', 'shopRegions',
        'CHECK_IN_MAX_MILESTONES', 'CHECK_IN_MAX_MILESTONE_DAY', 'CHECK_IN_MIN_CYCLE_DAYS', 'DEFAULT_CHECK_IN_RULES', 'addDays', 'checkIn',
        'checkInCycleDays', 'checkInRulesProblems', 'currentStreak', 'cycleDayOf', 'daysOfMonth', 'isStoreDay', 'isStoreMonth', 'makeUp',
        'milestoneBonus', 'nextMilestone', 'storeDayAt', 'storeDayOf', 'streakEndingOn',
        'POINTS_EARN_ON', 'POINTS_EXPIRY_MAX_YEARS', 'POINT_VALUES', 'nextPointsExpiry', 'pointsExpiredBy', 'pointsExpiryAt', 'pointsExpiryDate',
        'pointsExpirySchedule',
        'LOTTERY_MAX_PRIZES', 'LOTTERY_PRIZE_KIND_LABEL', 'pickWeighted', 'totalWeight',
        'MALL_ITEM_KINDS', 'MALL_ITEM_KIND_LABEL', 'MALL_LIMITS', 'pointsShort', 'redeemableUnits', 'redemptionBreakdown', 'redemptionCost',
        'redemptionPointsBack',
        'OVERVIEW_MAX_DAYS', 'storeDayStart', 'REPURCHASE_WINDOW_DAYS', 'COHORT_MAX_MONTHS', 'addMonths', 'monthsEnding', 'STAFF_PASSWORD_MAX', 'STAFF_PASSWORD_MIN', 'STAFF_USERNAME_PATTERN',
        'COUPON_REFUSAL_LABEL', 'bestCouponOption', 'couponHolderRefusal', 'couponOffCents', 'couponOptions', 'couponRuleText', 'couponStatus', 'priceWithCoupons',
        'percentToBp', 'DISTRIBUTOR_STATUS_LABEL', 'COMMISSION_STATUS_LABEL', 'WITHDRAWAL_STATUS_LABEL',
        'REF_CODE_ALPHABET', 'REF_CODE_LENGTH', 'bindsCustomer', 'clawBack', 'commissionKept', 'commissionLines', 'commissionMovement',
        'commissionRateBp', 'creditAvailable', 'decideBinding', 'makeCode', 'sumKept', 'sumRemainingBase',
        'MESSAGE_FIELDS', 'MESSAGE_KINDS', 'MESSAGE_KIND_LABEL', 'SCENE_KINDS', 'SUBSCRIPTION_MESSAGE_STATUS_LABEL', 'SUBSCRIPTION_SCENES',
        'TEMPLATE_ID_RE', 'TEMPLATE_MAX_KEYWORDS', 'fitKeywordValue', 'messageAmount', 'messageDate', 'messageTime', 'templateData',
        'templateSettingProblems', 'keywordMaxLength', 'typedValueProblems',
        'RFM_GROUPS', 'RFM_GROUP_LABEL', 'RFM_HIGH_SCORE', 'SEGMENT_TAGS', 'SEGMENT_TAG_LABEL', 'SEGMENT_LIMITS', 'DISCOUNT_ADJUSTMENT_KINDS',
        'quintileCuts', 'quintileScore', 'rfmCuts', 'rfmScores', 'rfmGroup', 'recencyDays',
        'CAMPAIGN_ACTION_KINDS', 'CAMPAIGN_ACTION_LABEL', 'CAMPAIGN_STATUSES', 'CAMPAIGN_STATUS_LABEL', 'RECIPIENT_STATUS_LABEL', 'CAMPAIGN_LIMITS',
      ].sort(),
    );
  });
});
