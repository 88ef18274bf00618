import { randomDigits, randomHex } from './crypto';

/** Everything the server needs to talk to the simulator (the simulator keeps the other halves of the keys). */
export interface SimConfig {
  appId: string;
  appSecret: string;
  mchId: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  platformSerial: string;
  platformPublicKeyPem: string;
  apiV3Key: string;
}

export interface SimSecrets {
  merchantPublicKeyPem: string;
  platformPrivateKeyPem: string;
}

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface Trade {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  attach?: string;
  total: number;
  openid: string;
  prepay_id: string;
  /** Assigned at creation, shown once paid. */
  transaction_id: string;
  trade_state: TradeState;
  success_time?: string;
  create_time: string;
}

export interface Refund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  reason?: string;
  notify_url?: string;
  refund: number;
  total: number;
  status: 'PROCESSING' | 'SUCCESS';
  create_time: string;
  success_time?: string;
}

export interface TransferBill {
  mch_id: string;
  appid: string;
  out_bill_no: string;
  transfer_bill_no: string;
  transfer_scene_id: string;
  openid: string;
  transfer_amount: number;
  transfer_remark: string;
  notify_url?: string;
  state: 'SUCCESS' | 'FAIL';
  fail_reason?: string;
  create_time: string;
  update_time: string;
}

/** A subscription message the simulator accepted (`POST /cgi-bin/message/subscribe/send`). */
export interface SentMessage {
  msgid: number;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  sent_at: string;
}

export class SimState {
  readonly trades = new Map<string, Trade>();
  readonly tradesByPrepayId = new Map<string, Trade>();
  readonly refunds = new Map<string, Refund>();
  readonly transfers = new Map<string, TransferBill>();
  /** access_token → expiry (ms since epoch). */
  readonly tokens = new Map<string, number>();
  stableToken: { token: string; expiresAt: number } | null = null;
  failNextTransfers = 0;
  failReason = 'ACCOUNT_FROZEN';
  /** The next refund submissions WeChat refuses (nothing is recorded, as when the balance is short). */
  failNextRefunds = 0;
  refundFailure = { code: 'NOT_ENOUGH', message: '基本账户余额不足，请充值后重新发起' };
  readonly messages: SentMessage[] = [];
  /** Errors the next subscription-message sends answer with, in order (nothing is recorded for them). */
  readonly messageFailures: { errcode: number; errmsg: string }[] = [];

  dump() {
    return {
      transactions: [...this.trades.values()],
      refunds: [...this.refunds.values()],
      transfers: [...this.transfers.values()],
      failNextTransfers: this.failNextTransfers,
      failNextRefunds: this.failNextRefunds,
      messages: this.messages,
    };
  }
}

/** RFC 3339 in Beijing time, as WeChat writes it: 2024-05-07T12:34:56+08:00. */
export function wxTime(d: Date = new Date()): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

function compactTime(d: Date = new Date()): string {
  return wxTime(d).replace(/[-:T]/g, '').slice(0, 14); // yyyyMMddHHmmss (Beijing)
}

export const ids = {
  prepay: () => `wx${compactTime()}${randomHex(10)}`,
  transaction: () => `4200${compactTime().slice(0, 8)}${randomDigits(16)}`,
  refund: () => `50${compactTime().slice(0, 8)}${randomDigits(19)}`,
  transferBill: () => `1330${compactTime().slice(0, 8)}${randomDigits(18)}`,
};

/** WeChat's transaction object for a trade (optionally as it would look once paid). */
export function transactionView(t: Trade, overlay?: { trade_state: TradeState; success_time: string; totalDelta?: number }) {
  const state = overlay?.trade_state ?? t.trade_state;
  const paid = state === 'SUCCESS' || state === 'REFUND';
  const total = t.total + (overlay?.totalDelta ?? 0);
  return {
    appid: t.appid,
    mchid: t.mchid,
    out_trade_no: t.out_trade_no,
    ...(paid ? { transaction_id: t.transaction_id } : {}),
    trade_type: 'JSAPI',
    trade_state: state,
    trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[state],
    ...(paid ? { bank_type: 'OTHERS' } : {}),
    attach: t.attach ?? '',
    ...(paid ? { success_time: overlay?.success_time ?? t.success_time } : {}),
    payer: { openid: t.openid },
    amount: paid
      ? { total, payer_total: total, currency: 'CNY', payer_currency: 'CNY' }
      : { total, currency: 'CNY', payer_currency: 'CNY' },
  };
}

export function refundView(r: Refund) {
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: r.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.success_time ? { success_time: r.success_time } : {}),
    create_time: r.create_time,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: r.total,
      refund: r.refund,
      payer_total: r.total,
      payer_refund: r.refund,
      settlement_total: r.total,
      settlement_refund: r.refund,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

export function transferView(b: TransferBill) {
  return {
    mch_id: b.mch_id,
    out_bill_no: b.out_bill_no,
    transfer_bill_no: b.transfer_bill_no,
    appid: b.appid,
    state: b.state,
    transfer_amount: b.transfer_amount,
    transfer_remark: b.transfer_remark,
    ...(b.fail_reason ? { fail_reason: b.fail_reason } : {}),
    openid: b.openid,
    create_time: b.create_time,
    update_time: b.update_time,
  };
}
