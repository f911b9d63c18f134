/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CategoryProducts($categoryId: Int!, $where: ProductFilter, $first: Int, $after: String) {\n  category(id: $categoryId) {\n    products(\n      where: $where\n      orderBy: [{field: price, direction: DESC}]\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        name\n        price\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.CategoryProductsDocument,
    "mutation CreateBook($input: CreateBookInput!) {\n  createBook(input: $input) {\n    isbn\n    price\n    uri\n  }\n}": typeof types.CreateBookDocument,
    "query OrderWithLineItem($orderId: Int!, $lineItemId: Int!) {\n  order(id: $orderId) {\n    status\n    user {\n      displayName\n    }\n    lineItem(id: $lineItemId) {\n      quantity\n      unitPrice\n      uri\n      product {\n        name\n        price\n      }\n    }\n  }\n}": typeof types.OrderWithLineItemDocument,
};
const documents: Documents = {
    "query CategoryProducts($categoryId: Int!, $where: ProductFilter, $first: Int, $after: String) {\n  category(id: $categoryId) {\n    products(\n      where: $where\n      orderBy: [{field: price, direction: DESC}]\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        name\n        price\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.CategoryProductsDocument,
    "mutation CreateBook($input: CreateBookInput!) {\n  createBook(input: $input) {\n    isbn\n    price\n    uri\n  }\n}": types.CreateBookDocument,
    "query OrderWithLineItem($orderId: Int!, $lineItemId: Int!) {\n  order(id: $orderId) {\n    status\n    user {\n      displayName\n    }\n    lineItem(id: $lineItemId) {\n      quantity\n      unitPrice\n      uri\n      product {\n        name\n        price\n      }\n    }\n  }\n}": types.OrderWithLineItemDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoryProducts($categoryId: Int!, $where: ProductFilter, $first: Int, $after: String) {\n  category(id: $categoryId) {\n    products(\n      where: $where\n      orderBy: [{field: price, direction: DESC}]\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        name\n        price\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): (typeof documents)["query CategoryProducts($categoryId: Int!, $where: ProductFilter, $first: Int, $after: String) {\n  category(id: $categoryId) {\n    products(\n      where: $where\n      orderBy: [{field: price, direction: DESC}]\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        name\n        price\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateBook($input: CreateBookInput!) {\n  createBook(input: $input) {\n    isbn\n    price\n    uri\n  }\n}"): (typeof documents)["mutation CreateBook($input: CreateBookInput!) {\n  createBook(input: $input) {\n    isbn\n    price\n    uri\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderWithLineItem($orderId: Int!, $lineItemId: Int!) {\n  order(id: $orderId) {\n    status\n    user {\n      displayName\n    }\n    lineItem(id: $lineItemId) {\n      quantity\n      unitPrice\n      uri\n      product {\n        name\n        price\n      }\n    }\n  }\n}"): (typeof documents)["query OrderWithLineItem($orderId: Int!, $lineItemId: Int!) {\n  order(id: $orderId) {\n    status\n    user {\n      displayName\n    }\n    lineItem(id: $lineItemId) {\n      quantity\n      unitPrice\n      uri\n      product {\n        name\n        price\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;