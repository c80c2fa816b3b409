// What the browser tests share: the Chromium they run in, why they are
// skipped, where screenshots go, and the local workspace opened in a page.
import { expect } from "vitest";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { startExampleWorkspace, type Started } from "../local/local-workspace.js";

export const CHROMIUM = "/usr/bin/chromium";

// Screenshots go to a temporary folder unless DONDOC_SCREENSHOTS=docs, which
// refreshes the ones README shows (docs/screenshots/) without dirtying every run.
export const SHOTS = process.env.DONDOC_SCREENSHOTS === "docs" ? fileURLToPath(new URL("../../docs/screenshots/", import.meta.url)) : `${tmpdir()}/dondoc-screenshots/`;

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--lang=vi-VN",
];

/** Why the browser tests do not run here, or undefined when they do (`npm run test:e2e` with Debian's Chromium). */
export const skipped: string | undefined = !process.env.DONDOC_E2E
  ? "run it with `npm run test:e2e`"
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji`
    : undefined;
if (skipped && process.env.DONDOC_E2E) console.warn(`browser test skipped: ${skipped}`);

export interface OpenWorkspace {
  w: Started;
  browser: Browser;
  page: Page;
  /** A screenshot of the page as SHOTS/<prefix><name>.png. */
  shot: (name: string) => Promise<Buffer>;
  /** Types a message (or a /kehoach command) in the composer and sends it. */
  send: (text: string) => Promise<void>;
  /** Picks who the page acts as ("Tôi là"). */
  as: (user: string) => Promise<void>;
  /** Opens a channel from the sidebar and waits until its title shows. */
  openChannel: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * The example workspace started and opened in Chromium (Vietnamese, Hanoi's
 * time zone), ready once the page says so; a page error fails the test.
 */
export async function openWorkspace(options: { workspace?: Parameters<typeof startExampleWorkspace>[0]; height?: number; shotPrefix?: string } = {}): Promise<OpenWorkspace> {
  mkdirSync(SHOTS, { recursive: true });
  const { chromium } = await import("playwright-core");
  const [w, browser] = await Promise.all([startExampleWorkspace(options.workspace), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
  const context = await browser.newContext({ viewport: { width: 1280, height: options.height ?? 800 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  await page.goto(w.local.url);
  await page.waitForSelector("body[data-ready]");
  return {
    w,
    browser,
    page,
    shot: (name) => page.screenshot({ path: `${SHOTS}${options.shotPrefix ?? ""}${name}.png` }),
    send: async (text) => {
      await page.locator("#composer-input").fill(text);
      await page.locator("#composer-input").press("Enter");
    },
    as: async (user) => {
      await page.selectOption("#who", user);
    },
    openChannel: async (name) => {
      await page.locator(".nav-item", { hasText: name }).first().click();
      await expect.poll(() => page.locator("#title").textContent()).toBe(`# ${name}`);
    },
    close: async () => {
      await browser.close();
      await w.close();
    },
  };
}
