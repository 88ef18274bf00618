import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { createMediaStorage, LocalDiskStorage, type MediaStorage, S3Storage } from '../src/modules/media/media-storage';

/**
 * What every storage must do (docs/images.md): a key put is read back with its bytes and type,
 * an unknown key is null / false, writing a key again replaces nothing else.
 */
function storageContract(name: string, make: () => { storage: MediaStorage; cleanup: () => Promise<void> | void }) {
  describe(`${name}: the media storage contract`, () => {
    let storage: MediaStorage;
    let cleanup: () => Promise<void> | void;
    beforeEach(() => ({ storage, cleanup } = make()));
    afterEach(() => cleanup());

    it('reads back what was put, with its content type', async () => {
      const body = Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]);
      await storage.put('0123abcd-800.jpg', body, 'image/jpeg');
      expect(await storage.has('0123abcd-800.jpg')).toBe(true);
      expect(await storage.get('0123abcd-800.jpg')).toEqual({ body, contentType: 'image/jpeg' });
    });

    it('answers null and false for a key never put', async () => {
      expect(await storage.get('ffff-400.jpg')).toBeNull();
      expect(await storage.has('ffff-400.jpg')).toBe(false);
    });

    it('keeps keys apart, and a second put of a key leaves the others alone', async () => {
      await storage.put('a-800.jpg', Buffer.from('a'), 'image/jpeg');
      await storage.put('b-800.jpg', Buffer.from('b'), 'image/jpeg');
      await storage.put('a-800.jpg', Buffer.from('a'), 'image/jpeg');
      expect((await storage.get('a-800.jpg'))!.body.toString()).toBe('a');
      expect((await storage.get('b-800.jpg'))!.body.toString()).toBe('b');
    });
  });
}

storageContract('local folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-storage-'));
  return { storage: new LocalDiskStorage(join(dir, 'media')), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});

/**
 * An S3 endpoint on 127.0.0.1 that keeps objects in memory (path-style `/<bucket>/<key>`, PUT, GET,
 * HEAD): enough to check the adapter's requests through the real SDK without a network.
 */
function fakeS3(): Promise<{ server: Server; url: string; requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] }> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    requests.push({ method: req.method!, path, headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), type: String(req.headers['content-type']) });
        res.writeHead(200, { etag: '"x"' }).end();
        return;
      }
      const found = objects.get(path);
      if (!found) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(req.method === 'HEAD' ? undefined : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })));
}

describe('S3-compatible bucket', () => {
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  beforeAll(async () => (s3 = await fakeS3()));
  afterAll(() => new Promise((r) => s3.server.close(r)));

  const settings = () =>
    loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'shop', S3_ENDPOINT: s3.url, S3_FORCE_PATH_STYLE: '1', S3_PREFIX: 'media/', S3_ACCESS_KEY_ID: 'test', S3_SECRET_ACCESS_KEY: 'test-secret' }).media;

  storageContract('S3 (through the SDK)', () => ({ storage: createMediaStorage(settings()), cleanup: () => undefined }));

  it('writes under the prefix with the type and an immutable Cache-Control, signed', async () => {
    const storage = createMediaStorage(settings());
    expect(storage).toBeInstanceOf(S3Storage);
    await storage.put('c0ffee-400.jpg', Buffer.from('jpeg'), 'image/jpeg');
    const put = s3.requests.filter((r) => r.method === 'PUT').pop()!;
    expect(put.path).toBe('/shop/media/c0ffee-400.jpg');
    expect(put.headers).toMatchObject({ 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\//);
  });
});

describe('media settings', () => {
  it('keeps images in a folder beside the embedded database unless MEDIA_DIR says where', () => {
    expect(loadConfig({ SQLJS_PATH: '/srv/shop/demo.sqlite' }).media).toEqual({ storage: 'local', dir: '/srv/shop/media' });
    expect(loadConfig({ MEDIA_DIR: '/var/images' }).media).toEqual({ storage: 'local', dir: '/var/images' });
  });

  it('refuses an unknown storage, a bucket-less S3 and half a key pair', () => {
    expect(() => loadConfig({ MEDIA_STORAGE: 'ftp' })).toThrow('MEDIA_STORAGE must be local or s3 (got "ftp")');
    expect(() => loadConfig({ MEDIA_STORAGE: 's3' })).toThrow('MEDIA_STORAGE=s3 needs S3_BUCKET');
    expect(() => loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  });

  it('writes a local file whole or not at all (no temporary file left behind)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-storage-'));
    try {
      const storage = new LocalDiskStorage(dir);
      await Promise.all([1, 2, 3].map(() => storage.put('k-800.jpg', Buffer.alloc(100_000, 7), 'image/jpeg')));
      expect(readdirSync(dir)).toEqual(['k-800.jpg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
