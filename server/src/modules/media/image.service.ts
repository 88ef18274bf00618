import { Inject, Injectable } from '@nestjs/common';
import type { UploadedImage } from '@mc/shared';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError, badRequest } from '../../common/errors';
import { MEDIA_STORAGE, type MediaStorage, type StoredObject } from './media-storage';

/**
 * The sizes the shop shows, as the longest side in pixels: `large` for the product page gallery
 * (750 design pixels wide) and pictures in descriptions, `thumb` for product cards, cart and order lines.
 */
export const IMAGE_SIZES = { large: 800, thumb: 400 } as const;
type Size = (typeof IMAGE_SIZES)[keyof typeof IMAGE_SIZES];

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_TEXT = '5 MB';
/** A larger picture is refused before it is decoded (a small file can claim a huge size). */
const MAX_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
/** Part of every name: a change to how variants are made gives them new names, so cached ones never go stale. */
const VARIANT_VERSION = 'v1';

const URL_PREFIX = '/api/media/img/';
const NAME = /^[0-9a-f]{32}-(800|400)\.jpg$/;
const LARGE_URL = new RegExp(`^${URL_PREFIX}([0-9a-f]{32})-${IMAGE_SIZES.large}\\.jpg$`);

const nameOf = (id: string, size: Size) => `${id}-${size}.jpg`;
export const imageUrl = (id: string, size: Size) => `${URL_PREFIX}${nameOf(id, size)}`;
/** A gallery image's URL (the large variant) → its thumbnail's, the product's cover. */
export const thumbUrlOf = (largeUrl: string) => largeUrl.replace(/-\d+\.jpg$/, `-${IMAGE_SIZES.thumb}.jpg`);
/** The stored file name of a served URL, or null for anything else. */
export const isImageName = (name: string) => NAME.test(name);

/** An uploaded or drawn picture as stored (the upload route's answer). */
export type StoredImage = UploadedImage;

const NOT_AN_IMAGE = '只能上传 JPEG、PNG 或 WebP 格式的图片';

/** Uploaded and generated pictures: checked by their content, resized to IMAGE_SIZES as JPEG, stored under content-addressed names. */
@Injectable()
export class ImageService {
  constructor(@Inject(MEDIA_STORAGE) private readonly storage: MediaStorage) {}

  /** A staff upload: 400 unless it decodes as a JPEG, PNG or WebP of at most MAX_PIXELS. */
  async upload(input: Buffer): Promise<StoredImage> {
    if (input.length > MAX_UPLOAD_BYTES) throw new AppError(413, 'VALIDATION_FAILED', `图片不能超过 ${MAX_UPLOAD_TEXT}`);
    let meta: sharp.Metadata;
    try {
      meta = await sharp(input, { limitInputPixels: false }).metadata();
    } catch {
      throw badRequest(NOT_AN_IMAGE);
    }
    if (!ACCEPTED_FORMATS.has(meta.format)) throw badRequest(NOT_AN_IMAGE);
    if (meta.width * meta.height > MAX_PIXELS) throw badRequest(`图片尺寸过大：最多 ${MAX_PIXELS / 10_000} 万像素`);
    const upright = (meta.orientation ?? 1) >= 5;
    const stored = await this.save(digest(input), () => sharp(input, { limitInputPixels: MAX_PIXELS }).rotate(), '图片文件已损坏，无法读取');
    return { ...stored, width: upright ? meta.height : meta.width, height: upright ? meta.width : meta.height };
  }

  /** A picture drawn by the server (the demo store's): an SVG document rendered to the same variants. */
  async storeDrawing(svg: string): Promise<StoredImage> {
    const input = Buffer.from(svg);
    const meta = await sharp(input).metadata();
    // drawn at each size (a vector needs no resampling): density 72 draws it at its own width
    const stored = await this.save(digest(input), (size) => sharp(input, { density: (72 * size) / Math.max(meta.width, meta.height) }), 'SVG 无法绘制');
    return { ...stored, width: meta.width, height: meta.height };
  }

  /** Whether `url` is a gallery image (large variant) stored here. */
  async isStoredImage(url: string): Promise<boolean> {
    const m = LARGE_URL.exec(url);
    return m !== null && (await this.storage.has(nameOf(m[1], IMAGE_SIZES.large)));
  }

  /** A served file by name; null for an unknown or malformed name. */
  read(name: string): Promise<StoredObject | null> {
    return isImageName(name) ? this.storage.get(name) : Promise.resolve(null);
  }

  /** Renders every variant not stored yet (all of them in memory first: a broken picture stores nothing), then stores them. */
  private async save(id: string, source: (size: Size) => sharp.Sharp, brokenMessage: string): Promise<Omit<StoredImage, 'width' | 'height'>> {
    const sizes = Object.values(IMAGE_SIZES);
    const missing = (await Promise.all(sizes.map(async (size) => ((await this.storage.has(nameOf(id, size))) ? null : size)))).filter((s): s is Size => s !== null);
    let rendered: [Size, Buffer][];
    try {
      rendered = await Promise.all(
        missing.map(
          async (size) =>
            [
              size,
              await source(size)
                .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
                .flatten({ background: '#ffffff' })
                // plain libjpeg: mozjpeg's files are about a tenth smaller but take eight times as long (the seed draws 140)
                .jpeg({ quality: 82 })
                .toBuffer(),
            ] as [Size, Buffer],
        ),
      );
    } catch {
      throw badRequest(brokenMessage);
    }
    for (const [size, body] of rendered) await this.storage.put(nameOf(id, size), body, 'image/jpeg');
    return { id, url: imageUrl(id, IMAGE_SIZES.large), thumbUrl: imageUrl(id, IMAGE_SIZES.thumb) };
  }
}

const digest = (input: Buffer) => createHash('sha256').update(VARIANT_VERSION).update(input).digest('hex').slice(0, 32);
