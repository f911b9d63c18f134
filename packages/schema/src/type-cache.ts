import type { GraphQLNamedType } from "graphql";

/**
 * One instance of each named type per schema: types are built lazily from the registry and
 * referenced from many places, and graphql-js refuses two types with one name.
 *
 * @example
 * const cache = new TypeCache();
 * cache.once("IntFilter", (name) => new GraphQLInputObjectType({ name, fields: {} }));
 */
export class TypeCache {
  readonly #types = new Map<string, GraphQLNamedType>();

  once<T extends GraphQLNamedType>(name: string, build: (name: string) => T): T {
    const existing = this.#types.get(name);
    if (existing) return existing as T;
    const built = build(name);
    this.#types.set(name, built);
    return built;
  }
}
