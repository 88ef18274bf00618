import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@mc/wechat-sim';
import {
  buildAuthorization,
  requestPaymentParams,
  WechatPayClient,
  WechatPayError,
  WechatSignatureError,
  type WechatConfig,
  type WechatPayTransaction,
} from '../../src/wechat';
import { simPost, startNotifyTarget, uniqueNo, wechatConfig, type NotifyTarget, type Received } from './sim-helpers';

describe('WeChat Pay v3 (JSAPI) against the simulator', () => {
  let sim: RunningSimulator;
  let target: NotifyTarget;
  let cfg: WechatConfig;
  let pay: WechatPayClient;

  /** The notify target answers like our server would: 200 when parseNotification accepts, 401 otherwise. */
  function answer(r: Received) {
    try {
      pay.parseNotification(r.headers, r.body);
      return { status: 200, body: { code: 'SUCCESS' } };
    } catch (e) {
      return { status: 401, body: { code: 'FAIL', message: (e as Error).name } };
    }
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    target = await startNotifyTarget((r) => answer(r));
    cfg = wechatConfig(sim, target.url);
    pay = new WechatPayClient(cfg);
  });
  afterAll(async () => {
    await target.close();
    await sim.close();
  });
  beforeEach(() => {
    target.received.length = 0;
  });

  async function prepay(totalCents = 1999, openid = 'oBuyer1') {
    const outTradeNo = uniqueNo('T');
    const { prepayId } = await pay.jsapiPrepay({ outTradeNo, description: '会员商城-测试商品', totalCents, openid });
    return { outTradeNo, prepayId, totalCents, openid };
  }

  it('prepays, and the requestPayment params verify with the merchant public key', async () => {
    const { prepayId, outTradeNo } = await prepay();
    expect(prepayId).toMatch(/^wx\w+/);

    const now = new Date('2024-05-07T04:00:00Z');
    const p = await requestPaymentParams(cfg.appId, prepayId, cfg.merchantPrivateKeyPem, now);
    expect(p).toMatchObject({ timeStamp: String(now.getTime() / 1000), package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(p.nonceStr).toMatch(/^[A-Za-z0-9]{32}$/);
    const merchantPublicKey = createPublicKey(createPrivateKey(cfg.merchantPrivateKeyPem));
    const message = `${cfg.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(verify('sha256', Buffer.from(message), merchantPublicKey, Buffer.from(p.paySign, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from(message + 'x'), merchantPublicKey, Buffer.from(p.paySign, 'base64'))).toBe(false);

    const viaClient = await pay.requestPaymentParams(prepayId);
    expect(viaClient.package).toBe(`prepay_id=${prepayId}`);

    const t = await pay.queryByOutTradeNo(outTradeNo);
    expect(t).toMatchObject({ trade_state: 'NOTPAY', out_trade_no: outTradeNo, mchid: cfg.mchId, appid: cfg.appId });
    expect(t!.transaction_id).toBeUndefined();
  });

  it('prepay is idempotent on out_trade_no with the same amount; a different amount is INVALID_REQUEST', async () => {
    const first = await prepay(500);
    const again = await pay.jsapiPrepay({ outTradeNo: first.outTradeNo, description: 'x', totalCents: 500, openid: first.openid });
    expect(again.prepayId).toBe(first.prepayId);
    const err = await pay
      .jsapiPrepay({ outTradeNo: first.outTradeNo, description: 'x', totalCents: 501, openid: first.openid })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WechatPayError);
    expect(err).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('validates prepay fields (PARAM_ERROR)', async () => {
    await expect(pay.jsapiPrepay({ outTradeNo: uniqueNo('T'), description: 'x', totalCents: 0, openid: 'o' })).rejects.toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
    });
    await expect(pay.jsapiPrepay({ outTradeNo: 'T1', description: 'x', totalCents: 1, openid: 'o' })).rejects.toMatchObject({
      code: 'PARAM_ERROR',
    });
    await expect(pay.jsapiPrepay({ outTradeNo: uniqueNo('T'), description: '', totalCents: 1, openid: 'o' })).rejects.toMatchObject({
      code: 'PARAM_ERROR',
    });
  });

  it('unknown orders: query gives null (404 ORDER_NOT_EXIST)', async () => {
    expect(await pay.queryByOutTradeNo('NOPE123456')).toBeNull();
  });

  it('/_sim/pay delivers a signed, encrypted TRANSACTION.SUCCESS that parseNotification accepts', async () => {
    const { prepayId, outTradeNo, totalCents, openid } = await prepay(2590, 'oPayer42');
    const r = await simPost(sim, '/_sim/pay', { prepayId });
    expect(r.status).toBe(200);
    expect(r.body.delivered).toEqual([{ status: 200, body: { code: 'SUCCESS' } }]);
    expect(target.received).toHaveLength(1);
    const got = target.received[0];
    expect(got.path).toBe('/pay');
    expect(got.headers['wechatpay-serial']).toBe(cfg.platformSerial);

    const n = pay.parseNotification<WechatPayTransaction>(got.headers, got.body);
    expect(n.eventType).toBe('TRANSACTION.SUCCESS');
    expect(n.resourceType).toBe('encrypt-resource');
    expect(n.id).toEqual(expect.any(String));
    expect(n.resource).toMatchObject({
      appid: cfg.appId,
      mchid: cfg.mchId,
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      payer: { openid },
      amount: { total: totalCents, payer_total: totalCents, currency: 'CNY' },
    });
    expect(n.resource.transaction_id).toMatch(/^\d{28}$/);
    expect(n.resource.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const envelope = JSON.parse(got.body);
    expect(envelope.resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', original_type: 'transaction' });
    expect(envelope.resource.nonce).toHaveLength(12);

    const q = await pay.queryByOutTradeNo(outTradeNo);
    expect(q).toMatchObject({ trade_state: 'SUCCESS', transaction_id: n.resource.transaction_id, amount: { total: totalCents } });

    // the raw body is what is signed: a re-serialised body must not verify
    const reserialised = JSON.stringify(JSON.parse(got.body), null, 1);
    expect(() => pay.parseNotification(got.headers, reserialised)).toThrow(WechatSignatureError);
  });

  it("tamper 'signature' is rejected with WechatSignatureError and leaves the order unpaid", async () => {
    const { prepayId, outTradeNo } = await prepay();
    const r = await simPost(sim, '/_sim/pay', { prepayId, tamper: 'signature' });
    expect(r.body.delivered).toEqual([{ status: 401, body: { code: 'FAIL', message: 'WechatSignatureError' } }]);
    const got = target.received[0];
    expect(() => pay.parseNotification(got.headers, got.body)).toThrow(WechatSignatureError);
    expect((await pay.queryByOutTradeNo(outTradeNo))!.trade_state).toBe('NOTPAY');
  });

  it("tamper 'timestamp' (10 minutes old) is rejected; so is a future or missing timestamp", async () => {
    const { prepayId } = await prepay();
    const r = await simPost(sim, '/_sim/pay', { prepayId, tamper: 'timestamp' });
    expect(r.body.delivered[0].status).toBe(401);
    const got = target.received[0];
    expect(Number(got.headers['wechatpay-timestamp'])).toBeLessThan(Date.now() / 1000 - 590);
    expect(() => pay.parseNotification(got.headers, got.body)).toThrow(/more than 5 minutes/);

    // the same notification is fine for a client whose clock is 10 minutes behind...
    const behind = new WechatPayClient(cfg, () => new Date(Date.now() - 600_000));
    expect(behind.parseNotification(got.headers, got.body).eventType).toBe('TRANSACTION.SUCCESS');
    // ...but not for one 10 minutes ahead of it (future timestamps are rejected too)
    const ahead = new WechatPayClient(cfg, () => new Date(Date.now() - 1_200_000));
    expect(() => ahead.parseNotification(got.headers, got.body)).toThrow(WechatSignatureError);
    const { ['wechatpay-timestamp']: _drop, ...noTs } = got.headers;
    expect(() => pay.parseNotification(noTs, got.body)).toThrow(WechatSignatureError);
  });

  it('rejects a notification naming another platform serial, or encrypted under another APIv3 key', async () => {
    const { prepayId } = await prepay();
    await simPost(sim, '/_sim/pay', { prepayId });
    const got = target.received[0];
    expect(() => pay.parseNotification({ ...got.headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }, got.body)).toThrow(
      WechatSignatureError,
    );
    const otherKey = new WechatPayClient({ ...cfg, apiV3Key: 'A'.repeat(32) });
    expect(() => otherKey.parseNotification(got.headers, got.body)).toThrow(/does not decrypt/);
  });

  it("tamper 'amount' is correctly signed but carries amount.total + 1", async () => {
    const { prepayId, totalCents } = await prepay(1000);
    const r = await simPost(sim, '/_sim/pay', { prepayId, tamper: 'amount' });
    expect(r.body.delivered[0].status).toBe(200);
    const n = pay.parseNotification<WechatPayTransaction>(target.received[0].headers, target.received[0].body);
    expect(n.resource.amount.total).toBe(totalCents + 1);
    expect(n.resource.amount.total).not.toBe(totalCents);
  });

  it('times: 5 delivers five identical notifications (sequentially, or concurrently)', async () => {
    const { prepayId, outTradeNo } = await prepay();
    const r = await simPost(sim, '/_sim/pay', { prepayId, times: 5 });
    expect(r.body.delivered).toHaveLength(5);
    expect(target.received).toHaveLength(5);
    const parsed = target.received.map((x) => pay.parseNotification<WechatPayTransaction>(x.headers, x.body));
    expect(new Set(parsed.map((p) => p.id)).size).toBe(1);
    expect(new Set(parsed.map((p) => JSON.stringify(p.resource))).size).toBe(1);
    expect(parsed[0].resource.out_trade_no).toBe(outTradeNo);

    target.received.length = 0;
    const c = await simPost(sim, '/_sim/pay', { prepayId, times: 3, concurrent: true });
    expect(c.body.delivered.map((d: { status: number }) => d.status)).toEqual([200, 200, 200]);
    expect(target.received).toHaveLength(3);
  });

  it('close turns an unpaid order CLOSED; /_sim/pay then refuses it; a paid order cannot be closed', async () => {
    const { prepayId, outTradeNo } = await prepay();
    await pay.close(outTradeNo);
    expect((await pay.queryByOutTradeNo(outTradeNo))!.trade_state).toBe('CLOSED');
    expect((await simPost(sim, '/_sim/pay', { prepayId })).status).toBe(400);

    const paid = await prepay();
    await simPost(sim, '/_sim/pay', { prepayId: paid.prepayId });
    await expect(pay.close(paid.outTradeNo)).rejects.toMatchObject({ status: 400, code: 'ORDERPAID' });
  });

  it('a request with a bad Authorization gets 401 SIGN_ERROR', async () => {
    const path = `/v3/pay/transactions/out-trade-no/ANY123456?mchid=${cfg.mchId}`;
    const none = await fetch(`${sim.url}${path}`);
    expect(none.status).toBe(401);
    expect((await none.json()).code).toBe('SIGN_ERROR');

    // signed by another key
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const forged = await buildAuthorization({
      method: 'GET',
      pathWithQuery: path,
      body: '',
      mchId: cfg.mchId,
      merchantSerial: cfg.merchantSerial,
      merchantPrivateKeyPem: other,
      timestamp: Math.floor(Date.now() / 1000),
    });
    const res = await fetch(`${sim.url}${path}`, { headers: { Authorization: forged } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SIGN_ERROR' });

    // right key, signature over a different path
    const wrongPath = await buildAuthorization({
      method: 'GET',
      pathWithQuery: '/v3/somewhere-else',
      body: '',
      mchId: cfg.mchId,
      merchantSerial: cfg.merchantSerial,
      merchantPrivateKeyPem: cfg.merchantPrivateKeyPem,
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect((await fetch(`${sim.url}${path}`, { headers: { Authorization: wrongPath } })).status).toBe(401);

    // and through the client: a wrong merchant key surfaces as WechatPayError SIGN_ERROR
    const badKeyClient = new WechatPayClient({ ...cfg, merchantPrivateKeyPem: other });
    await expect(badKeyClient.queryByOutTradeNo('ANY123456')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });

  it('rejects responses whose signature does not verify (wrong platform public key)', async () => {
    const wrongPlatform = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const client = new WechatPayClient({ ...cfg, platformPublicKeyPem: wrongPlatform });
    await expect(
      client.jsapiPrepay({ outTradeNo: uniqueNo('T'), description: 'x', totalCents: 1, openid: 'o' }),
    ).rejects.toBeInstanceOf(WechatSignatureError);
    await expect(client.queryByOutTradeNo('NOPE123456')).rejects.toBeInstanceOf(WechatSignatureError);
    const wrongSerial = new WechatPayClient({ ...cfg, platformSerial: 'PUB_KEY_ID_SOMEONE_ELSE' });
    await expect(wrongSerial.queryByOutTradeNo('NOPE123456')).rejects.toBeInstanceOf(WechatSignatureError);
  });

  it('serves the H5 pay page with CORS on /_sim/*', async () => {
    const { prepayId } = await prepay(1234);
    const page = await fetch(`${sim.url}/_sim/pay-page?prepayId=${prepayId}&redirect=${encodeURIComponent('http://127.0.0.1:3000/#/done')}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBe('*');
    const html = await page.text();
    expect(html).toContain('微信支付（模拟）');
    expect(html).toContain('12.34');
    expect(html).toContain('确认支付');
    expect(html).toContain('取消');
    const pre = await fetch(`${sim.url}/_sim/pay`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const state = await (await fetch(`${sim.url}/_sim/state`)).json();
    expect(state.transactions.some((t: { prepay_id: string }) => t.prepay_id === prepayId)).toBe(true);
  });
});
