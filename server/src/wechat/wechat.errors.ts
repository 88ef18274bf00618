/** A mini-program server API answered `{errcode, errmsg}` with errcode ≠ 0. */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WechatError';
  }
}

/** WeChat Pay v3 answered with a non-2xx status (`{code, message}`). */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'WechatPayError';
  }
}

/** A WeChat Pay signature, serial, timestamp or encrypted resource did not verify. */
export class WechatSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WechatSignatureError';
  }
}
