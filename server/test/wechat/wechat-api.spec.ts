import { crc32, inflateSync } from 'node:zlib';
import { startSimulator, type RunningSimulator } from '@mc/wechat-sim';
import { WechatApiClient, WechatError } from '../../src/wechat';
import { simPost, wechatConfig } from './sim-helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function pngChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let off = 8;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.subarray(off + 4, off + 8).toString('ascii');
    const data = png.subarray(off + 8, off + 8 + len);
    const crc = png.readUInt32BE(off + 8 + len);
    expect(crc).toBe(crc32(png.subarray(off + 4, off + 8 + len)) >>> 0);
    chunks.push({ type, data });
    off += 12 + len;
  }
  return chunks;
}

describe('WeChat mini-program APIs against the simulator', () => {
  let sim: RunningSimulator;
  const log: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, log: (m) => log.push(m) });
  });
  afterAll(() => sim.close());

  it('code2Session turns a test:<openid> code into that openid', async () => {
    const client = new WechatApiClient(wechatConfig(sim));
    const s = await client.code2Session('test:oUser_123');
    expect(s.openid).toBe('oUser_123');
    expect(s.unionid).toBe('u_oUser_123');
    expect(Buffer.from(s.sessionKey, 'base64')).toHaveLength(16);
  });

  it('code2Session rejects an unknown code with errcode 40029', async () => {
    const client = new WechatApiClient(wechatConfig(sim));
    const err = await client.code2Session('0a1b2c3d').catch((e) => e);
    expect(err).toBeInstanceOf(WechatError);
    expect(err.errcode).toBe(40029);
    expect(err.errmsg).toBe('invalid code');
  });

  it('code2Session reports a wrong appid / secret (40013 / 40125)', async () => {
    const wrongId = new WechatApiClient({ ...wechatConfig(sim), appId: 'wx0000000000000000' });
    await expect(wrongId.code2Session('test:a')).rejects.toMatchObject({ errcode: 40013 });
    const wrongSecret = new WechatApiClient({ ...wechatConfig(sim), appSecret: 'nope' });
    await expect(wrongSecret.code2Session('test:a')).rejects.toMatchObject({ errcode: 40125 });
  });

  it('serves GET /cgi-bin/token and POST /cgi-bin/stable_token', async () => {
    const { appId, appSecret } = sim.config;
    const res = await fetch(`${sim.url}/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${appSecret}`);
    const body = await res.json();
    expect(body.expires_in).toBe(7200);
    expect(typeof body.access_token).toBe('string');
    const stable = await simPost(sim, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: appId, secret: appSecret });
    expect(stable.body.access_token).toEqual(expect.any(String));
    expect(stable.body.expires_in).toBeGreaterThan(7000);
    const bad = await simPost(sim, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: appId, secret: 'x' });
    expect(bad.body.errcode).toBe(40125);
  });

  it('getAccessToken caches the token until it nearly expires', async () => {
    let now = Date.now();
    const client = new WechatApiClient(wechatConfig(sim), () => now);
    const count = () => log.filter((l) => l.startsWith('POST /cgi-bin/stable_token')).length;
    const before = count();
    const [a, b] = await Promise.all([client.getAccessToken(), client.getAccessToken()]);
    expect(a).toBe(b);
    expect(await client.getAccessToken()).toBe(a);
    expect(count() - before).toBe(1);
    now += 2 * 3600_000; // past expiry: fetched again
    await client.getAccessToken();
    expect(count() - before).toBe(2);
  });

  it('getUnlimitedQrCode returns a real PNG, the same picture for the same scene', async () => {
    const client = new WechatApiClient(wechatConfig(sim));
    const png = await client.getUnlimitedQrCode({ scene: 'ref=DEMO01', page: 'pages/index/index' });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const chunks = pngChunks(png);
    expect(chunks[0].type).toBe('IHDR');
    expect(chunks.at(-1)!.type).toBe('IEND');
    const width = chunks[0].data.readUInt32BE(0);
    const height = chunks[0].data.readUInt32BE(4);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(280);
    expect(chunks[0].data[8]).toBe(8); // bit depth
    const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    const raw = inflateSync(idat);
    const bpp = chunks[0].data[9] === 0 ? 1 : chunks[0].data[9] === 2 ? 3 : 4;
    expect(raw.length).toBe(height * (width * bpp + 1));
    // some black and some white pixels
    expect(raw.includes(0)).toBe(true);
    expect(raw.includes(255)).toBe(true);

    const again = await client.getUnlimitedQrCode({ scene: 'ref=DEMO01', page: 'pages/index/index' });
    expect(again.equals(png)).toBe(true);
    const other = await client.getUnlimitedQrCode({ scene: 'ref=OTHER1', page: 'pages/index/index' });
    expect(other.equals(png)).toBe(false);
  });

  it('getUnlimitedQrCode rejects a scene longer than 32 characters (40169)', async () => {
    const client = new WechatApiClient(wechatConfig(sim));
    const err = await client.getUnlimitedQrCode({ scene: 'x'.repeat(33) }).catch((e) => e);
    expect(err).toBeInstanceOf(WechatError);
    expect(err.errcode).toBe(40169);
    await expect(client.getUnlimitedQrCode({ scene: '' })).rejects.toMatchObject({ errcode: 40169 });
  });

  it('getwxacodeunlimit answers 40001 to a bad token; the client refetches a revoked token once', async () => {
    const bad = await simPost(sim, '/wxa/getwxacodeunlimit?access_token=nope', { scene: 'a=1' });
    expect(bad.body.errcode).toBe(40001);

    const client = new WechatApiClient(wechatConfig(sim));
    const first = await client.getAccessToken();
    const { appId, appSecret } = sim.config;
    // someone else force-refreshes the stable token: ours is revoked
    const forced = await simPost(sim, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: appId,
      secret: appSecret,
      force_refresh: true,
    });
    expect(forced.body.access_token).not.toBe(first);
    const png = await client.getUnlimitedQrCode({ scene: 'a=1' });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(await client.getAccessToken()).toBe(forced.body.access_token);
  });
});
