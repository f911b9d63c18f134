import { registry } from "@tusk/registry";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_STEP_TIMEOUT,
  chromiumMissing,
  launchChromium,
  openWatchedPage,
  type PageTrouble,
  scrollDown,
} from "../../../../test-support/browser.ts";
import { serveTestApp } from "../../test/harness.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Swagger UI renders only the operations in view (it virtualises long lists), so read the
 * page as a reader would: scroll to the end, collecting what each screen shows.
 */
async function scrollThrough(page: Page): Promise<{ tags: Set<string>; operations: Set<string> }> {
  const tags = new Set<string>();
  const operations = new Set<string>();
  do {
    const tagNames = await page
      .locator(".opblock-tag")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-tag") ?? ""));
    for (const tag of tagNames) tags.add(tag);
    for (const id of await page.locator(".opblock").evaluateAll((nodes) => nodes.map((node) => node.id))) {
      operations.add(id);
    }
  } while (await scrollDown(page));
  return { tags, operations };
}

describe.skipIf(chromiumMissing())(
  "the API reference page in Chromium",
  { timeout: 3 * BROWSER_STEP_TIMEOUT },
  () => {
    let t: Awaited<ReturnType<typeof serveTestApp>>;
    let browser: Browser;
    let page: Page;
    let trouble: PageTrouble;
    let operationCount = 0;

    beforeAll(async () => {
      t = await serveTestApp();
      const document = (await (await fetch(`${t.url}/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const item of Object.values(document.paths)) {
        operationCount += Object.keys(item).filter((key) => METHODS.includes(key)).length;
      }
      browser = await launchChromium();
      ({ page, trouble } = await openWatchedPage(browser));
      // A browser opening the API root asks for text/html and gets the page.
      await page.goto(`${t.url}/v1`);
      await page.locator(".opblock").first().waitFor();
    }, 3 * BROWSER_STEP_TIMEOUT);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it("lists every resource and every operation of the OpenAPI document", async () => {
      const { tags, operations } = await scrollThrough(page);
      expect([...tags]).toEqual(["api", ...registry.resources.map((resource) => resource.path)]);
      expect(operationCount).toBeGreaterThan(registry.resources.length);
      expect(operations.size).toBe(operationCount);
    });

    it("at /docs, sends a request with Try it out and shows the answer", async () => {
      // A deep link opens one operation; its example identifier fills the path parameter.
      await page.goto(`${t.url}/docs#/products/getProductsByProductId`);
      const operation = page.locator("#operations-products-getProductsByProductId");
      const answered = page.waitForResponse((response) => response.url().startsWith(`${t.url}/v1/products/`));
      await operation.locator("button.execute").click();
      expect((await answered).status()).toBe(200);
      const body = operation.locator(".live-responses-table .response-col_description pre").first();
      await expect
        .poll(() => body.textContent(), { timeout: BROWSER_STEP_TIMEOUT })
        .toContain("The Amazing Widget");
    });

    it("loaded with no failed request and no console error", () => {
      expect(trouble).toEqual({ failedRequests: [], consoleErrors: [] });
    });
  },
);
