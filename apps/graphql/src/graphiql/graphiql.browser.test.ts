import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { registry } from "@tusk/registry";
import { type ListeningServer, listen } from "@tusk/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_STEP_TIMEOUT,
  chromiumMissing,
  launchChromium,
  openWatchedPage,
  type PageTrouble,
} from "../../../../test-support/browser.ts";
import { createGraphqlApp } from "../app.ts";
import { readExampleQueries } from "./assets.ts";

describe.skipIf(chromiumMissing())("GraphiQL in Chromium", { timeout: 3 * BROWSER_STEP_TIMEOUT }, () => {
  let db: Database;
  let running: ListeningServer;
  let stopApollo: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let trouble: PageTrouble;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
    const { app, stop } = await createGraphqlApp({ db, baseUrl: "http://localhost:4000" });
    running = await listen({ port: 0, host: "127.0.0.1" });
    running.handle(app);
    stopApollo = stop;
    browser = await launchChromium();
    ({ page, trouble } = await openWatchedPage(browser));
    // A browser opening the endpoint asks for text/html and gets GraphiQL.
    await page.goto(`${running.url}/graphql`);
    await page.locator(".graphiql-doc-explorer").waitFor();
  }, 3 * BROWSER_STEP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await running?.drain(5_000);
    await stopApollo?.();
    await db?.close();
  });

  it("opens the documented example queries as tabs", async () => {
    expect(await page.locator(".graphiql-tab").count()).toBe(readExampleQueries().length);
  });

  it("lists every resource's collection in the docs explorer", async () => {
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).click();
    const fields = page.locator(".graphiql-doc-explorer-field-name");
    await fields.first().waitFor();
    const names = await fields.allTextContents();
    expect(names).toEqual(expect.arrayContaining(registry.rootResources.map((resource) => resource.plural)));
  });

  it("runs the open query and shows its result", async () => {
    const answered = page.waitForResponse(
      (response) => response.url() === `${running.url}/graphql` && response.request().method() === "POST",
    );
    await page.locator(".graphiql-execute-button").click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(await response.json()).toHaveProperty("data");
    await expect
      .poll(() => page.locator(".graphiql-response").textContent(), { timeout: BROWSER_STEP_TIMEOUT })
      .toContain('"data"');
  });

  it("loaded with no failed request and no console error", () => {
    expect(trouble).toEqual({ failedRequests: [], consoleErrors: [] });
  });
});
