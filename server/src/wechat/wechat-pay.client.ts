import {
  buildAuthorization,
  decryptResource,
  requestPaymentParams,
  verifyPlatformSignature,
  type EncryptedResource,
  type RequestPaymentParams,
} from './wechat-pay.crypto';
import { httpCall } from './http-call';
import type { WechatConfig } from './wechat.config';
import { WechatPayError, WechatSignatureError } from './wechat.errors';

export type WechatTradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** WeChat Pay's transaction object (query result and decrypted TRANSACTION.SUCCESS resource). */
export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: WechatTradeState;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

export interface WechatRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel?: string;
  user_received_account?: string;
  success_time?: string;
  create_time: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  amount: { total: number; refund: number; payer_total: number; payer_refund: number; currency: string; [k: string]: unknown };
}

/** Decrypted REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED resource. */
export interface WechatRefundNotice {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

export type WechatTransferState =
  | 'ACCEPTED'
  | 'PROCESSING'
  | 'WAIT_USER_CONFIRM'
  | 'TRANSFERING'
  | 'SUCCESS'
  | 'FAIL'
  | 'CANCELING'
  | 'CANCELLED';

export interface WechatTransferBill {
  out_bill_no: string;
  transfer_bill_no: string;
  state: WechatTransferState;
  create_time?: string;
  update_time?: string;
  fail_reason?: string;
  mch_id?: string;
  appid?: string;
  openid?: string;
  transfer_amount?: number;
  transfer_remark?: string;
  /** Present with WAIT_USER_CONFIRM: hand it to wx.requestMerchantTransfer. */
  package_info?: string;
}

export interface WechatNotification<T = Record<string, unknown>> {
  id: string;
  createTime: string;
  /** TRANSACTION.SUCCESS, REFUND.SUCCESS, MCHTRANSFER.BILL.FINISHED, … */
  eventType: string;
  resourceType: string;
  summary: string;
  resource: T;
}

export interface JsapiPrepayInput {
  /** 6–32 chars of 0-9 A-Z a-z _ - | * */
  outTradeNo: string;
  description: string;
  totalCents: number;
  openid: string;
  notifyUrl?: string;
  attach?: string;
}

export interface RefundInput {
  outTradeNo: string;
  /** 1–64 chars of 0-9 A-Z a-z _ - | * @ */
  outRefundNo: string;
  refundCents: number;
  totalCents: number;
  reason?: string;
  notifyUrl?: string;
}

export interface TransferInput {
  /** 5–32 letters and digits only. */
  outBillNo: string;
  openid: string;
  amountCents: number;
  /** At most 32 characters; the user sees it. */
  remark: string;
  /** Transfer scene configured in the merchant platform; default '1000' (现金营销). */
  sceneId?: string;
  /** Required report items of that scene; the default fits scene 1000. */
  reportInfos?: { info_type: string; info_content: string }[];
  userRecvPerception?: string;
  notifyUrl?: string;
}

const TIMEOUT_MS = 15_000;
const MAX_NOTIFY_SKEW_S = 300;

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === wanted) return (Array.isArray(v) ? v[0] : v) ?? '';
  }
  return '';
}

/** WeChat Pay API v3 (JSAPI payments, refunds, merchant transfers) with request signing and response verification. */
export class WechatPayClient {
  constructor(
    private readonly cfg: WechatConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async jsapiPrepay(i: JsapiPrepayInput): Promise<{ prepayId: string }> {
    const r = await this.request<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
      appid: this.cfg.appId,
      mchid: this.cfg.mchId,
      description: i.description,
      out_trade_no: i.outTradeNo,
      ...(i.attach ? { attach: i.attach } : {}),
      notify_url: i.notifyUrl ?? this.cfg.notifyUrl,
      amount: { total: i.totalCents, currency: 'CNY' },
      payer: { openid: i.openid },
    });
    return { prepayId: r.prepay_id };
  }

  /** wx.requestPayment parameters for a prepay, signed with the merchant key. */
  requestPaymentParams(prepayId: string): Promise<RequestPaymentParams> {
    return requestPaymentParams(this.cfg.appId, prepayId, this.cfg.merchantPrivateKeyPem, this.now());
  }

  /** The transaction, or null if WeChat does not know the order. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction | null> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.cfg.mchId)}`;
    return this.orNull(this.request<WechatPayTransaction>('GET', path));
  }

  /** Closes an unpaid order (204). Throws WechatPayError (e.g. ORDERPAID) otherwise. */
  async close(outTradeNo: string): Promise<void> {
    await this.request('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.cfg.mchId,
    });
  }

  async refund(i: RefundInput): Promise<WechatRefund> {
    const notifyUrl = i.notifyUrl ?? this.cfg.refundNotifyUrl;
    return this.request<WechatRefund>('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: i.outTradeNo,
      out_refund_no: i.outRefundNo,
      ...(i.reason ? { reason: i.reason } : {}),
      ...(notifyUrl ? { notify_url: notifyUrl } : {}),
      amount: { refund: i.refundCents, total: i.totalCents, currency: 'CNY' },
    });
  }

  async queryRefund(outRefundNo: string): Promise<WechatRefund | null> {
    return this.orNull(this.request<WechatRefund>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`));
  }

  /** 商家转账 (pay money to a user's WeChat balance). */
  async transfer(i: TransferInput): Promise<WechatTransferBill> {
    const notifyUrl = i.notifyUrl ?? this.cfg.transferNotifyUrl;
    return this.request<WechatTransferBill>('POST', '/v3/fund-app/mch-transfer/transfer-bills', {
      appid: this.cfg.appId,
      out_bill_no: i.outBillNo,
      transfer_scene_id: i.sceneId ?? '1000',
      openid: i.openid,
      transfer_amount: i.amountCents,
      transfer_remark: i.remark,
      ...(notifyUrl ? { notify_url: notifyUrl } : {}),
      user_recv_perception: i.userRecvPerception ?? '现金奖励',
      transfer_scene_report_infos: i.reportInfos ?? [
        { info_type: '活动名称', info_content: '分销佣金' },
        { info_type: '奖励说明', info_content: '佣金提现' },
      ],
    });
  }

  async queryTransfer(outBillNo: string): Promise<WechatTransferBill | null> {
    const path = `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`;
    return this.orNull(this.request<WechatTransferBill>('GET', path));
  }

  /**
   * Verifies a notification (platform serial, signature over the RAW body, timestamp within 5 minutes of now())
   * and decrypts its resource. Throws WechatSignatureError on any failure.
   */
  parseNotification<T = Record<string, unknown>>(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): WechatNotification<T> {
    const timestamp = header(headers, 'wechatpay-timestamp');
    const nonce = header(headers, 'wechatpay-nonce');
    const signature = header(headers, 'wechatpay-signature');
    const serial = header(headers, 'wechatpay-serial');
    if (!timestamp || !nonce || !signature || !serial) throw new WechatSignatureError('missing Wechatpay-* signature headers');
    if (serial !== this.cfg.platformSerial) throw new WechatSignatureError(`unknown platform serial ${serial}`);
    const ts = Number(timestamp);
    if (!/^\d+$/.test(timestamp) || Math.abs(this.now().getTime() / 1000 - ts) > MAX_NOTIFY_SKEW_S) {
      throw new WechatSignatureError(`notification timestamp ${timestamp} is more than 5 minutes from now`);
    }
    if (!verifyPlatformSignature({ timestamp, nonce, body: rawBody, signature, serial }, this.cfg)) {
      throw new WechatSignatureError('notification signature does not verify');
    }
    let envelope: {
      id?: string;
      create_time?: string;
      event_type?: string;
      resource_type?: string;
      summary?: string;
      resource?: EncryptedResource;
    };
    try {
      envelope = JSON.parse(rawBody);
    } catch {
      throw new WechatSignatureError('notification body is not JSON');
    }
    if (!envelope?.resource?.ciphertext || !envelope.resource.nonce) throw new WechatSignatureError('notification has no resource');
    let resource: T;
    try {
      resource = decryptResource<T>(envelope.resource, this.cfg.apiV3Key);
    } catch (e) {
      throw new WechatSignatureError(`notification resource does not decrypt: ${(e as Error).message}`);
    }
    return {
      id: envelope.id ?? '',
      createTime: envelope.create_time ?? '',
      eventType: envelope.event_type ?? '',
      resourceType: envelope.resource_type ?? '',
      summary: envelope.summary ?? '',
      resource,
    };
  }

  private async orNull<T>(p: Promise<T>): Promise<T | null> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof WechatPayError && e.status === 404) return null;
      throw e;
    }
  }

  /** A signed v3 call; verifies the response signature (every answer below 500) before trusting it. */
  private async request<T = unknown>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const url = new URL(`${this.cfg.payApiBase}${path}`);
    const text = body === undefined ? '' : JSON.stringify(body);
    const authorization = await buildAuthorization({
      method,
      pathWithQuery: `${url.pathname}${url.search}`,
      body: text,
      mchId: this.cfg.mchId,
      merchantSerial: this.cfg.merchantSerial,
      merchantPrivateKeyPem: this.cfg.merchantPrivateKeyPem,
      timestamp: Math.floor(Date.now() / 1000),
    });
    const res = await httpCall(
      url,
      method,
      {
        Authorization: authorization,
        Accept: 'application/json',
        'User-Agent': 'member-commerce-server',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body === undefined ? undefined : text,
      TIMEOUT_MS,
    );
    const raw = res.text;
    if (res.status < 500) {
      const h = (name: string) => header(res.headers, name);
      const ok = verifyPlatformSignature(
        { timestamp: h('wechatpay-timestamp'), nonce: h('wechatpay-nonce'), signature: h('wechatpay-signature'), serial: h('wechatpay-serial'), body: raw },
        this.cfg,
      );
      if (!ok) throw new WechatSignatureError(`${method} ${url.pathname}: response signature does not verify (HTTP ${res.status})`);
    }
    let data: any = undefined;
    if (raw) {
      try {
        data = JSON.parse(raw);
      } catch {
        data = undefined;
      }
    }
    if (res.status < 200 || res.status > 299) {
      throw new WechatPayError(res.status, data?.code ?? `HTTP_${res.status}`, data?.message ?? (raw.slice(0, 200) || `HTTP ${res.status}`), data?.detail);
    }
    return data as T;
  }
}
