import type { Page } from 'playwright-core';
import { screenshot, shot, useShop } from '../support/shop';

const PRODUCT = '明前龙井 100g';

/** A picture drawn in the browser's canvas (a gradient, a leaf and a word), as PNG bytes. */
async function drawnPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 900;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 1200, 900);
    grad.addColorStop(0, '#fde68a');
    grad.addColorStop(1, '#f97316');
    g.fillStyle = grad;
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#166534';
    g.beginPath();
    g.ellipse(600, 450, 140, 300, Math.PI / 5, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#ffffff';
    g.font = 'bold 120px sans-serif';
    g.fillText('新茶上市', 360, 820);
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/**
 * Product pictures end to end: staff upload a picture to a product's gallery on the admin page,
 * drag it to the front (the cover), add a line to the description in the editor and save; the H5
 * product page then shows that picture first in its swipeable gallery and the description as rich text.
 */
describe('product pictures: uploaded in the admin, shown in the shop (admin page and H5 shop)', () => {
  const shop = useShop();

  it('uploads a picture, makes it the cover, and the shop’s product page shows it first', async () => {
    const found = await (await fetch(shop.url(`/api/products?q=${encodeURIComponent(PRODUCT)}`))).json();
    const productId: number = found.items[0].id;

    // ---------------------------------------------------------------- staff: the product form
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url(`/admin/products/${productId}`));
    const tiles = admin.locator('.gallery-tile');
    await tiles.nth(1).waitFor();
    expect(await tiles.count()).toBe(2); // the seed's two drawn pictures
    const input = admin.locator('.gallery-upload input[type=file]');

    // a text file named .png: refused by the server, with its sentence
    await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture, only words') });
    await admin.locator('.ant-message', { hasText: 'notes.png：只能上传 JPEG、PNG 或 WebP 格式的图片' }).waitFor();
    expect(await tiles.count()).toBe(2);

    const uploaded = admin.waitForResponse((r) => r.url().endsWith('/api/admin/media/images') && r.request().method() === 'POST');
    await input.setInputFiles({ name: 'new-tea.png', mimeType: 'image/png', buffer: await drawnPng(admin) });
    const image = await (await uploaded).json();
    expect(image.url).toMatch(/^\/api\/media\/img\/[0-9a-f]{32}-800\.jpg$/);
    const newTile = admin.locator(`.gallery-tile[data-url="${image.url}"]`);
    await newTile.waitFor();
    await newTile.locator('img').evaluate((img: HTMLImageElement) => img.decode());

    // drag the new picture (third) onto the first: it becomes the cover
    const from = (await newTile.boundingBox())!;
    const to = (await tiles.first().boundingBox())!;
    await admin.mouse.move(from.x + 30, from.y + 30);
    await admin.mouse.down();
    for (let i = 1; i <= 10; i++) await admin.mouse.move(from.x + 30 + ((to.x - from.x) * i) / 10, from.y + 30 + ((to.y - from.y) * i) / 10);
    await admin.mouse.up();
    await admin.locator(`.gallery-tile:first-child[data-url="${image.url}"] .gallery-cover`).waitFor();

    // the description: a new bold line in the editor
    const editor = admin.locator('.rich-text-content');
    await editor.locator('h3').waitFor();
    await editor.click();
    await admin.keyboard.press('Control+End');
    await admin.keyboard.press('Enter');
    await admin.locator('.rich-text-toolbar button[aria-label="加粗"]').click();
    await admin.keyboard.type('今年新茶，限量供应');
    await editor.locator('strong', { hasText: '今年新茶，限量供应' }).waitFor();
    await admin.setViewportSize({ width: 1280, height: 1400 });
    await admin.locator('.image-gallery').scrollIntoViewIfNeeded();
    await screenshot(admin, 'admin-product-images');

    const saved = admin.waitForResponse((r) => r.url().endsWith(`/api/admin/products/${productId}`) && r.request().method() === 'PUT');
    await admin.locator('.product-submit').click();
    const res = await saved;
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.images[0]).toBe(image.url);
    expect(body.images).toHaveLength(3);
    expect(body.description).toContain('<strong>今年新茶，限量供应</strong>');
    await admin.locator('.ant-message', { hasText: '商品已保存' }).waitFor();
    expect(adminErrors).toEqual([]);

    // the cover in the staff list is the new picture's thumbnail
    await admin.locator('.product-row').first().waitFor();

    // ---------------------------------------------------------------- customer: the product page
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.goto(shop.url(`/shop/#/pages/product/index?id=${productId}`));
    const gallery = page.locator('.detail-gallery .detail-image img');
    await gallery.first().waitFor();
    // the first slide shows the uploaded picture, loaded
    const first = page.locator('.detail-gallery .swiper-slide-active .detail-image img');
    await page.waitForFunction((url) => {
      const img = document.querySelector<HTMLImageElement>('.detail-gallery .swiper-slide-active .detail-image img');
      return img !== null && img.getAttribute('src') === url && img.complete && img.naturalWidth === 800;
    }, image.url);
    expect(await first.getAttribute('src')).toBe(image.url);
    await page.locator('.detail-desc-rich strong', { hasText: '今年新茶，限量供应' }).waitFor();
    await page.locator('.detail-desc-rich h3').waitFor();
    await shot(page, 'shop-product-gallery');

    // swipe to the next picture
    const box = (await page.locator('.detail-gallery').boundingBox())!;
    await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width - 40 - (box.width * 0.7 * i) / 8, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForFunction((url) => document.querySelector('.detail-gallery .swiper-slide-active .detail-image img')?.getAttribute('src') === url, body.images[1]);
    await page.locator('.detail-desc-rich').scrollIntoViewIfNeeded();
    await shot(page, 'shop-product-description');
    expect(errors).toEqual([]);
  });
});
