import { rawSubject } from "./raw.ts";
import type { Subject, SubjectOptions } from "./subject.ts";

/** The kinds of server the harness measures. */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** In the order the report lists them: the peers, then Tusk's two APIs. */
export const SUBJECT_KINDS = ["raw", "hand", "sofa", "rest", "graphql"] as const;

/**
 * Builds a subject in this process. Each app is imported only when it is
 * measured, so one app failing to load does not stop the others.
 *
 * @example
 * const rest = await startSubjectInProcess("rest", { databaseUrl, baseUrl: "http://127.0.0.1:4000" });
 */
export async function startSubjectInProcess(kind: SubjectKind, options: SubjectOptions): Promise<Subject> {
  switch (kind) {
    case "raw":
      return rawSubject(options.databaseUrl);
    case "hand":
      return (await import("./hand.ts")).handSubject(options);
    case "sofa":
      return (await import("./sofa.ts")).sofaSubject(options);
    case "rest":
      return (await import("./rest.ts")).restSubject(options);
    case "graphql":
      return (await import("./graphql.ts")).graphqlSubject(options);
  }
}
