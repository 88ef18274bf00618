import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  parseAuthorization,
  randomString,
  requestMessage,
  responseMessage,
  rsaSign,
  rsaVerify,
  randomHex,
} from './crypto';
import { buildNotification, deliver, type Delivery, type SignedNotification } from './notify';
import { payPageHtml } from './pay-page';
import { fakeCodePng } from './png';
import {
  ids,
  refundView,
  SimState,
  transactionView,
  transferView,
  wxTime,
  type Refund,
  type SimConfig,
  type SimSecrets,
  type Trade,
  type TransferBill,
} from './state';

const TOKEN_TTL_S = 7200;
const NOTIFY_DELAY_MS = 20;
const MAX_CLOCK_SKEW_S = 300;

type Json = Record<string, any>;

interface Reply {
  status: number;
  body?: unknown;
}

class V3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const paramError = (message: string) => new V3Error(400, 'PARAM_ERROR', message);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): Json | null {
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

function str(body: Json, name: string, opts: { min?: number; max: number; pattern?: RegExp; optional?: boolean }): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (opts.optional) return undefined;
    throw paramError(`输入源“/body/${name}”映射到字段“${name}”必填性规则校验失败，此字段为必填项`);
  }
  if (typeof v !== 'string') throw paramError(`${name} 应为字符串`);
  const len = [...v].length;
  if (len < (opts.min ?? 1) || len > opts.max) throw paramError(`${name} 长度应在 ${opts.min ?? 1}–${opts.max} 之间`);
  if (opts.pattern && !opts.pattern.test(v)) throw paramError(`${name} 含有非法字符`);
  return v;
}

function posInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw paramError(`${name} 应为正整数（单位：分）`);
  return v;
}

function httpUrl(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(v)) throw paramError(`${name} 不是合法的 http(s) 地址`);
  return v;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]+$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]+$/;
const OUT_BILL_NO = /^[0-9A-Za-z]+$/;
/** WeChat's own words for the subscribe-send errors a test is likely to queue. */
const MESSAGE_ERRORS: Record<number, string> = {
  43101: 'user refuse to accept the msg',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  47003: 'argument invalid!',
  45009: 'reach max api daily quota limit',
};
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

export class SimApp {
  readonly state = new SimState();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    readonly config: SimConfig,
    private readonly secrets: SimSecrets,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  /** Stops pending deferred work (refund / transfer notifications). */
  shutdown(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.route(req, res).catch((e: Error) => {
      this.log(`sim error on ${req.method} ${req.url}: ${e.stack ?? e}`);
      if (!res.headersSent) this.sendJson(res, 500, { code: 'SYSTEM_ERROR', message: e.message });
      else res.end();
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    res.on('finish', () => this.log(`${method} ${path} → ${res.statusCode}`));

    if (path.startsWith('/_sim/')) return this.simRoute(method, path, url, raw, res);
    if (path.startsWith('/v3/')) return this.v3Route(req, method, path, url, raw, res);

    if (method === 'GET' && path === '/sns/jscode2session') {
      return this.sendJson(res, 200, this.jscode2session(url.searchParams), 'text/plain');
    }
    if (method === 'GET' && path === '/cgi-bin/token') {
      const q = url.searchParams;
      return this.sendJson(res, 200, this.token(q.get('grant_type'), q.get('appid'), q.get('secret'), false, true));
    }
    if (method === 'POST' && path === '/cgi-bin/stable_token') {
      const b = parseJson(raw);
      if (!b) return this.sendJson(res, 200, { errcode: 47001, errmsg: 'data format error' });
      return this.sendJson(res, 200, this.token(b.grant_type, b.appid, b.secret, b.force_refresh === true, false));
    }
    if (method === 'POST' && path === '/cgi-bin/message/subscribe/send') {
      return this.sendJson(res, 200, this.subscribeSend(url.searchParams.get('access_token'), raw));
    }
    if (method === 'POST' && path === '/wxa/getwxacodeunlimit') {
      const r = this.wxaCode(url.searchParams.get('access_token'), raw);
      if (Buffer.isBuffer(r)) {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': r.length });
        res.end(r);
        return;
      }
      return this.sendJson(res, 200, r);
    }
    return this.sendJson(res, 404, { errcode: 404, errmsg: `no such route: ${method} ${path}` });
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json; encoding=utf-8'): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  // ---- mini-program APIs ----

  private checkApp(appid: unknown, secret: unknown): Json | null {
    if (appid !== this.config.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== this.config.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    return null;
  }

  private jscode2session(q: URLSearchParams): Json {
    const bad = this.checkApp(q.get('appid'), q.get('secret'));
    if (bad) return bad;
    if (q.get('grant_type') !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const code = q.get('js_code');
    if (!code) return { errcode: 41008, errmsg: 'missing code' };
    const m = /^test:([A-Za-z0-9_-]{1,64})$/.exec(code);
    if (!m) return { errcode: 40029, errmsg: 'invalid code' };
    return { session_key: Buffer.from(randomHex(16), 'hex').toString('base64'), openid: m[1], unionid: `u_${m[1]}` };
  }

  private token(grantType: unknown, appid: unknown, secret: unknown, forceRefresh: boolean, fresh: boolean): Json {
    if (grantType !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const bad = this.checkApp(appid, secret);
    if (bad) return bad;
    const now = Date.now();
    if (fresh) {
      const token = randomString(96);
      this.state.tokens.set(token, now + TOKEN_TTL_S * 1000);
      return { access_token: token, expires_in: TOKEN_TTL_S };
    }
    let st = this.state.stableToken;
    if (!st || st.expiresAt <= now || forceRefresh) {
      if (st) this.state.tokens.delete(st.token);
      st = { token: randomString(96), expiresAt: now + TOKEN_TTL_S * 1000 };
      this.state.stableToken = st;
      this.state.tokens.set(st.token, st.expiresAt);
    }
    return { access_token: st.token, expires_in: Math.floor((st.expiresAt - now) / 1000) };
  }

  private validToken(token: string | null): boolean {
    const exp = token ? this.state.tokens.get(token) : undefined;
    return exp !== undefined && exp > Date.now();
  }

  private wxaCode(token: string | null, raw: string): Json | Buffer {
    if (!this.validToken(token)) {
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    }
    const b = parseJson(raw);
    if (!b) return { errcode: 47001, errmsg: 'data format error' };
    const scene = b.scene;
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      return { errcode: 40169, errmsg: 'invalid length for scene' };
    }
    if (!SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid scene: unsupported character' };
    if (b.page !== undefined && (typeof b.page !== 'string' || b.page.startsWith('/') || b.page === '')) {
      return { errcode: 41030, errmsg: 'invalid page' };
    }
    if (b.env_version !== undefined && !['release', 'trial', 'develop'].includes(b.env_version)) {
      return { errcode: 40097, errmsg: 'invalid args: env_version' };
    }
    const width = typeof b.width === 'number' ? b.width : 430;
    return fakeCodePng(`${scene}|${b.page ?? ''}`, width);
  }

  /**
   * subscribeMessage.send. WeChat keeps the users' one-time consents itself; the simulator does not
   * (the server keeps its own count): it takes every well-formed send with a valid token and
   * records it, unless a failure was queued with `POST /_sim/messages/fail`.
   */
  private subscribeSend(token: string | null, raw: string): Json {
    if (!this.validToken(token)) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    const b = parseJson(raw);
    if (!b) return { errcode: 47001, errmsg: 'data format error' };
    if (typeof b.touser !== 'string' || !b.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof b.template_id !== 'string' || !b.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (b.page !== undefined && (typeof b.page !== 'string' || b.page.startsWith('/'))) return { errcode: 41030, errmsg: 'invalid page' };
    if (b.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(b.miniprogram_state)) {
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' };
    }
    const data = b.data;
    const entries = data && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data as Record<string, unknown>) : [];
    if (entries.length === 0) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    for (const [key, v] of entries) {
      const value = v && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
      if (!/^[a-z_]+\d+$/.test(key) || typeof value !== 'string' || value === '') {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      }
    }
    const failure = this.state.messageFailures.shift();
    if (failure) return failure;
    const msgid = this.state.messages.length + 1;
    this.state.messages.push({
      msgid,
      touser: b.touser,
      template_id: b.template_id,
      ...(b.page !== undefined ? { page: b.page } : {}),
      data: data as Record<string, { value: string }>,
      ...(b.miniprogram_state !== undefined ? { miniprogram_state: b.miniprogram_state } : {}),
      ...(typeof b.lang === 'string' ? { lang: b.lang } : {}),
      sent_at: wxTime(),
    });
    return { errcode: 0, errmsg: 'ok', msgid };
  }

  // ---- WeChat Pay v3 ----

  private sendSigned(res: ServerResponse, reply: Reply): void {
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomString(32);
    const headers: Record<string, string | number> = {
      'Request-ID': randomHex(16),
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, text), this.secrets.platformPrivateKeyPem),
      'Wechatpay-Serial': this.config.platformSerial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
      'Content-Length': Buffer.byteLength(text),
    };
    if (text) headers['Content-Type'] = 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers);
    res.end(text);
  }

  private authError(req: IncomingMessage, method: string, raw: string): string | null {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return 'Authorization 头缺失或格式错误（应为 WECHATPAY2-SHA256-RSA2048 mchid="",nonce_str="",signature="",timestamp="",serial_no=""）';
    if (auth.mchid !== this.config.mchId) return `商户号 ${auth.mchid} 与签名不匹配`;
    if (auth.serial_no !== this.config.merchantSerial) return `商户证书序列号 ${auth.serial_no} 无效`;
    const ts = Number(auth.timestamp);
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > MAX_CLOCK_SKEW_S) return '签名时间戳已过期或无效';
    const message = requestMessage(method, req.url ?? '/', auth.timestamp, auth.nonce_str, raw);
    if (!rsaVerify(message, auth.signature, this.secrets.merchantPublicKeyPem)) return '签名错误，请检查后再试';
    return null;
  }

  private async v3Route(req: IncomingMessage, method: string, path: string, url: URL, raw: string, res: ServerResponse): Promise<void> {
    const authErr = this.authError(req, method, raw);
    if (authErr) return this.sendSigned(res, { status: 401, body: { code: 'SIGN_ERROR', message: authErr } });
    try {
      this.sendSigned(res, this.v3Dispatch(method, path, url, raw));
    } catch (e) {
      if (!(e instanceof V3Error)) throw e;
      this.sendSigned(res, { status: e.status, body: { code: e.code, message: e.message } });
    }
  }

  private v3Dispatch(method: string, path: string, url: URL, raw: string): Reply {
    const body = (): Json => {
      const b = parseJson(raw);
      if (!b) throw paramError('请求体不是合法的 JSON 对象');
      return b;
    };
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return this.jsapi(body());
    if (method === 'GET' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path))) {
      this.checkMchQuery(url);
      return { status: 200, body: transactionView(this.trade(decodeURIComponent(m[1]))) };
    }
    if (method === 'GET' && (m = /^\/v3\/pay\/transactions\/id\/([^/]+)$/.exec(path))) {
      this.checkMchQuery(url);
      const id = decodeURIComponent(m[1]);
      const t = [...this.state.trades.values()].find((x) => x.transaction_id === id && x.trade_state !== 'NOTPAY' && x.trade_state !== 'CLOSED');
      if (!t) throw new V3Error(404, 'ORDER_NOT_EXIST', '订单不存在');
      return { status: 200, body: transactionView(t) };
    }
    if (method === 'POST' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path))) {
      return this.close(decodeURIComponent(m[1]), body());
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return this.refund(body());
    if (method === 'GET' && (m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path))) {
      const r = this.state.refunds.get(decodeURIComponent(m[1]));
      if (!r) throw new V3Error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
      return { status: 200, body: refundView(r) };
    }
    if (method === 'POST' && path === '/v3/fund-app/mch-transfer/transfer-bills') return this.transfer(body());
    if (method === 'GET' && (m = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([^/]+)$/.exec(path))) {
      const b = this.state.transfers.get(decodeURIComponent(m[1]));
      if (!b) throw new V3Error(404, 'NOT_FOUND', '记录不存在');
      return { status: 200, body: transferView(b) };
    }
    throw new V3Error(404, 'NOT_FOUND', `no such route: ${method} ${path}`);
  }

  private checkMchQuery(url: URL): void {
    const mchid = url.searchParams.get('mchid');
    if (!mchid) throw paramError('缺少参数 mchid');
    if (mchid !== this.config.mchId) throw new V3Error(400, 'MCH_NOT_EXISTS', '商户号不存在');
  }

  private trade(outTradeNo: string): Trade {
    const t = this.state.trades.get(outTradeNo);
    if (!t) throw new V3Error(404, 'ORDER_NOT_EXIST', '订单不存在');
    return t;
  }

  private jsapi(b: Json): Reply {
    const appid = str(b, 'appid', { max: 32 })!;
    const mchid = str(b, 'mchid', { max: 32 })!;
    const description = str(b, 'description', { max: 127 })!;
    const outTradeNo = str(b, 'out_trade_no', { min: 6, max: 32, pattern: OUT_TRADE_NO })!;
    const notifyUrl = httpUrl(str(b, 'notify_url', { max: 255 }), 'notify_url')!;
    const attach = str(b, 'attach', { max: 128, optional: true });
    if (!b.amount || typeof b.amount !== 'object') throw paramError('缺少参数 amount');
    const total = posInt(b.amount.total, 'amount.total');
    if (b.amount.currency !== undefined && b.amount.currency !== 'CNY') throw paramError('amount.currency 仅支持 CNY');
    if (!b.payer || typeof b.payer !== 'object') throw paramError('缺少参数 payer');
    const openid = str(b.payer, 'openid', { max: 128 })!;
    if (mchid !== this.config.mchId) throw new V3Error(400, 'MCH_NOT_EXISTS', '商户号不存在');
    if (appid !== this.config.appId) throw new V3Error(400, 'APPID_MCHID_NOT_MATCH', 'appid 和 mch_id 不匹配');

    const existing = this.state.trades.get(outTradeNo);
    if (existing) {
      if (existing.trade_state === 'CLOSED') throw new V3Error(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.trade_state !== 'NOTPAY') throw new V3Error(400, 'ORDERPAID', '该订单已支付');
      if (existing.total !== total || existing.openid !== openid) {
        throw new V3Error(400, 'INVALID_REQUEST', '201 商户订单号重复（同一订单号参数不一致）');
      }
      return { status: 200, body: { prepay_id: existing.prepay_id } };
    }
    const t: Trade = {
      appid,
      mchid,
      out_trade_no: outTradeNo,
      description,
      notify_url: notifyUrl,
      attach,
      total,
      openid,
      prepay_id: ids.prepay(),
      transaction_id: ids.transaction(),
      trade_state: 'NOTPAY',
      create_time: wxTime(),
    };
    this.state.trades.set(outTradeNo, t);
    this.state.tradesByPrepayId.set(t.prepay_id, t);
    return { status: 200, body: { prepay_id: t.prepay_id } };
  }

  private close(outTradeNo: string, b: Json): Reply {
    const mchid = str(b, 'mchid', { max: 32 });
    if (mchid !== this.config.mchId) throw new V3Error(400, 'MCH_NOT_EXISTS', '商户号不存在');
    const t = this.trade(outTradeNo);
    if (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND') throw new V3Error(400, 'ORDERPAID', '订单已支付，不能关闭');
    t.trade_state = 'CLOSED';
    return { status: 204 };
  }

  private refund(b: Json): Reply {
    const transactionId = str(b, 'transaction_id', { max: 32, optional: true });
    const outTradeNo = str(b, 'out_trade_no', { max: 32, optional: true });
    if (!transactionId && !outTradeNo) throw paramError('transaction_id 和 out_trade_no 必须二选一');
    const outRefundNo = str(b, 'out_refund_no', { max: 64, pattern: OUT_REFUND_NO })!;
    const reason = str(b, 'reason', { max: 80, optional: true });
    const notifyUrl = httpUrl(str(b, 'notify_url', { max: 256, optional: true }), 'notify_url');
    if (!b.amount || typeof b.amount !== 'object') throw paramError('缺少参数 amount');
    const refundAmt = posInt(b.amount.refund, 'amount.refund');
    const total = posInt(b.amount.total, 'amount.total');
    if (b.amount.currency !== 'CNY') throw paramError('amount.currency 必填，且仅支持 CNY');

    const existing = this.state.refunds.get(outRefundNo);
    if (existing) return { status: 200, body: refundView(existing) };
    if (this.state.failNextRefunds > 0) {
      this.state.failNextRefunds--;
      throw new V3Error(403, this.state.refundFailure.code, this.state.refundFailure.message);
    }

    const t = transactionId
      ? [...this.state.trades.values()].find((x) => x.transaction_id === transactionId && x.trade_state !== 'NOTPAY')
      : this.state.trades.get(outTradeNo!);
    if (!t) throw new V3Error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND') throw new V3Error(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (total !== t.total) throw paramError('amount.total 与原订单金额不一致');
    const refunded = [...this.state.refunds.values()]
      .filter((r) => r.out_trade_no === t.out_trade_no)
      .reduce((s, r) => s + r.refund, 0);
    if (refunded + refundAmt > t.total) throw new V3Error(400, 'NOT_ENOUGH', '可退金额不足（累计退款金额超过订单金额）');

    const r: Refund = {
      refund_id: ids.refund(),
      out_refund_no: outRefundNo,
      transaction_id: t.transaction_id,
      out_trade_no: t.out_trade_no,
      reason,
      notify_url: notifyUrl,
      refund: refundAmt,
      total: t.total,
      status: 'PROCESSING',
      create_time: wxTime(),
    };
    this.state.refunds.set(outRefundNo, r);
    t.trade_state = 'REFUND';
    this.later(async () => {
      r.status = 'SUCCESS';
      r.success_time = wxTime();
      if (!r.notify_url) return;
      const n = this.notification('REFUND.SUCCESS', '退款成功', 'refund', {
        mchid: this.config.mchId,
        out_trade_no: r.out_trade_no,
        transaction_id: r.transaction_id,
        out_refund_no: r.out_refund_no,
        refund_id: r.refund_id,
        refund_status: 'SUCCESS',
        success_time: r.success_time,
        user_received_account: '支付用户零钱',
        amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund },
      });
      await this.send(r.notify_url, n);
    });
    return { status: 200, body: refundView(r) };
  }

  private transfer(b: Json): Reply {
    const appid = str(b, 'appid', { max: 32 })!;
    const outBillNo = str(b, 'out_bill_no', { min: 5, max: 32, pattern: OUT_BILL_NO })!;
    const sceneId = str(b, 'transfer_scene_id', { max: 36 })!;
    const openid = str(b, 'openid', { max: 64 })!;
    const amount = posInt(b.transfer_amount, 'transfer_amount');
    const remark = str(b, 'transfer_remark', { max: 32 })!;
    const notifyUrl = httpUrl(str(b, 'notify_url', { max: 256, optional: true }), 'notify_url');
    if (appid !== this.config.appId) throw new V3Error(400, 'APPID_MCHID_NOT_MATCH', 'appid 和 mch_id 不匹配');

    let bill = this.state.transfers.get(outBillNo);
    if (!bill) {
      const now = wxTime();
      const fail = this.state.failNextTransfers > 0;
      if (fail) this.state.failNextTransfers--;
      bill = {
        mch_id: this.config.mchId,
        appid,
        out_bill_no: outBillNo,
        transfer_bill_no: ids.transferBill(),
        transfer_scene_id: sceneId,
        openid,
        transfer_amount: amount,
        transfer_remark: remark,
        notify_url: notifyUrl,
        state: fail ? 'FAIL' : 'SUCCESS',
        ...(fail ? { fail_reason: this.state.failReason } : {}),
        create_time: now,
        update_time: now,
      };
      this.state.transfers.set(outBillNo, bill);
      this.scheduleTransferNotify(bill);
    }
    return {
      status: 200,
      body: {
        out_bill_no: bill.out_bill_no,
        transfer_bill_no: bill.transfer_bill_no,
        create_time: bill.create_time,
        state: bill.state,
        ...(bill.fail_reason ? { fail_reason: bill.fail_reason } : {}),
      },
    };
  }

  private scheduleTransferNotify(bill: TransferBill): void {
    if (!bill.notify_url) return;
    const url = bill.notify_url;
    this.later(async () => {
      const n = this.notification('MCHTRANSFER.BILL.FINISHED', '商家转账单据终态通知', 'mch_payment', {
        out_bill_no: bill.out_bill_no,
        transfer_bill_no: bill.transfer_bill_no,
        state: bill.state,
        mch_id: bill.mch_id,
        transfer_amount: bill.transfer_amount,
        openid: bill.openid,
        ...(bill.fail_reason ? { fail_reason: bill.fail_reason } : {}),
        create_time: bill.create_time,
        update_time: bill.update_time,
      });
      await this.send(url, n);
    });
  }

  // ---- notifications ----

  private notification(
    eventType: string,
    summary: string,
    kind: string,
    plain: object,
    extra: { timestampOffset?: number; badSignature?: boolean } = {},
  ): SignedNotification {
    return buildNotification(
      { apiV3Key: this.config.apiV3Key, platformSerial: this.config.platformSerial, platformPrivateKeyPem: this.secrets.platformPrivateKeyPem },
      { eventType, summary, resourceKind: kind, plain, ...extra },
    );
  }

  private async send(url: string, n: SignedNotification): Promise<Delivery> {
    const d = await deliver(url, n);
    this.log(`notify ${url} → ${d.status} ${typeof d.body === 'string' ? d.body : JSON.stringify(d.body)}`);
    return d;
  }

  private later(fn: () => Promise<void>): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn().catch((e: Error) => this.log(`deferred sim task failed: ${e.message}`));
    }, NOTIFY_DELAY_MS);
    this.timers.add(t);
  }

  // ---- control routes ----

  private async simRoute(method: string, path: string, url: URL, raw: string, res: ServerResponse): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Max-Age': '600' });
      res.end();
      return;
    }
    if (method === 'GET' && path === '/_sim/state') return this.sendJson(res, 200, this.state.dump());
    if (method === 'GET' && path === '/_sim/pay-page') {
      const prepayId = (url.searchParams.get('prepayId') ?? '').replace(/^prepay_id=/, '');
      const t = this.state.tradesByPrepayId.get(prepayId);
      const html = payPageHtml(t ?? null, prepayId, url.searchParams.get('redirect'));
      res.writeHead(t ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (method === 'POST' && path === '/_sim/pay') {
      const r = await this.simPay(parseJson(raw) ?? {});
      return this.sendJson(res, r.status, r.body);
    }
    if (method === 'GET' && path === '/_sim/messages') {
      const touser = url.searchParams.get('touser');
      return this.sendJson(res, 200, { messages: this.state.messages.filter((m) => touser === null || m.touser === touser) });
    }
    if (method === 'POST' && path === '/_sim/messages/fail') {
      const b = parseJson(raw) ?? {};
      const errcode = b.errcode === undefined ? 43101 : b.errcode;
      const count = b.count === undefined ? 1 : b.count;
      if (!Number.isInteger(errcode) || errcode === 0) return this.sendJson(res, 400, { code: 'PARAM_ERROR', message: 'errcode must be a non-zero integer' });
      if (!Number.isInteger(count) || count < 1 || count > 100) return this.sendJson(res, 400, { code: 'PARAM_ERROR', message: 'count must be 1..100' });
      const errmsg = typeof b.errmsg === 'string' && b.errmsg ? b.errmsg : (MESSAGE_ERRORS[errcode] ?? 'simulated failure');
      for (let i = 0; i < count; i++) this.state.messageFailures.push({ errcode, errmsg });
      return this.sendJson(res, 200, { queued: this.state.messageFailures.length, errcode, errmsg });
    }
    if (method === 'POST' && path === '/_sim/transfers/fail-next') {
      const b = parseJson(raw) ?? {};
      const count = b.count === undefined ? 1 : b.count;
      if (!Number.isInteger(count) || count < 0) return this.sendJson(res, 400, { code: 'PARAM_ERROR', message: 'count must be an integer ≥ 0' });
      this.state.failNextTransfers = count;
      if (typeof b.reason === 'string' && b.reason) this.state.failReason = b.reason;
      return this.sendJson(res, 200, { failNext: count, reason: this.state.failReason });
    }
    if (method === 'POST' && path === '/_sim/refunds/fail-next') {
      const b = parseJson(raw) ?? {};
      const count = b.count === undefined ? 1 : b.count;
      if (!Number.isInteger(count) || count < 0) return this.sendJson(res, 400, { code: 'PARAM_ERROR', message: 'count must be an integer ≥ 0' });
      this.state.failNextRefunds = count;
      if (typeof b.code === 'string' && b.code && typeof b.message === 'string' && b.message) this.state.refundFailure = { code: b.code, message: b.message };
      return this.sendJson(res, 200, { failNext: count, ...this.state.refundFailure });
    }
    return this.sendJson(res, 404, { code: 'NOT_FOUND', message: `no such route: ${method} ${path}` });
  }

  /** Plays the customer paying a prepay, then delivers the signed notification `times` times. */
  private async simPay(b: Json): Promise<Reply> {
    const prepayId = typeof b.prepayId === 'string' ? b.prepayId.replace(/^prepay_id=/, '') : '';
    const t = this.state.tradesByPrepayId.get(prepayId);
    if (!t) return { status: 404, body: { code: 'NOT_FOUND', message: `unknown prepayId "${prepayId}"` } };
    const times = b.times === undefined ? 1 : b.times;
    if (!Number.isInteger(times) || times < 0 || times > 50) return { status: 400, body: { code: 'PARAM_ERROR', message: 'times must be 0..50 (0: paid, notification lost)' } };
    const tamper = b.tamper;
    if (tamper !== undefined && !['signature', 'amount', 'timestamp'].includes(tamper)) {
      return { status: 400, body: { code: 'PARAM_ERROR', message: 'tamper must be signature | amount | timestamp' } };
    }
    if (t.trade_state === 'CLOSED') return { status: 400, body: { code: 'ORDER_CLOSED', message: '订单已关闭' } };
    // `paidAt` (ISO): when the customer paid, for a history played under a moved server clock; default now.
    const paidAt = typeof b.paidAt === 'string' ? new Date(b.paidAt) : new Date();
    if (Number.isNaN(paidAt.getTime())) return { status: 400, body: { code: 'PARAM_ERROR', message: 'paidAt must be an ISO time' } };

    let plain: object;
    if (tamper) {
      plain = transactionView(t, {
        trade_state: 'SUCCESS',
        success_time: t.success_time ?? wxTime(),
        totalDelta: tamper === 'amount' ? 1 : 0,
      });
    } else {
      if (t.trade_state === 'NOTPAY') {
        t.trade_state = 'SUCCESS';
        t.success_time = wxTime(paidAt);
      }
      plain = transactionView(t, { trade_state: 'SUCCESS', success_time: t.success_time! });
    }
    const n = this.notification('TRANSACTION.SUCCESS', '支付成功', 'transaction', plain, {
      badSignature: tamper === 'signature',
      timestampOffset: tamper === 'timestamp' ? -600 : 0,
    });
    let delivered: Delivery[];
    if (b.concurrent === true) {
      delivered = await Promise.all(Array.from({ length: times }, () => this.send(t.notify_url, n)));
    } else {
      delivered = [];
      for (let i = 0; i < times; i++) delivered.push(await this.send(t.notify_url, n));
    }
    return { status: 200, body: { outTradeNo: t.out_trade_no, delivered } };
  }
}
