/**
 * Reads the request/response examples of a Markdown guide (```http blocks,
 * a request followed by its response) and matches actual responses against
 * them, where the shown response is a subset (see docs/rest.md, "How to read
 * the examples").
 */

export interface ExampleRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: readonly [string, string][];
  readonly body: string | undefined;
}

export interface ExampleResponse {
  readonly status: number;
  readonly headers: readonly [string, string][];
  readonly body: unknown;
}

export interface Example {
  /** Line of the request block in the Markdown file, for messages. */
  readonly line: number;
  readonly request: ExampleRequest;
  readonly response: ExampleResponse;
}

const ELLIPSIS = "…";

function splitMessage(text: string): {
  start: string;
  headers: [string, string][];
  body: string | undefined;
} {
  const [head = "", ...rest] = text.split(/\n\s*\n/);
  const [start = "", ...headerLines] = head.split("\n");
  const headers = headerLines
    .filter((line) => line.trim() !== "")
    .map((line): [string, string] => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
  const body = rest.join("\n\n").trim();
  return { start: start.trim(), headers, body: body === "" ? undefined : body };
}

/** Whether a response's `Content-Type` shown is a text format rather than JSON. */
function textType(headers: readonly (readonly [string, string])[]): boolean {
  return headers.some(([name, value]) => name.toLowerCase() === "content-type" && value.startsWith("text/"));
}

/** Every example of a Markdown text, in order; throws on a request without a response. */
export function parseExamples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```http\n([\s\S]*?)^```$/gm)].map((match) => ({
    text: match[1] ?? "",
    line: markdown.slice(0, match.index).split("\n").length,
  }));
  const examples: Example[] = [];
  for (let index = 0; index < blocks.length; index += 2) {
    const request = blocks[index];
    const response = blocks[index + 1];
    if (!request || !response?.text.startsWith("HTTP/"))
      throw new Error(`line ${request?.line}: an http request block must be followed by a response block`);
    const req = splitMessage(request.text);
    const [method = "", path = ""] = req.start.split(" ");
    const res = splitMessage(response.text);
    const status = Number(res.start.split(" ")[1]);
    examples.push({
      line: request.line,
      request: { method, path, headers: req.headers, body: req.body },
      response: {
        status,
        headers: res.headers,
        // A text body (an export's CSV) is shown as it is; every other body is JSON.
        body: res.body === undefined ? undefined : textType(res.headers) ? res.body : JSON.parse(res.body),
      },
    });
  }
  return examples;
}

/** A shown text with `…` standing for any text. */
export function textMatches(shown: string, actual: string): boolean {
  if (!shown.includes(ELLIPSIS)) return shown === actual;
  const pattern = shown
    .split(ELLIPSIS)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${pattern}$`).test(actual);
}

/**
 * Where `actual` fails to contain what `shown` shows: objects show some
 * members, arrays all their elements in order unless they end with "…"
 * (then a subsequence), "…" is any value. Empty when it matches.
 */
export function partialMismatches(shown: unknown, actual: unknown, at = "body"): string[] {
  if (shown === ELLIPSIS) return [];
  if (typeof shown === "string") {
    return typeof actual === "string" && textMatches(shown, actual)
      ? []
      : [`${at}: expected ${JSON.stringify(shown)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    const open = shown.at(-1) === ELLIPSIS;
    const wanted = open ? shown.slice(0, -1) : shown;
    if (!open) {
      if (wanted.length !== actual.length)
        return [`${at}: expected ${wanted.length} elements, got ${actual.length}`];
      return wanted.flatMap((element, index) => partialMismatches(element, actual[index], `${at}[${index}]`));
    }
    let from = 0;
    for (const [index, element] of wanted.entries()) {
      const found = actual.findIndex(
        (candidate, i) => i >= from && partialMismatches(element, candidate).length === 0,
      );
      if (found === -1) return [`${at}[${index}]: no element matches ${JSON.stringify(element)}`];
      from = found + 1;
    }
    return [];
  }
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(shown).flatMap(([key, value]) =>
      Object.hasOwn(actual, key)
        ? partialMismatches(value, (actual as Record<string, unknown>)[key], `${at}.${key}`)
        : [`${at}.${key}: missing`],
    );
  }
  return shown === actual ? [] : [`${at}: expected ${JSON.stringify(shown)}, got ${JSON.stringify(actual)}`];
}
