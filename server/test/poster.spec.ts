import { composePoster } from '../src/modules/distribution/poster';

// a 1×1 PNG, enough to stand for a mini-program code
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('poster drawing', () => {
  it('still draws a poster when the CJK font is missing and the picture is unreadable', async () => {
    const png = await composePoster({ title: '没有字体也要画出来', priceCents: 100, memberPriceCents: null, tagline: '', nickname: '小美', cover: Buffer.from('not an image'), qrCode: PIXEL }, ['/nonexistent/font.ttc']);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(750);
  });
});
