import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaSettings } from '../../config/config';

/** A stored file: its bytes and content type. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
}

/**
 * Where images live. Keys are content-addressed file names (`<hash>-<size>.jpg`, checked by the
 * caller): a key is written once and never changes, so writing it again is harmless.
 */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** null when there is no such key. */
  get(key: string): Promise<StoredObject | null>;
  has(key: string): Promise<boolean>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

const CONTENT_TYPE_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const contentTypeOf = (key: string) => CONTENT_TYPE_BY_EXT[key.split('.').pop() ?? ''] ?? 'application/octet-stream';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** A folder on this machine (the demo and a single server; several processes of one machine share it). */
export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly dir: string) {}

  /** The type is not kept: a file's extension says it. */
  async put(key: string, body: Buffer, _contentType?: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // written beside and renamed: a reader never sees half a file
    const tmp = join(this.dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(tmp, body);
    await rename(tmp, join(this.dir, key));
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      return { body: await readFile(join(this.dir, key)), contentType: contentTypeOf(key) };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(join(this.dir, key))).isFile();
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }
}

type S3Settings = Extract<MediaSettings, { storage: 's3' }>;

const isNotFound = (e: unknown) => e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound');

/** A bucket of an S3-compatible object store (AWS S3, MinIO, Aliyun OSS, Tencent COS…): for several servers. */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;

  constructor(private readonly s: S3Settings) {
    this.client = new S3Client({
      region: s.region,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      forcePathStyle: s.forcePathStyle,
      // without keys the SDK's own chain (environment, instance role) is used
      ...(s.accessKeyId && s.secretAccessKey ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } } : {}),
    });
  }

  private key(key: string) {
    return `${this.s.prefix}${key}`;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.s.bucket, Key: this.key(key), Body: body, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
      return { body: Buffer.from(await res.Body!.transformToByteArray()), contentType: res.ContentType ?? contentTypeOf(key) };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
}

export function createMediaStorage(settings: MediaSettings): MediaStorage {
  return settings.storage === 'local' ? new LocalDiskStorage(settings.dir) : new S3Storage(settings);
}
