import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/ProductsPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'op1', role: 'operator' as const };
const CATEGORIES = [{ id: 11, parentId: null, name: '苹果', iconUrl: '', sort: 0, active: true }];
const FIRST = { timeout: 15000 };

const img = (c: string) => ({ id: c.repeat(32), url: `/api/media/img/${c.repeat(32)}-800.jpg`, thumbUrl: `/api/media/img/${c.repeat(32)}-400.jpg`, width: 800, height: 800 });
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map(img);

const PRODUCT = {
  id: 5, categoryId: 11, title: '红富士苹果', subtitle: '', coverUrl: A.thumbUrl, images: [A.url, B.url], description: '<h3>产地直发</h3><p>脆甜多汁</p>', onShelf: true, memberOnly: false, sort: 0,
  skus: [{ id: 51, specs: {}, priceCents: 1990, memberPriceCents: null, memberDayPriceCents: null, stock: 100, weightGrams: 0, active: true }],
};

const tiles = () => [...document.querySelectorAll<HTMLElement>('.gallery-tile')].map((t) => t.dataset.url);
const picture = (name: string, type = 'image/png', size = 10) => new File([new Uint8Array(size)], name, { type });
const uploads = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.filter(([u, init]) => String(u) === '/api/admin/media/images' && init?.method === 'POST').map(([, init]) => init!.body as FormData);

describe('product pictures and description', { timeout: 45000 }, () => {
  it('shows the gallery cover first, reorders, uploads, inserts a picture in the description and saves them', async () => {
    const answers = [json(201, C), apiError(400, 'VALIDATION_FAILED', '只能上传 JPEG、PNG 或 WebP 格式的图片'), json(201, D)];
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products/5': () => json(200, PRODUCT),
      'POST /api/admin/media/images': () => answers.shift()!,
      'PUT /api/admin/products/5': () => json(200, PRODUCT),
      'GET /api/admin/products': () => json(200, { items: [], total: 0 }),
    });
    renderApp('/products/5');
    expect(await screen.findByText('编辑商品', undefined, FIRST)).toBeTruthy();
    await waitFor(() => expect(tiles()).toEqual([A.url, B.url]));
    const first = document.querySelector('.gallery-tile')!;
    expect(first.querySelector('img')!.getAttribute('src')).toBe(A.thumbUrl);
    expect(first.textContent).toContain('封面');
    // the description's HTML is in the editor
    await waitFor(() => expect(document.querySelector('.rich-text-content h3')?.textContent).toBe('产地直发'));

    fireEvent.click(document.querySelectorAll('.gallery-make-cover')[0]);
    await waitFor(() => expect(tiles()).toEqual([B.url, A.url]));
    expect(document.querySelector('.gallery-tile')!.textContent).toContain('封面');

    // rc-upload renders a new input after each pick
    const input = () => document.querySelector('.gallery-upload input[type=file]')!;
    fireEvent.change(input(), { target: { files: [picture('c.png')] } });
    await waitFor(() => expect(tiles()).toEqual([B.url, A.url, C.url]));
    const sent = uploads(fetchMock)[0];
    expect(sent).toBeInstanceOf(FormData);
    expect((sent.get('file') as File).name).toBe('c.png');

    // the server's refusal is shown with the file's name; a wrong type or size is refused before sending
    fireEvent.change(input(), { target: { files: [picture('fake.png')] } });
    await waitFor(() => expect(uploads(fetchMock)).toHaveLength(2));
    expect(await screen.findByText('fake.png：只能上传 JPEG、PNG 或 WebP 格式的图片')).toBeTruthy();
    fireEvent.change(input(), { target: { files: [picture('big.jpg', 'image/jpeg', 5 * 1024 * 1024 + 1)] } });
    expect(await screen.findByText('big.jpg：图片不能超过 5 MB')).toBeTruthy();
    expect(uploads(fetchMock)).toHaveLength(2);

    fireEvent.click(document.querySelectorAll('.gallery-remove')[1]);
    await waitFor(() => expect(tiles()).toEqual([B.url, C.url]));

    fireEvent.change(document.querySelector('.rich-text-file')!, { target: { files: [picture('d.jpg', 'image/jpeg')] } });
    await waitFor(() => expect(document.querySelector(`.rich-text-content img[src="${D.url}"]`)).not.toBeNull());

    fireEvent.click(document.querySelector('.product-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/products/5')).toHaveLength(1));
    const body = callsTo(fetchMock, 'PUT', '/api/admin/products/5')[0].body as { images: string[]; description: string };
    expect(body.images).toEqual([B.url, C.url]);
    expect(body.description).toContain('<h3>产地直发</h3><p>脆甜多汁</p>');
    expect(body.description).toContain(`<img src="${D.url}" alt="">`);
  });

  it('sends neither pictures nor description when they were not touched', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products/5': () => json(200, PRODUCT),
      'PUT /api/admin/products/5': () => json(200, PRODUCT),
      'GET /api/admin/products': () => json(200, { items: [], total: 0 }),
    });
    renderApp('/products/5');
    expect(await screen.findByText('编辑商品', undefined, FIRST)).toBeTruthy();
    await waitFor(() => expect(tiles()).toEqual([A.url, B.url]));
    fireEvent.click(document.querySelector('.product-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/products/5')).toHaveLength(1));
    const body = callsTo(fetchMock, 'PUT', '/api/admin/products/5')[0].body as Record<string, unknown>;
    expect(body).not.toHaveProperty('images');
    expect(body).not.toHaveProperty('description');
  });
});
