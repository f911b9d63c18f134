import { defineRegistry } from "./define.ts";

/**
 * The resources Tusk serves. Each entry adds to a Prisma model only what Prisma
 * does not say: its path, identifier rule, which fields clients may filter,
 * sort, search and write, where it lives, and who may read it (public, owned, private fields). See
 * docs/adding-a-resource.md and docs/security.md.
 *
 * @example
 * definition.resources.Book.identifier.rule; // "isbn"
 */
export const definition = defineRegistry({
  resources: {
    User: {
      path: "users",
      identifier: { field: "username", rule: "username" },
      filterable: ["username", "displayName", "email", "createdAt", "updatedAt"],
      sortable: ["username", "displayName", "createdAt", "updatedAt"],
      writable: ["displayName", "email"],
      owner: "self",
      private: ["email"],
    },
    Category: {
      path: "categories",
      identifier: { field: "id", rule: "positive-integer" },
      filterable: ["id", "name", "description", "createdAt", "updatedAt"],
      sortable: ["id", "name", "createdAt", "updatedAt"],
      search: ["name", "description"],
      writable: ["name", "description"],
      formerPaths: ["sections"],
      public: true,
    },
    Product: {
      path: "products",
      identifier: { field: "id", rule: "positive-integer" },
      filterable: ["id", "name", "description", "price", "stock", "createdAt", "updatedAt"],
      sortable: ["id", "name", "price", "stock", "createdAt", "updatedAt"],
      search: ["name", "description"],
      writable: ["name", "description", "price", "stock"],
      formerPaths: ["items"],
      public: true,
    },
    Order: {
      path: "orders",
      identifier: { field: "id", rule: "positive-integer" },
      filterable: ["id", "username", "status", "placedAt", "createdAt", "updatedAt"],
      sortable: ["id", "status", "placedAt", "createdAt", "updatedAt"],
      writable: ["status"],
      createOnly: ["username"],
      owner: { relation: "user" },
    },
    LineItem: {
      path: "line_items",
      identifier: { field: "id", rule: "positive-integer" },
      parent: "order",
      filterable: ["id", "productId", "quantity", "unitPrice", "createdAt", "updatedAt"],
      sortable: ["id", "productId", "quantity", "unitPrice", "createdAt"],
      writable: ["quantity", "unitPrice"],
      createOnly: ["orderId", "productId"],
      owner: { relation: "order" },
    },
    Book: {
      path: "books",
      identifier: { field: "isbn", rule: "isbn" },
      filterable: ["isbn", "title", "author", "publishedYear", "price", "createdAt", "updatedAt"],
      sortable: ["isbn", "title", "author", "publishedYear", "price", "createdAt"],
      search: ["title", "author"],
      writable: ["title", "author", "publishedYear", "price"],
      public: true,
    },
    Vehicle: {
      path: "vehicles",
      identifier: { field: "vin", rule: "vin" },
      filterable: ["vin", "make", "model", "year", "username", "createdAt", "updatedAt"],
      sortable: ["vin", "make", "model", "year", "createdAt"],
      writable: ["make", "model", "year"],
      createOnly: ["username"],
      owner: { relation: "owner" },
    },
  },
  internal: ["IdempotencyKey"],
});
