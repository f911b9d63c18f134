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

    it("takes a bearer token once with Authorize and sends it with every request it tries, after a reload too", async () => {
      // A page of its own: the answers are stand-ins, so the test is about what the page sends.
      const own = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      own.setDefaultTimeout(BROWSER_STEP_TIMEOUT);
      const sent: { path: string; authorization: string | undefined }[] = [];
      await own.route(
        (url) => url.pathname.startsWith("/v1/") && url.pathname !== "/v1/openapi.json",
        (route) => {
          const url = new URL(route.request().url());
          sent.push({ path: url.pathname, authorization: route.request().headers().authorization });
          return route.fulfill({ status: 200, contentType: "application/json", body: "{}" });
        },
      );
      try {
        await own.goto(`${t.url}/docs`);
        await own.locator("button.authorize").first().click();
        await own.locator('input[aria-label="auth-bearer-value"]').fill("a.test.token");
        await own.locator(".auth-btn-wrapper button.authorize").click();
        await own.locator(".auth-btn-wrapper button.btn-done").click();
        const tryOut = async (operationId: string, tag: string) => {
          await own.goto(`${t.url}/docs#/${tag}/${operationId}`);
          await own.reload();
          const operation = own.locator(`#operations-${tag}-${operationId}`);
          await operation.locator("button.execute").click();
          await expect.poll(() => sent.length, { timeout: BROWSER_STEP_TIMEOUT }).toBeGreaterThan(0);
          return sent.splice(0);
        };
        // One that needs a scope, and a public read, whose token is optional but still sent.
        expect(await tryOut("getOrders", "orders")).toEqual([
          { path: "/v1/orders", authorization: "Bearer a.test.token" },
        ]);
        expect(await tryOut("getProducts", "products")).toEqual([
          { path: "/v1/products", authorization: "Bearer a.test.token" },
        ]);
      } finally {
        await own.close();
      }
    });

    it("loaded with no failed request and no console error", () => {
      expect(trouble).toEqual({ failedRequests: [], consoleErrors: [] });
    });
  },
);
