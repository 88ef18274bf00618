import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, trackErrors } from './browser';
import { RunningServer, startBuiltServer } from './server';

/**
 * What every browser spec needs: the built server (embedded demo database, WeChat simulator, dev tools)
 * and Chromium, started once per spec file, with page helpers for the H5 shop and the admin page.
 */
export interface Shop {
  readonly server: RunningServer;
  readonly browser: BrowserContext;
  /** `/shop/` → `http://127.0.0.1:<port>/shop/`. */
  url(path: string): string;
  /** A new page in the phone viewport (375×812) with its page errors collected. */
  phonePage(): Promise<TrackedPage>;
  /** A new page sized for the admin page (1280×800) with its page errors collected. */
  adminPage(): Promise<TrackedPage>;
  /** Opens the H5 shop's home and waits for the demo WeChat login to succeed. */
  openShop(page: Page): Promise<void>;
  /** Opens /admin/ and logs in as the demo owner (admin / admin123); waits for the menu. */
  loginAdmin(page: Page): Promise<void>;
  /** Moves the server's clock (`POST /api/dev/clock`); null goes back to the real time. */
  setClock(now: Date | string | null): Promise<void>;
}

export interface TrackedPage {
  page: Page;
  /** Uncaught errors of the page so far (`pageerror`). */
  errors: string[];
}

/** Starts the server and the browser in beforeAll and stops them in afterAll of the calling describe block. */
export function useShop(env: Record<string, string> = {}): Shop {
  let server: RunningServer | undefined;
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startBuiltServer(env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(what: T | undefined, name: string): T => {
    if (what === undefined) throw new Error(`${name} is not started: use it inside a test (useShop starts it in beforeAll)`);
    return what;
  };

  const shop: Shop = {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    url: (path) => `${shop.server.baseUrl}${path}`,
    async phonePage() {
      const page = await shop.browser.newPage();
      return { page, errors: trackErrors(page) };
    },
    async adminPage() {
      const page = await shop.browser.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      return { page, errors: trackErrors(page) };
    },
    async openShop(page) {
      const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/wechat-login') && r.status() === 200);
      await page.goto(shop.url('/shop/'));
      await login;
    },
    async loginAdmin(page) {
      await page.goto(shop.url('/admin/'));
      await page.locator('#username').waitFor();
      await page.fill('#username', 'admin');
      await page.fill('#password', 'admin123');
      await page.click('.login-submit');
      await page.locator('.ant-menu').first().getByText('概览').waitFor();
    },
    async setClock(now) {
      const res = await fetch(shop.url('/api/dev/clock'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now: now === null ? null : new Date(now).toISOString() }),
      });
      if (res.status !== 200) throw new Error(`POST /api/dev/clock answered ${res.status}: ${await res.text()}`);
    },
  };
  return shop;
}

/** Taro H5 slides pages in and out and shows toasts: wait until they are done, then take the picture (`.tmp/screenshots/<name>.png`). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => a.playState !== 'running') &&
      [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => getComputedStyle(t).display === 'none'),
  );
  await screenshot(page, name);
}

/** The shop's current page path (hash routing), e.g. `/order/pages/checkout/index`. */
export const shopPath = (page: Page): string => new URL(page.url()).hash.replace(/^#/, '').split('?')[0];

/** Drags a column of the open H5 picker (Taro's weui picker, 34 px rows) to the row showing `name`. */
export async function pickColumn(page: Page, column: number, name: string): Promise<void> {
  const group = page.locator('.weui-picker__group:visible').nth(column);
  // a column follows the one before it a moment after that one stops
  let items: string[] = [];
  for (const started = Date.now(); !items.includes(name) && Date.now() - started < 5_000; await page.waitForTimeout(100)) {
    items = await group.locator('.weui-picker__item').allTextContents();
  }
  const target = items.indexOf(name);
  if (target < 0) throw new Error(`${name} is not in column ${column}: ${items.join(' ')}`);
  const transform = await group.locator('.weui-picker__content').evaluate((el) => getComputedStyle(el).transform);
  const y = transform === 'none' ? 102 : Number(transform.split(',')[5].replace(')', ''));
  const current = Math.round((102 - y) / 34);
  const box = (await group.boundingBox())!;
  const x = box.x + box.width / 2;
  let at = box.y + box.height / 2;
  for (let left = target - current; left !== 0; ) {
    // at most 3 rows a drag, so the pointer stays on the column
    const rows = Math.max(-3, Math.min(3, left));
    await page.mouse.move(x, at);
    await page.mouse.down();
    await page.mouse.move(x, at - rows * 34, { steps: 8 });
    await page.mouse.up();
    left -= rows;
    at = box.y + box.height / 2;
  }
  await page.waitForFunction(
    ([c, row]) => {
      const groups = [...document.querySelectorAll<HTMLElement>('.weui-picker__group')].filter((g) => g.getBoundingClientRect().height > 0);
      const content = groups[c]?.querySelector<HTMLElement>('.weui-picker__content');
      const m = content && /matrix\(.*,\s*(-?[\d.]+)\)/.exec(getComputedStyle(content).transform);
      return m !== null && m !== undefined && Math.round((102 - Number(m[1])) / 34) === row;
    },
    [column, target] as const,
  );
}

/** `¥79.00` → 7900 (integer fen, no floats). */
export function fen(text: string | null): number {
  const m = /¥(\d+)\.(\d{2})/.exec(text ?? '');
  if (!m) throw new Error(`not a price: ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export { screenshot };
