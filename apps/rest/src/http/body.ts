import { ApiError } from "@tusk/errors";
import contentType from "content-type";
import express, { type Request, type Response } from "express";

/** The largest request body accepted; larger is 413. */
const BODY_LIMIT = "100kb";

// `type: () => true`: the media type is checked below (415) before parsing.
const parseJson = express.json({ type: () => true, limit: BODY_LIMIT, strict: false });

function mediaTypeOf(req: Request): string | undefined {
  const header = req.get("content-type");
  if (!header) return undefined;
  try {
    const parsed = contentType.parse(header);
    const charset = parsed.parameters.charset?.toLowerCase();
    return charset === undefined || charset === "utf-8" ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSON request body: 415 for a media type not in `accepted` (with
 * `Accept-Patch`/`Accept-Post` saying what is), 413 above {@link BODY_LIMIT},
 * 400 for malformed JSON or a missing body.
 */
export async function readJsonBody(
  req: Request,
  res: Response,
  accepted: readonly string[],
): Promise<unknown> {
  const type = mediaTypeOf(req);
  if (!type || !accepted.includes(type)) {
    const list = accepted.join(", ");
    const header = req.method === "PATCH" ? "Accept-Patch" : "Accept-Post";
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${list} (UTF-8).`, {
      headers: { [header]: list, Accept: list },
    });
  }
  try {
    await new Promise<void>((resolve, reject) => {
      parseJson(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
    });
  } catch (error) {
    const kind = (error as { type?: unknown }).type;
    if (kind === "entity.too.large")
      throw new ApiError("PAYLOAD_TOO_LARGE", `The body is larger than ${BODY_LIMIT}.`);
    throw new ApiError("BAD_USER_INPUT", "The body is not well-formed JSON.", {
      invalidParams: [{ name: "body", reason: "malformed JSON" }],
    });
  }
  if (req.body === undefined) {
    throw new ApiError("BAD_USER_INPUT", "A JSON body is required.", {
      invalidParams: [{ name: "body", reason: "missing" }],
    });
  }
  return req.body as unknown;
}
