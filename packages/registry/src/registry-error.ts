/**
 * Thrown at load time when the registry and the Prisma data model disagree.
 * Lists every problem at once so one run shows all that needs fixing.
 *
 * @example
 * try { buildRegistry(datamodel, definition); } catch (e) { if (e instanceof RegistryError) console.error(e.problems); }
 */
export class RegistryError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The resource registry does not match prisma/schema.prisma:\n- ${problems.join("\n- ")}`);
    this.name = "RegistryError";
    this.problems = problems;
  }
}
