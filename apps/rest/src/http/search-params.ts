import type { Request } from "express";

/** The request's query string (Express's own parsing is not used: repeated and `+` values must read the same everywhere). */
export function searchParams(req: Request): URLSearchParams {
  const index = req.originalUrl.indexOf("?");
  return new URLSearchParams(index === -1 ? "" : req.originalUrl.slice(index + 1));
}
