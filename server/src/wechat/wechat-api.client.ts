import { httpCall } from './http-call';
import type { WechatConfig } from './wechat.config';
import { WechatError } from './wechat.errors';

export interface Code2SessionResult {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface UnlimitedQrCodeInput {
  /** At most 32 visible characters: 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~ */
  scene: string;
  /** e.g. 'pages/index/index' (no leading slash); omitted = the home page. */
  page?: string;
  width?: number;
  /** false lets an unpublished page through (development). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface SubscribeMessageInput {
  touser: string;
  templateId: string;
  /** The page the message opens, e.g. 'order/pages/detail/index?id=1'. */
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

const TIMEOUT_MS = 10_000;
/** Refresh the access token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TOKEN_INVALID = new Set([40001, 40014, 42001]);

/** WeChat mini-program server APIs (code2Session, access token, mini-program codes). */
export class WechatApiClient {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly cfg: Pick<WechatConfig, 'apiBase' | 'appId' | 'appSecret'>,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Exchanges a wx.login code for the user's openid (and unionid, session_key). */
  async code2Session(code: string): Promise<Code2SessionResult> {
    const q = new URLSearchParams({
      appid: this.cfg.appId,
      secret: this.cfg.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    // every customer login: over a kept-alive connection (httpCall), not a new one per code
    const res = await httpCall(new URL(`${this.cfg.apiBase}/sns/jscode2session?${q}`), 'GET', { Accept: 'application/json' }, undefined, TIMEOUT_MS);
    const body = this.json(res.status, res.text);
    if (typeof body.openid !== 'string' || !body.openid) throw new WechatError(-1, 'jscode2session returned no openid');
    return {
      openid: body.openid,
      ...(typeof body.unionid === 'string' && body.unionid ? { unionid: body.unionid } : {}),
      sessionKey: String(body.session_key ?? ''),
    };
  }

  /** The stable access token, cached until five minutes before it expires. */
  async getAccessToken(): Promise<string> {
    if (this.token && this.nowMs() < this.token.expiresAt) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forgets the cached token (the next call fetches a new one). */
  invalidateAccessToken(): void {
    this.token = null;
  }

  /** A mini-program code (PNG) for `page?scene=…` — wxacode.getUnlimited. */
  async getUnlimitedQrCode(input: UnlimitedQrCodeInput): Promise<Buffer> {
    const payload = JSON.stringify({
      scene: input.scene,
      ...(input.page !== undefined ? { page: input.page } : {}),
      ...(input.width !== undefined ? { width: input.width } : {}),
      ...(input.checkPath !== undefined ? { check_path: input.checkPath } : {}),
      ...(input.envVersion !== undefined ? { env_version: input.envVersion } : {}),
    });
    for (let attempt = 0; ; attempt++) {
      const token = await this.getAccessToken();
      const res = await fetch(`${this.cfg.apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if ((res.headers.get('content-type') ?? '').startsWith('image/')) return Buffer.from(await res.arrayBuffer());
      try {
        this.json(res.status, await res.text());
      } catch (e) {
        if (e instanceof WechatError && TOKEN_INVALID.has(e.errcode) && attempt === 0) {
          this.invalidateAccessToken();
          continue;
        }
        throw e;
      }
      throw new WechatError(-1, 'getwxacodeunlimit returned no image');
    }
  }

  /** subscribeMessage.send: one message to a user who consented (WeChat counts the consents); throws WechatError when refused. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    const payload = JSON.stringify({
      touser: input.touser,
      template_id: input.templateId,
      ...(input.page ? { page: input.page } : {}),
      data: input.data,
      ...(input.miniprogramState ? { miniprogram_state: input.miniprogramState } : {}),
      lang: 'zh_CN',
    });
    for (let attempt = 0; ; attempt++) {
      const token = await this.getAccessToken();
      const res = await httpCall(
        new URL(`${this.cfg.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`),
        'POST',
        { 'Content-Type': 'application/json' },
        payload,
        TIMEOUT_MS,
      );
      try {
        this.json(res.status, res.text);
        return;
      } catch (e) {
        if (e instanceof WechatError && TOKEN_INVALID.has(e.errcode) && attempt === 0) {
          this.invalidateAccessToken();
          continue;
        }
        throw e;
      }
    }
  }

  private async fetchToken(): Promise<string> {
    const started = this.nowMs();
    const res = await httpCall(
      new URL(`${this.cfg.apiBase}/cgi-bin/stable_token`),
      'POST',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ grant_type: 'client_credential', appid: this.cfg.appId, secret: this.cfg.appSecret }),
      TIMEOUT_MS,
    );
    const body = this.json(res.status, res.text);
    if (typeof body.access_token !== 'string' || !body.access_token) throw new WechatError(-1, 'no access_token in response');
    const ttlMs = Number(body.expires_in ?? 7200) * 1000;
    this.token = { value: body.access_token, expiresAt: started + Math.max(ttlMs - TOKEN_MARGIN_MS, ttlMs / 2) };
    return body.access_token;
  }

  /** WeChat answers JSON (sometimes as text/plain), with errcode ≠ 0 on failure — usually under HTTP 200. */
  private json(status: number, text: string): Record<string, any> {
    let body: Record<string, any>;
    try {
      body = JSON.parse(text);
    } catch {
      throw new WechatError(-1, `HTTP ${status}: not JSON: ${text.slice(0, 200)}`);
    }
    if (body?.errcode) throw new WechatError(Number(body.errcode), String(body.errmsg ?? ''));
    if (status < 200 || status > 299) throw new WechatError(-1, `HTTP ${status}`);
    return body;
  }
}
