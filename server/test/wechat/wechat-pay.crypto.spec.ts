import { createCipheriv, generateKeyPairSync, sign } from 'node:crypto';
import {
  buildAuthorization,
  decryptResource,
  requestPaymentParams,
  verifyPlatformSignature,
} from '../../src/wechat';

const merchant = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const apiV3Key = 'abcdefghijABCDEFGHIJ0123456789xy';

function encrypt(plain: string, aad: string, nonce: string, key = apiV3Key) {
  const c = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
  c.setAAD(Buffer.from(aad));
  const out = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: out.toString('base64'), associated_data: aad, nonce, original_type: aad };
}

describe('WeChat Pay v3 crypto helpers', () => {
  it('buildAuthorization signs METHOD\\nPATH\\nTS\\nNONCE\\nBODY\\n', async () => {
    const h = await buildAuthorization({
      method: 'post',
      pathWithQuery: '/v3/pay/transactions/jsapi',
      body: '{"a":1}',
      mchId: '1900000001',
      merchantSerial: 'ABC',
      merchantPrivateKeyPem: merchant.privateKey,
      timestamp: 1700000000,
      nonce: 'N0NCE',
    });
    expect(h).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N0NCE",signature="[^"]+",timestamp="1700000000",serial_no="ABC"$/);
    const sig = /signature="([^"]+)"/.exec(h)![1];
    const expected = sign('sha256', Buffer.from('POST\n/v3/pay/transactions/jsapi\n1700000000\nN0NCE\n{"a":1}\n'), merchant.privateKey);
    expect(sig).toBe(expected.toString('base64'));
  });

  it('verifyPlatformSignature checks serial and signature over ts\\nnonce\\nbody\\n', () => {
    const body = '{"x":"y"}';
    const signature = sign('sha256', Buffer.from(`1\nn\n${body}\n`), merchant.privateKey).toString('base64');
    const cfg = { platformSerial: 'S1', platformPublicKeyPem: merchant.publicKey };
    expect(verifyPlatformSignature({ timestamp: '1', nonce: 'n', body, signature, serial: 'S1' }, cfg)).toBe(true);
    expect(verifyPlatformSignature({ timestamp: '1', nonce: 'n', body: body + ' ', signature, serial: 'S1' }, cfg)).toBe(false);
    expect(verifyPlatformSignature({ timestamp: '1', nonce: 'n', body, signature, serial: 'S2' }, cfg)).toBe(false);
    expect(verifyPlatformSignature({ timestamp: '1', nonce: 'n', body, signature: 'garbage', serial: 'S1' }, cfg)).toBe(false);
  });

  it('decryptResource opens AEAD_AES_256_GCM and refuses tampering', () => {
    const res = encrypt('{"out_trade_no":"T123456","amount":{"total":5}}', 'transaction', '123456789012');
    expect(decryptResource(res, apiV3Key)).toEqual({ out_trade_no: 'T123456', amount: { total: 5 } });
    expect(() => decryptResource({ ...res, associated_data: 'refund' }, apiV3Key)).toThrow();
    const bytes = Buffer.from(res.ciphertext, 'base64');
    bytes[0] ^= 1;
    expect(() => decryptResource({ ...res, ciphertext: bytes.toString('base64') }, apiV3Key)).toThrow();
    expect(() => decryptResource(res, 'Z'.repeat(32))).toThrow();
  });

  it('requestPaymentParams is deterministic for a given time and nonce', async () => {
    const p = await requestPaymentParams('wxapp', 'wx123', merchant.privateKey, new Date(1700000000_000), 'abc');
    expect(p).toMatchObject({ timeStamp: '1700000000', nonceStr: 'abc', package: 'prepay_id=wx123', signType: 'RSA' });
    const expected = sign('sha256', Buffer.from('wxapp\n1700000000\nabc\nprepay_id=wx123\n'), merchant.privateKey).toString('base64');
    expect(p.paySign).toBe(expected);
  });
});
