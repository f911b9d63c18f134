/** What the client sends, seen by a fetch that records requests instead of calling a server. */
import { expect, it } from "vitest";
import { createTuskClient } from "./client.ts";

function recordingClient(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const client = createTuskClient({
    baseUrl: "http://api.test",
    token: "t0ken",
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json", ...headers } });

it("sends the token to the API's origin only, never to another origin a link names", async () => {
  const { client, requests } = recordingClient(() => json({}));
  const from = {
    _links: [
      { rel: "self", href: "http://api.test/v1/products/1", method: "GET" as const },
      { rel: "elsewhere", href: "http://other.test/x", method: "GET" as const },
    ],
  };
  await client.GET("/v1", {});
  await client.follow(from, "self");
  await client.follow(from, "elsewhere");
  expect(requests.map((r) => [r.url, r.headers.get("authorization")])).toEqual([
    ["http://api.test/v1", "Bearer t0ken"],
    ["http://api.test/v1/products/1", "Bearer t0ken"],
    ["http://other.test/x", null],
  ]);
  expect(requests.every((r) => r.headers.get("accept") === "application/json")).toBe(true);
});

it("writes fields and zoom comma-separated and repeats filters", async () => {
  const { client, requests } = recordingClient(() => json({ products: [], _links: [] }));
  await client.GET("/v1/products", {
    params: {
      query: { fields: ["name", "price"], zoom: ["categories"], price: ["gte(1)", "lt(9)"], limit: 5 },
    },
  });
  const query = new URL(requests[0]?.url ?? "").searchParams;
  expect(query.getAll("fields")).toEqual(["name,price"]);
  expect(query.getAll("zoom")).toEqual(["categories"]);
  expect(query.getAll("price")).toEqual(["gte(1)", "lt(9)"]);
  expect(query.get("limit")).toBe("5");
});

it("writes the members of relation_filters as parameters of their own", async () => {
  const { client, requests } = recordingClient(() => json({ products: [], _links: [] }));
  await client.GET("/v1/products", {
    params: { query: { relation_filters: { "categories.name": "Widgets", "categories.count": "gte(2)" } } },
  });
  const query = new URL(requests[0]?.url ?? "").searchParams;
  expect([...query.entries()]).toEqual([
    ["categories.name", "Widgets"],
    ["categories.count", "gte(2)"],
  ]);
});

it("pages through next links from the Link header until there is none", async () => {
  const pages: Record<string, Response> = {
    "http://api.test/v1/books": json(
      { books: [{ isbn: "1" }], _links: [] },
      { Link: '<http://api.test/v1/books?cursor=2>; rel="next"' },
    ),
    "http://api.test/v1/books?cursor=2": json({ books: [{ isbn: "2" }, { isbn: "3" }], _links: [] }),
  };
  const { client, requests } = recordingClient(
    (request) => pages[request.url] ?? new Response(null, { status: 500 }),
  );
  const isbns: string[] = [];
  for await (const book of client.items(client.GET("/v1/books", {}))) isbns.push(book.isbn as string);
  expect(isbns).toEqual(["1", "2", "3"]);
  expect(requests).toHaveLength(2);
});
