import { createCanvas, GlobalFonts, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import { formatYuan } from '@mc/shared';

/** The CJK fonts fonts-noto-cjk installs (scripts/lib.sh); without them the poster still draws, with the default font. */
export const POSTER_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const FAMILY = 'PosterCJK';

export interface PosterInput {
  title: string;
  /** The price line (product: list and member price), or null for the card and home posters. */
  priceCents: number | null;
  memberPriceCents: number | null;
  /** A subtitle under the title when there is no price (the card page's promise). */
  tagline: string;
  nickname: string;
  /** The product picture (PNG, JPEG, SVG…), or null: a coloured panel instead. */
  cover: Buffer | null;
  /** The mini-program code (PNG). */
  qrCode: Buffer;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1100;

let fontsLoaded: string | null = null;

/** Registers the first CJK font found (once per font list); the family to draw with. */
function fontFamily(files: readonly string[]): string {
  const key = files.join('|');
  if (fontsLoaded === key) return `${FAMILY}, sans-serif`;
  let any = false;
  for (const file of files) {
    if (existsSync(file) && GlobalFonts.registerFromPath(file, FAMILY)) any = true;
  }
  fontsLoaded = key;
  return any ? `${FAMILY}, sans-serif` : 'sans-serif';
}

async function image(buf: Buffer | null): Promise<Image | null> {
  if (!buf) return null;
  try {
    return await loadImage(buf);
  } catch {
    return null;
  }
}

/** Cuts `text` to what fits `maxWidth` on `lines` lines, with … at the end when cut. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number, lines: number): string[] {
  const out: string[] = [];
  let rest = [...text];
  while (rest.length && out.length < lines) {
    let n = rest.length;
    while (n > 1 && ctx.measureText(rest.slice(0, n).join('')).width > maxWidth) n--;
    let line = rest.slice(0, n).join('');
    rest = rest.slice(n);
    if (rest.length && out.length === lines - 1) line = `${[...line].slice(0, Math.max(1, [...line].length - 1)).join('')}…`;
    out.push(line);
  }
  return out;
}

/**
 * One poster PNG: the picture on top, title and price, the distributor's name and the
 * mini-program code. Pure drawing with @napi-rs/canvas (Skia, prebuilt for linux-x64).
 */
export async function composePoster(p: PosterInput, fontFiles: readonly string[] = POSTER_FONT_FILES): Promise<Buffer> {
  const font = fontFamily(fontFiles);
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  const cover = await image(p.cover);
  if (cover) {
    const side = Math.min(cover.width, cover.height);
    ctx.drawImage(cover, (cover.width - side) / 2, (cover.height - side) / 2, side, side, 0, 0, POSTER_WIDTH, POSTER_WIDTH);
  } else {
    ctx.fillStyle = '#fdecea';
    ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_WIDTH);
    ctx.fillStyle = '#e4393c';
    ctx.font = `bold 64px ${font}`;
    ctx.textAlign = 'center';
    ctx.fillText('会员商城', POSTER_WIDTH / 2, POSTER_WIDTH / 2);
    ctx.textAlign = 'left';
  }

  ctx.fillStyle = '#222222';
  ctx.font = `bold 38px ${font}`;
  let y = POSTER_WIDTH + 60;
  for (const line of wrap(ctx, p.title, POSTER_WIDTH - 300, 2)) {
    ctx.fillText(line, 40, y);
    y += 50;
  }
  if (p.priceCents !== null) {
    const shown = p.memberPriceCents !== null && p.memberPriceCents < p.priceCents ? p.memberPriceCents : p.priceCents;
    ctx.fillStyle = '#e4393c';
    ctx.font = `bold 52px ${font}`;
    ctx.fillText(`¥${formatYuan(shown)}`, 40, y + 30);
    if (shown !== p.priceCents) {
      ctx.fillStyle = '#999999';
      ctx.font = `26px ${font}`;
      ctx.fillText(`会员价 · 原价 ¥${formatYuan(p.priceCents)}`, 40, y + 76);
    }
  } else {
    ctx.fillStyle = '#e4393c';
    ctx.font = `30px ${font}`;
    for (const line of wrap(ctx, p.tagline, POSTER_WIDTH - 300, 2)) {
      ctx.fillText(line, 40, y + 10);
      y += 42;
    }
  }
  ctx.fillStyle = '#666666';
  ctx.font = `28px ${font}`;
  ctx.fillText(wrap(ctx, `${p.nickname} 为你推荐`, POSTER_WIDTH - 320, 1)[0] ?? '', 40, POSTER_HEIGHT - 50);

  const qr = await image(p.qrCode);
  const size = 220;
  if (qr) ctx.drawImage(qr, POSTER_WIDTH - size - 40, POSTER_HEIGHT - size - 70, size, size);
  ctx.fillStyle = '#999999';
  ctx.font = `22px ${font}`;
  ctx.textAlign = 'center';
  ctx.fillText('长按识别小程序码', POSTER_WIDTH - size / 2 - 40, POSTER_HEIGHT - 36);
  return canvas.encode('png');
}
