/**
 * A reporter for database outages that writes one line per cause, not one per failed
 * request: an outage fails every request, and thousands of identical lines (or stacks) hide
 * the one fact the operator needs. The same cause is written again after `quietMs`, so a
 * long outage stays visible.
 *
 * @example
 * const report = databaseFaultLog((line) => console.error(line));
 * report("Can't reach database server at 127.0.0.1:5432 (P1001)");
 * // database unavailable: Can't reach database server at 127.0.0.1:5432 (P1001)
 */
export function databaseFaultLog(
  write: (line: string) => void,
  options: { readonly quietMs?: number; readonly now?: () => number } = {},
): (reason: string) => void {
  const quietMs = options.quietMs ?? 10_000;
  const now = options.now ?? Date.now;
  const lastWritten = new Map<string, number>();
  return (reason) => {
    const at = now();
    const last = lastWritten.get(reason);
    if (last !== undefined && at - last < quietMs) return;
    lastWritten.set(reason, at);
    write(`database unavailable: ${reason}`);
  };
}
