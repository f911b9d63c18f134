import type { BenchCase } from "./cases.ts";
import { load, type Measurement, prepareCase, verify } from "./load.ts";
import { adminAuthorization } from "./subjects/auth.ts";
import { startSubject } from "./subjects/process.ts";

/** Resident memory of the server at one moment of the soak. */
export interface RssSample {
  /** Seconds since the load started. */
  readonly second: number;
  readonly rss: number;
}

export interface SoakOptions {
  readonly databaseUrl: string;
  readonly benchCase: BenchCase;
  readonly seconds: number;
  /** Seconds of load before the first sample, so start-up allocation does not count as growth. */
  readonly warmup: number;
  readonly connections: number;
  /** Seconds between samples (default: 20 samples over the soak, at least one a second). */
  readonly every?: number;
}

/**
 * Loads one case for a long time and samples the server's resident memory as it goes: a leak
 * shows as growth that does not level off.
 *
 * @example
 * const { samples } = await soak({ databaseUrl, benchCase, seconds: 300, warmup: 10, connections: 16 });
 */
export async function soak(
  options: SoakOptions,
): Promise<{ samples: RssSample[]; measurement: Measurement }> {
  const subject = await startSubject(options.benchCase.subject, options.databaseUrl);
  try {
    const prepared = await prepareCase(subject.origin, options.benchCase, await adminAuthorization());
    await verify(prepared);
    if (options.warmup > 0)
      await load(prepared, { seconds: options.warmup, connections: options.connections });
    const every = options.every ?? Math.max(1, options.seconds / 20);
    const started = Date.now();
    const samples: RssSample[] = [{ second: 0, rss: (await subject.usage()).rss }];
    const sampling = setInterval(() => {
      void subject.usage().then(({ rss }) => samples.push({ second: (Date.now() - started) / 1000, rss }));
    }, every * 1000);
    const measurement = await load(prepared, { seconds: options.seconds, connections: options.connections });
    clearInterval(sampling);
    samples.push({ second: (Date.now() - started) / 1000, rss: (await subject.usage()).rss });
    return { samples, measurement };
  } finally {
    await subject.stop();
  }
}

function growth(from: number, to: number): string {
  if (from === 0) return "n/a";
  const percent = ((to - from) / from) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)} % (${(from / MB).toFixed(1)} MB → ${(to / MB).toFixed(1)} MB)`;
}

const MB = 1024 * 1024;

/**
 * The samples as a Markdown table, then the growth to the last sample: from the first, and from
 * the first taken after a tenth of the soak (the heap grows to its working size in the first
 * seconds of load; a leak keeps growing after).
 *
 * @example
 * formatSoak([{ second: 0, rss: 100 * MB }, { second: 300, rss: 110 * MB }]); // "… +10.0 % …"
 */
export function formatSoak(samples: readonly RssSample[]): string {
  const rows = samples.map((s) => `| ${s.second.toFixed(0)} | ${(s.rss / MB).toFixed(1)} |`);
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return "no samples";
  const settled = samples.find((s) => s.second >= last.second / 10) ?? first;
  return [
    "| second | RSS MB |",
    "| --- | --- |",
    ...rows,
    "",
    `RSS growth over the soak: ${growth(first.rss, last.rss)}; from second ${settled.second.toFixed(0)}: ${growth(settled.rss, last.rss)}`,
  ].join("\n");
}
