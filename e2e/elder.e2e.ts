/// <reference lib="dom" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../src/modules/identity/index.ts';
import { demoKioskKey } from '../src/modules/kiosk/index.ts';
import { launchChromium, serveForBrowser } from './browser.ts';
import { apiAs, PASSWORD, screenshot, signIn } from './helpers.ts';

const AXE_SOURCE = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const KIOSK_KEY = demoKioskKey('wenxin-street-centre');
const ZHANGSAN = '33010619900307123' + residentIdCheckCharacter('33010619900307123');

let server: Awaited<ReturnType<typeof serveForBrowser>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
// 张三's draft of 出生一件事 and a case of his handed in: the phone's case pages are measured too.
const cases = { draft: '', submitted: '' };

beforeAll(async () => {
  [server, chromium] = await Promise.all([serveForBrowser(), launchChromium()]);
  browser = chromium.browser;
  const zhangsan = await apiAs(server.baseUrl, 'zhangsan');
  cases.draft = (
    await zhangsan('POST', '/cases', { subject: { kind: 'bundle', key: 'birth' } })
  ).id;
  const mine = await zhangsan('GET', '/cases?state=in_review&limit=1');
  cases.submitted = mine.data[0]?.id ?? cases.draft;
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

interface Channel {
  name: string;
  path: string | (() => string);
  /** Signed in as this demo account first. */
  user?: string;
  /** Signed in at the kiosk by 张三's ID card on the reader first. */
  kioskCard?: boolean;
  viewport: { width: number; height: number };
  /** What shows the page has loaded. */
  ready: (page: Page) => Promise<void>;
  /** The channel starts in elder mode. */
  elderByDefault: boolean;
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const KIOSK = { width: 1080, height: 1920 };

const CHANNELS: Channel[] = [
  {
    name: 'portal',
    path: '/',
    viewport: { width: 1280, height: 900 },
    ready: (page) => page.getByLabel('搜索办事服务').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile',
    path: '/m',
    viewport: { width: 390, height: 844 },
    ready: (page) => page.getByRole('heading', { name: '掌上办' }).waitFor(),
    elderByDefault: false,
  },
  {
    name: 'kiosk',
    path: '/kiosk',
    viewport: { width: 1080, height: 1920 },
    ready: (page) => page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor(),
    elderByDefault: true,
  },
  {
    name: 'kiosk-home',
    path: '/kiosk',
    kioskCard: true,
    viewport: KIOSK,
    ready: (page) => page.getByRole('link', { name: /^我的办件/ }).waitFor(),
    elderByDefault: true,
  },
  {
    name: 'kiosk-cases',
    path: '/kiosk/cases',
    kioskCard: true,
    viewport: KIOSK,
    ready: (page) => page.getByTestId('kiosk-cases').locator('li').first().waitFor(),
    elderByDefault: true,
  },
  {
    name: 'kiosk-form',
    path: () => `/kiosk/cases/${cases.draft}`,
    kioskCard: true,
    viewport: KIOSK,
    ready: (page) => page.getByTestId('application-form').waitFor(),
    elderByDefault: true,
  },
  {
    name: 'kiosk-receipts',
    path: '/kiosk/receipts',
    kioskCard: true,
    viewport: KIOSK,
    ready: (page) => page.getByTestId('kiosk-receipts').locator('li').first().waitFor(),
    elderByDefault: true,
  },
  {
    name: 'portal-cases',
    path: '/cases',
    user: 'zhangsan',
    viewport: DESKTOP,
    ready: (page) => page.getByTestId('my-cases').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'portal-form',
    path: () => `/cases/${cases.draft}`,
    user: 'zhangsan',
    viewport: DESKTOP,
    ready: (page) => page.getByTestId('application-form').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-search',
    path: '/m/search?q=%E7%94%9F%E5%AD%A9%E5%AD%90',
    viewport: PHONE,
    ready: (page) => page.getByTestId('m-services').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-event',
    path: '/m/events/birth',
    viewport: PHONE,
    ready: (page) => page.getByTestId('m-services').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-guide',
    path: '/m/guide/bundle/birth',
    viewport: PHONE,
    ready: (page) => page.getByTestId('m-guide-materials').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-cases',
    path: '/m/cases',
    user: 'zhangsan',
    viewport: PHONE,
    ready: (page) => page.getByTestId('my-cases').locator('li').first().waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-case',
    path: () => `/m/cases/${cases.submitted}`,
    user: 'zhangsan',
    viewport: PHONE,
    ready: (page) => page.getByTestId('case-timeline').waitFor(),
    elderByDefault: false,
  },
  {
    name: 'mobile-form',
    path: () => `/m/cases/${cases.draft}`,
    user: 'zhangsan',
    viewport: PHONE,
    ready: (page) => page.getByTestId('application-form').waitFor(),
    elderByDefault: false,
  },
];

/** A fresh browser on a channel's main page, in elder mode or not (set as a visitor would). */
async function open(channel: Channel, elder: boolean) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: channel.viewport });
  await context.addInitScript((key) => localStorage.setItem('onetrip.kiosk.key', key), KIOSK_KEY);
  const page = await context.newPage();
  if (channel.user) {
    const login = await page.request.post(`${server.baseUrl}/api/v1/auth/login`, {
      data: { username: channel.user, password: PASSWORD },
    });
    expect(login.status()).toBe(200);
  }
  if (channel.kioskCard) {
    await page.goto(`${server.baseUrl}/kiosk`);
    await page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
    const read = await page.request.post(`${server.baseUrl}/api/v1/kiosk/card-reads`, {
      headers: { 'X-Kiosk-Key': KIOSK_KEY },
      data: { name: '张三', residentId: ZHANGSAN, validFrom: '20200101', validTo: '20400101' },
    });
    expect(read.status()).toBe(201);
    await page.getByTestId('kiosk-idle').waitFor();
  }
  const path = typeof channel.path === 'function' ? channel.path() : channel.path;
  await page.goto(`${server.baseUrl}${path}`);
  await channel.ready(page);
  const toggle = page.getByTestId('elder-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(elder)) await toggle.click();
  await page.waitForFunction(
    (on) => document.documentElement.hasAttribute('data-elder') === on,
    elder,
  );
  // Measure the page at rest, not under the pointer.
  await page.mouse.move(0, channel.viewport.height - 1);
  await page.evaluate(() => document.fonts.ready);
  return { page, close: () => context.close() };
}

interface Measured {
  texts: { text: string; fontSize: number; lineHeight: number; contrast: number }[];
  targets: { label: string; width: number; height: number }[];
  popups: number;
}

/** Computed styles and boxes of everything visible: text size, line height, contrast, targets. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!
        .split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (top: number[], bottom: number[]) => {
      const a = top[3]!;
      return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1);
    };
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3]! > 0) layers.push(bg);
        if (bg[3] === 1) break;
      }
      let colour = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const luminance = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return (
        r.width > 1 &&
        r.height > 1 &&
        s.visibility !== 'hidden' &&
        s.display !== 'none' &&
        Number(s.opacity) > 0 &&
        !el.closest('[aria-hidden="true"], .ot-visually-hidden, .ot-skip-link')
      );
    };
    const texts: Measured['texts'] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || !visible(el) || el.closest('script, style, noscript')) continue;
      const s = getComputedStyle(el);
      const fontSize = parseFloat(s.fontSize);
      const lineHeight = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / fontSize;
      const bg = background(el);
      const fg = over(parse(s.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      texts.push({
        text: text.slice(0, 40),
        fontSize,
        lineHeight,
        contrast: (hi! + 0.05) / (lo! + 0.05),
      });
    }
    const targets: Measured['targets'] = [];
    const selector =
      'a[href], button, select, textarea, input:not([type="hidden"]), [role="button"], [role="link"], [role="tab"], [role="switch"], [tabindex]:not([tabindex="-1"])';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      // antd draws radios and checkboxes over a hidden input: the label is the target.
      const target =
        el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
          ? (el.closest('label') ?? el)
          : el;
      if (!visible(target)) continue;
      const r = target.getBoundingClientRect();
      targets.push({
        label: (
          target.textContent?.trim() ||
          target.getAttribute('aria-label') ||
          target.id ||
          target.tagName
        ).slice(0, 40),
        width: r.width,
        height: r.height,
      });
    }
    const popups = Array.from(
      document.querySelectorAll('[role="dialog"], [role="alertdialog"], .ant-modal, .ant-popover'),
    ).filter(visible).length;
    return { texts, targets, popups };
  });
}

async function axe(page: Page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          o: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const result = await w.axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('elder mode (长辈版) meets MIIT 2021 适老化 figures', () => {
  it.each(CHANNELS.map((c) => [c.name, c] as const))(
    '%s: text ≥ 24 px, largest ≥ 40 px, line height ≥ 1.3, targets ≥ 60×60, contrast ≥ 4.5:1, no pop-ups',
    async (_name, channel) => {
      const { page, close } = await open(channel, true);
      const m = await measure(page);
      expect(m.texts.length).toBeGreaterThan(5);
      expect(m.texts.filter((t) => t.fontSize < 23.5)).toEqual([]);
      expect(Math.max(...m.texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(40);
      expect(m.texts.filter((t) => t.lineHeight < 1.3)).toEqual([]);
      expect(m.texts.filter((t) => t.contrast < 4.5)).toEqual([]);
      expect(m.targets.length).toBeGreaterThan(2);
      expect(m.targets.filter((t) => t.width < 59.5 || t.height < 59.5)).toEqual([]);
      expect(m.popups).toBe(0);
      await screenshot(page, `elder-${channel.name}`);
      await close();
    },
  );

  it.each(
    CHANNELS.flatMap((c) => [
      [c.name, 'elder', c, true] as const,
      [c.name, 'standard', c, false] as const,
    ]),
  )(
    '%s in %s mode: axe-core finds no serious or critical issue',
    async (_name, _mode, channel, elder) => {
      const { page, close } = await open(channel, elder);
      expect(await axe(page)).toEqual([]);
      if (!elder) await screenshot(page, `standard-${channel.name}`);
      await close();
    },
  );

  it('is entered from the header by keyboard alone, and remembered in the browser', async () => {
    const channel = CHANNELS[0]!;
    const { page, close } = await open(channel, false);
    // Tab to the switch and press it: no mouse.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => document.activeElement?.getAttribute('data-testid') === 'elder-toggle',
        )
      )
        break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'elder-toggle',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-elder'));
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await channel.ready(page);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(
      true,
    );
    await close();
  });

  it('is remembered on the account of a signed-in user, on another device', async () => {
    const first = await signIn(browser, server.baseUrl, 'zhangsan', '/');
    await first.page.getByLabel('搜索办事服务').waitFor();
    const saved = first.page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences'));
    await first.page.getByTestId('elder-toggle').click();
    expect((await saved).status()).toBe(200);
    await first.close();
    const second = await signIn(browser, server.baseUrl, 'zhangsan', '/m');
    await second.page.waitForFunction(() => document.documentElement.hasAttribute('data-elder'));
    await screenshot(second.page, 'elder-mobile-signed-in');
    await second.close();
  });
});
