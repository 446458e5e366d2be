/** Debian's Chromium through playwright-core: never a downloaded browser. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'e2e');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface E2eWorld {
  emulator: RunningEmulator;
  browser: Browser;
}

/** Starts the emulator process and Chromium for a test file, and stops both after it. */
export function useEmulatorAndChromium(): E2eWorld {
  const world = {} as E2eWorld;
  beforeAll(async () => {
    [world.emulator, world.browser] = await Promise.all([startEmulator(), launchChromium()]);
  }, 60000);
  afterAll(async () => {
    await world.browser?.close();
    await world.emulator?.stop();
  });
  return world;
}

/** The phone the screenshots are taken on: 390 × 844 CSS px (a 6.1-inch phone). */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A phone-sized page in a fresh browser context (a fresh simulated citizen).
 * `defaultFontPx` sets the browser's default font size, as a person who asked
 * for larger text would have it (Chromium's Page.setFontSizes).
 */
export async function newPhone(
  browser: Browser,
  { defaultFontPx, injectScripts = false }: { defaultFontPx?: number; injectScripts?: boolean } = {},
): Promise<Page> {
  // injectScripts: lets a test add a script of its own (axe-core) past the emulator's Content-Security-Policy.
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN', bypassCSP: injectScripts });
  const page = await context.newPage();
  if (defaultFontPx) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: defaultFontPx } });
  }
  return page;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
