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

/** A phone-sized page in a fresh browser context (a fresh simulated citizen). */
export async function newPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 414, height: 896 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
