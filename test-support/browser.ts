/**
 * Headless Chromium for the pages the apps serve (the API reference, GraphiQL): Debian's
 * `chromium` driven by playwright-core, since `playwright install` downloads browsers from a
 * CDN these machines cannot reach. Without Chromium the browser suites skip with a message,
 * unless TUSK_REQUIRE_CHROMIUM=1 (CI), where its absence fails them.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * How long one step in a page may take: these pages parse megabytes of script, and a busy
 * two-core machine is slow at it.
 */
export const BROWSER_STEP_TIMEOUT = 120_000;

/** The browser binary: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Why the browser suites cannot run here, or undefined when they can. Throws when Chromium is
 * required (TUSK_REQUIRE_CHROMIUM=1) and missing, so CI never skips them silently.
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const why = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.TUSK_REQUIRE_CHROMIUM === "1") {
    throw new Error(`TUSK_REQUIRE_CHROMIUM=1 but ${why}`);
  }
  console.warn(`Browser tests skipped: ${why}.`);
  return why;
}

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}

/** What went wrong while a page was open: requests that failed or answered an error, console errors. */
export interface PageTrouble {
  readonly failedRequests: string[];
  readonly consoleErrors: string[];
}

/**
 * A new page (1280×900) that records every failed request (network failure or status >= 400),
 * every console error and every uncaught exception.
 */
export async function openWatchedPage(browser: Browser): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(BROWSER_STEP_TIMEOUT);
  const trouble: PageTrouble = { failedRequests: [], consoleErrors: [] };
  page.on("requestfailed", (request) => {
    trouble.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      trouble.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") trouble.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => trouble.consoleErrors.push(String(error)));
  return { page, trouble };
}

/**
 * Scrolls the page down by half a screen and waits two frames for it to render; false once
 * the end was already in view. (A string, as the projects' types have no DOM library.)
 */
export async function scrollDown(page: Page): Promise<boolean> {
  return page.evaluate(`(async () => {
    if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) return false;
    window.scrollBy(0, window.innerHeight / 2);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return true;
  })()`);
}
