import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/openapi.ts";
import { findLink, type LinkSelector, type LinkSource } from "./links.ts";
import { TuskProblemError } from "./problem.ts";
import { serializeQuery } from "./query.ts";

/**
 * The media types the client asks for: NARWHL-JSON, and problem+json for errors.
 *
 * @example
 * const media: TuskMediaType = "application/json";
 */
export type TuskMediaType = "application/json" | "application/problem+json";

/**
 * Where the API is, and who calls it.
 *
 * @example
 * const options: TuskClientOptions = { baseUrl: "http://localhost:4000", token: process.env.TUSK_TOKEN };
 */
export interface TuskClientOptions {
  /** The server's public base URL, without `/v1` (`http://localhost:4000`). */
  readonly baseUrl: string;
  /** A bearer token, sent with every request to the API's own origin. */
  readonly token?: string;
  /** The fetch to use (default `globalThis.fetch`). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * What a call of the typed client resolves to, as far as the helpers need it.
 *
 * @example
 * const result: CallResult<unknown> = await client.GET("/v1", {});
 */
export interface CallResult<D> {
  readonly data?: D;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * A followed link: the parsed body (undefined when there is none) and the response.
 *
 * @example
 * const up: Followed | undefined = await client.follow(lineItem, "up");
 */
export interface Followed<T = unknown> {
  readonly data: T;
  readonly response: Response;
}

/**
 * The item type of a list representation: the element type of its one array member besides `_links`.
 *
 * @example
 * type Product = ItemOf<components["schemas"]["ProductList"]>;
 */
export type ItemOf<D> = {
  [K in keyof D]-?: K extends `_${string}` ? never : D[K] extends readonly (infer I)[] ? I : never;
}[keyof D];

/**
 * The typed openapi-fetch client, with the helpers hypermedia needs.
 *
 * @example
 * const client: TuskClient = createTuskClient({ baseUrl: "http://localhost:4000" });
 */
export interface TuskClient extends Client<paths, TuskMediaType> {
  /**
   * GETs the link a source names (see `findLink`); undefined when it has none. A problem answer
   * throws {@link TuskProblemError}. The body is not typed: pass what you expect, or use
   * `GET` with the link's path template for checked types.
   */
  follow<T = unknown>(from: LinkSource, selector: LinkSelector): Promise<Followed<T> | undefined>;
  /** Every page of a list, from the first call's result on through `next` links. */
  pages<D>(first: Promise<CallResult<D>>): AsyncGenerator<D, void, undefined>;
  /** Every item of a list, page after page. */
  items<D>(first: Promise<CallResult<D>>): AsyncGenerator<ItemOf<D>, void, undefined>;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * A typed client of the Tusk REST API. Calls are openapi-fetch's (`GET`, `POST`, `PATCH`,
 * `DELETE`, ... on path templates of the OpenAPI document), resolving to `{ data, error,
 * response }`; `unwrap` turns an error into a {@link TuskProblemError}. List parameters are written as
 * the document declares them: `?fields=name,price`, `?price=gte(1)&price=lt(9)`.
 *
 * @example
 * const client = createTuskClient({ baseUrl: "http://localhost:4000", token });
 * const { data } = await client.GET("/v1/products/{product_id}", { params: { path: { product_id: "73924" } } });
 * for await (const product of client.items(client.GET("/v1/products", { params: { query: { limit: 50 } } })))
 *   console.log(product.name);
 */
export function createTuskClient(options: TuskClientOptions): TuskClient {
  const origin = new URL(options.baseUrl).origin;
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const authorization = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const client = createClient<paths, TuskMediaType>({
    baseUrl: options.baseUrl,
    fetch: fetchImpl,
    headers: { Accept: "application/json", ...authorization },
    querySerializer: serializeQuery,
  });

  /** GETs an absolute link; the token goes only to the API's own origin, never to one a link names. */
  async function get(href: string): Promise<Followed> {
    const headers = new Headers({ Accept: "application/json" });
    if (options.token && new URL(href).origin === origin)
      headers.set("Authorization", `Bearer ${options.token}`);
    const response = await fetchImpl(new Request(href, { headers }));
    const data = await readBody(response);
    if (!response.ok) throw TuskProblemError.from(response, data);
    return { data, response };
  }

  async function* pages<D>(first: Promise<CallResult<D>>): AsyncGenerator<D, void, undefined> {
    const { data, error, response } = await first;
    if (error !== undefined || !response.ok) throw TuskProblemError.from(response, error);
    let page: Followed<D> = { data: data as D, response };
    for (;;) {
      yield page.data;
      const next = findLink(page, "next");
      if (!next) return;
      page = (await get(next.href)) as Followed<D>;
    }
  }

  async function* items<D>(first: Promise<CallResult<D>>): AsyncGenerator<ItemOf<D>, void, undefined> {
    for await (const page of pages(first)) {
      const list = Object.entries(page as object).find(
        ([key, value]) => !key.startsWith("_") && Array.isArray(value),
      );
      if (!list) throw new TypeError("not a list representation: no array member besides _links");
      yield* list[1] as ItemOf<D>[];
    }
  }

  async function follow<T>(from: LinkSource, selector: LinkSelector): Promise<Followed<T> | undefined> {
    const link = findLink(from, selector);
    return link ? ((await get(link.href)) as Followed<T>) : undefined;
  }

  return Object.assign(client, { follow, pages, items });
}
