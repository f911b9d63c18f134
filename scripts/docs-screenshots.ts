// `npm run docs:screenshots`: starts both APIs over an in-memory database with the demo data,
// opens each browser page they serve in headless Chromium and saves a screenshot in
// docs/images, where the API docs show them.
import { resolve } from "node:path";
import { launch } from "@tusk/launcher";
import type { Page } from "playwright-core";
import { CHROMIUM_PATH, launchChromium, openWatchedPage } from "../test-support/browser.ts";

interface Shot {
  readonly file: string;
  readonly url: (tusk: { restUrl: string; graphqlUrl: string }) => string;
  /** Resolves once the page shows what the picture is for. */
  readonly ready: (page: Page) => Promise<void>;
}

const SHOTS: readonly Shot[] = [
  {
    file: "api-reference.png",
    url: (tusk) => `${tusk.restUrl}/docs`,
    ready: (page) => page.locator(".opblock-tag[data-tag=users]").waitFor(),
  },
  {
    file: "graphiql.png",
    url: (tusk) => tusk.graphqlUrl,
    // The first example run, its result beside it, the docs explorer open on Query.
    ready: async (page) => {
      await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).click();
      await page.locator(".graphiql-execute-button").click();
      await page.locator(".graphiql-response").getByText('"data"').waitFor();
    },
  },
];

const imagesDir = resolve(import.meta.dirname, "..", "docs", "images");
const tusk = await launch({ restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory", host: "127.0.0.1" });
const browser = await launchChromium().catch((error: unknown) => {
  throw new Error(`docs:screenshots needs Chromium at ${CHROMIUM_PATH}: ${String(error)}`);
});
try {
  for (const shot of SHOTS) {
    const { page, trouble } = await openWatchedPage(browser);
    await page.goto(shot.url(tusk));
    await page.setViewportSize({ width: 1280, height: 1400 });
    await shot.ready(page);
    const path = resolve(imagesDir, shot.file);
    await page.screenshot({ path });
    if (trouble.failedRequests.length + trouble.consoleErrors.length > 0) {
      throw new Error(`${shot.file}: the page had trouble: ${JSON.stringify(trouble)}`);
    }
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await tusk.close();
}
