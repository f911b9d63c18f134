import type { Express } from "express";
import request from "supertest";
import { BASE } from "../harness.ts";

type Data = Record<string, unknown>;
type Link = { rel: string; href: string; method: string };

/** A path for supertest from an absolute link of the app (links are absolute under {@link BASE}). */
export function pathOf(href: string): string {
  return href.startsWith(BASE) ? href.slice(BASE.length) : href;
}

/** The REST side of the consistency suite: plain HTTP requests through the app, in-process. */
export class RestSide {
  constructor(readonly app: Express) {}

  get(href: string, headers: Record<string, string> = {}) {
    const req = request(this.app).get(pathOf(href));
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req;
  }

  /** A 200 body, failing with the problem details otherwise. */
  async body(href: string): Promise<Data> {
    const res = await this.get(href);
    if (res.status !== 200) throw new Error(`GET ${href}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Data;
  }

  /** Every item of a list, following `next` links from the first page; also the ids of each page. */
  async all(href: string, key: string): Promise<{ items: Data[]; pages: number }> {
    const items: Data[] = [];
    let next: string | undefined = href;
    let pages = 0;
    while (next) {
      const body = await this.body(next);
      pages++;
      items.push(...(body[key] as Data[]));
      next = (body._links as Link[]).find((link) => link.rel === "next")?.href;
      if (pages > 1000) throw new Error(`${href}: more than 1000 pages`);
    }
    return { items, pages };
  }
}
