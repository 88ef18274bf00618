import type { RfmCuts, RfmGroup, RfmScore, SegmentTag } from '../segments';
import type { Id, IsoDateTime } from './common';

/** `GET /api/admin/reports/segments?windowDays=&checkInDays=` */
export interface SegmentReport {
  windowDays: number;
  checkInDays: number;
  /** The store month the check-in tag counts ('YYYY-MM'). */
  month: string;
  asOf: IsoDateTime;
  customers: number;
  /** Customers with a paid goods order in the window: the ones RFM layers. */
  buyers: number;
  cuts: RfmCuts;
  /** How many buyers got each score, index 0 = score 1. */
  scores: { r: number[]; f: number[]; m: number[] };
  groups: { group: RfmGroup; label: string; count: number }[];
  tags: { tag: SegmentTag; label: string; count: number }[];
}

/**
 * An audience: customers in any of `groups` (none listed: any customer) holding every one of `tags`.
 * At least one group or tag.
 */
export interface SegmentAudience {
  groups: RfmGroup[];
  tags: SegmentTag[];
  windowDays: number;
  checkInDays: number;
}

/** A row of `GET /api/admin/reports/segments/customers?groups=&tags=&windowDays=&checkInDays=&page=&pageSize=` (newest customers first). */
export interface SegmentCustomerRow {
  id: Id;
  nickname: string;
  phoneTail: string | null;
  /** Null: no paid goods order in the window. */
  group: RfmGroup | null;
  scores: { r: RfmScore; f: RfmScore; m: RfmScore } | null;
  orders: number;
  monetaryCents: number;
  lastPaidAt: IsoDateTime | null;
  tags: SegmentTag[];
}

/** What a campaign does for each recipient: a coupon, points, or a subscription message (the CAMPAIGN kind's template). */
export const CAMPAIGN_ACTION_KINDS = ['COUPON', 'POINTS', 'MESSAGE'] as const;
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number];
export const CAMPAIGN_ACTION_LABEL: Record<CampaignActionKind, string> = { COUPON: '发优惠券', POINTS: '送积分', MESSAGE: '发订阅消息' };

export const CAMPAIGN_STATUSES = ['DRAFT', 'RUNNING', 'PAUSED', 'DONE'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, string> = { DRAFT: '未开始', RUNNING: '发送中', PAUSED: '已暂停', DONE: '已完成' };

export type RecipientStatus = 'PENDING' | 'SENT' | 'FAILED';
export const RECIPIENT_STATUS_LABEL: Record<RecipientStatus, string> = { PENDING: '待发送', SENT: '已发送', FAILED: '失败' };

/** `messageMax`: the longest a WeChat text keyword takes (thing, 20); the template's keywords may allow less. */
export const CAMPAIGN_LIMITS = { nameMax: 40, pointsMin: 1, pointsMax: 100_000, messageMax: 20 } as const;

/** `POST /api/admin/campaigns`: a draft; `couponTemplateId` with COUPON, `points` with POINTS, `messageTitle` and `messageContent` with MESSAGE. */
export interface CampaignInput {
  name: string;
  groups: RfmGroup[];
  tags: SegmentTag[];
  windowDays?: number;
  checkInDays?: number;
  actionKind: CampaignActionKind;
  couponTemplateId?: Id;
  points?: number;
  messageTitle?: string;
  messageContent?: string;
}

export interface CampaignProgress {
  total: number;
  sent: number;
  failed: number;
  pending: number;
}

export interface CampaignView {
  id: Id;
  name: string;
  status: CampaignStatus;
  audience: SegmentAudience;
  actionKind: CampaignActionKind;
  couponTemplateId: Id | null;
  couponTitle: string | null;
  points: number | null;
  messageTitle: string | null;
  messageContent: string | null;
  progress: CampaignProgress;
  createdAt: IsoDateTime;
  startedAt: IsoDateTime | null;
  finishedAt: IsoDateTime | null;
}

/**
 * `POST /api/admin/campaigns/preview` (an audience, and optionally `actionKind`) → how many it reaches
 * now and the first few; with MESSAGE, how many of them hold a consent for the 活动通知 template
 * (null when that template is not enabled).
 */
export interface CampaignPreview {
  recipients: number;
  consented?: number | null;
  sample: SegmentCustomerRow[];
}

/** A row of `GET /api/admin/campaigns/:id/recipients?status=`. */
export interface CampaignRecipientRow {
  customerId: Id;
  nickname: string;
  status: RecipientStatus;
  reason: string | null;
  processedAt: IsoDateTime | null;
}
