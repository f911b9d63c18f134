/**
 * A value computed on first use and kept once it has been computed; a failed
 * attempt is forgotten, so the next call tries again (a remote GraphQL server
 * that was not up yet, a document that could not be built then).
 */
export function keptOnSuccess<T>(compute: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (kept) return kept;
    const attempt = compute();
    kept = attempt;
    attempt.catch(() => {
      if (kept === attempt) kept = undefined;
    });
    return attempt;
  };
}
