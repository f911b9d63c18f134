/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on books; every given entry must hold. */
export type BookFilter = {
  /** All of these hold. */
  AND?: Array<BookFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<BookFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<BookFilter> | null | undefined;
  author?: StringFilter | null | undefined;
  categories?: CategoryListRelationFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  isbn?: IsbnFilter | null | undefined;
  price?: DecimalFilter | null | undefined;
  publishedYear?: IntFilter | null | undefined;
  title?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on related books, among the rows the caller may read; every given entry must hold. */
export type BookListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: BookFilter | null | undefined;
  /** No related row matches. */
  none?: BookFilter | null | undefined;
  /** At least one related row matches. */
  some?: BookFilter | null | undefined;
};

/** Conditions on categories; every given entry must hold. */
export type CategoryFilter = {
  /** All of these hold. */
  AND?: Array<CategoryFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<CategoryFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<CategoryFilter> | null | undefined;
  books?: BookListRelationFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IntFilter | null | undefined;
  name?: StringFilter | null | undefined;
  products?: ProductListRelationFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on related categories, among the rows the caller may read; every given entry must hold. */
export type CategoryListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: CategoryFilter | null | undefined;
  /** No related row matches. */
  none?: CategoryFilter | null | undefined;
  /** At least one related row matches. */
  some?: CategoryFilter | null | undefined;
};

export type CreateBookInput = {
  author: string;
  isbn: string;
  price: string | number;
  publishedYear?: number | null | undefined;
  title: string;
};

/** Conditions on a DateTime field; all given conditions must hold. */
export type DateTimeFilter = {
  equals?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  not?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Conditions on a Decimal field; all given conditions must hold. */
export type DecimalFilter = {
  equals?: string | number | null | undefined;
  gt?: string | number | null | undefined;
  gte?: string | number | null | undefined;
  in?: Array<string | number> | null | undefined;
  lt?: string | number | null | undefined;
  lte?: string | number | null | undefined;
  not?: string | number | null | undefined;
  notIn?: Array<string | number> | null | undefined;
};

/** Conditions on a ISBN field; all given conditions must hold. */
export type IsbnFilter = {
  equals?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  not?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Conditions on a Int field; all given conditions must hold. */
export type IntFilter = {
  equals?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
  not?: number | null | undefined;
  notIn?: Array<number> | null | undefined;
};

/** Conditions on lineItems; every given entry must hold. */
export type LineItemFilter = {
  /** All of these hold. */
  AND?: Array<LineItemFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<LineItemFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<LineItemFilter> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IntFilter | null | undefined;
  order?: OrderRelationFilter | null | undefined;
  product?: ProductRelationFilter | null | undefined;
  productId?: IntFilter | null | undefined;
  quantity?: IntFilter | null | undefined;
  unitPrice?: DecimalFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on related lineItems, among the rows the caller may read; every given entry must hold. */
export type LineItemListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: LineItemFilter | null | undefined;
  /** No related row matches. */
  none?: LineItemFilter | null | undefined;
  /** At least one related row matches. */
  some?: LineItemFilter | null | undefined;
};

/** Conditions on orders; every given entry must hold. */
export type OrderFilter = {
  /** All of these hold. */
  AND?: Array<OrderFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<OrderFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<OrderFilter> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IntFilter | null | undefined;
  lineItems?: LineItemListRelationFilter | null | undefined;
  placedAt?: DateTimeFilter | null | undefined;
  status?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  user?: UserRelationFilter | null | undefined;
  username?: UsernameFilter | null | undefined;
};

/** Conditions on related orders, among the rows the caller may read; every given entry must hold. */
export type OrderListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: OrderFilter | null | undefined;
  /** No related row matches. */
  none?: OrderFilter | null | undefined;
  /** At least one related row matches. */
  some?: OrderFilter | null | undefined;
};

/** Conditions on a related order, among the rows the caller may read. */
export type OrderRelationFilter = {
  /** The related row matches. */
  is?: OrderFilter | null | undefined;
  /** The related row does not match. */
  isNot?: OrderFilter | null | undefined;
};

/** Conditions on products; every given entry must hold. */
export type ProductFilter = {
  /** All of these hold. */
  AND?: Array<ProductFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<ProductFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<ProductFilter> | null | undefined;
  categories?: CategoryListRelationFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IntFilter | null | undefined;
  lineItems?: LineItemListRelationFilter | null | undefined;
  name?: StringFilter | null | undefined;
  price?: DecimalFilter | null | undefined;
  stock?: IntFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on related products, among the rows the caller may read; every given entry must hold. */
export type ProductListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: ProductFilter | null | undefined;
  /** No related row matches. */
  none?: ProductFilter | null | undefined;
  /** At least one related row matches. */
  some?: ProductFilter | null | undefined;
};

/** Conditions on a related product, among the rows the caller may read. */
export type ProductRelationFilter = {
  /** The related row matches. */
  is?: ProductFilter | null | undefined;
  /** The related row does not match. */
  isNot?: ProductFilter | null | undefined;
};

/** Conditions on a String field; all given conditions must hold. */
export type StringFilter = {
  contains?: string | null | undefined;
  endsWith?: string | null | undefined;
  equals?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  not?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
  startsWith?: string | null | undefined;
};

/** Conditions on users; every given entry must hold. */
export type UserFilter = {
  /** All of these hold. */
  AND?: Array<UserFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<UserFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<UserFilter> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  displayName?: StringFilter | null | undefined;
  email?: StringFilter | null | undefined;
  orders?: OrderListRelationFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  username?: UsernameFilter | null | undefined;
  vehicles?: VehicleListRelationFilter | null | undefined;
};

/** Conditions on a related user, among the rows the caller may read. */
export type UserRelationFilter = {
  /** The related row matches. */
  is?: UserFilter | null | undefined;
  /** The related row does not match. */
  isNot?: UserFilter | null | undefined;
};

/** Conditions on a Username field; all given conditions must hold. */
export type UsernameFilter = {
  equals?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  not?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Conditions on a VIN field; all given conditions must hold. */
export type VinFilter = {
  equals?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  not?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Conditions on vehicles; every given entry must hold. */
export type VehicleFilter = {
  /** All of these hold. */
  AND?: Array<VehicleFilter> | null | undefined;
  /** None of these holds. */
  NOT?: Array<VehicleFilter> | null | undefined;
  /** At least one of these holds. */
  OR?: Array<VehicleFilter> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  make?: StringFilter | null | undefined;
  model?: StringFilter | null | undefined;
  owner?: UserRelationFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  username?: UsernameFilter | null | undefined;
  vin?: VinFilter | null | undefined;
  year?: IntFilter | null | undefined;
};

/** Conditions on related vehicles, among the rows the caller may read; every given entry must hold. */
export type VehicleListRelationFilter = {
  /** How many related rows there are. */
  count?: IntFilter | null | undefined;
  /** Every related row matches (true when there are none). */
  every?: VehicleFilter | null | undefined;
  /** No related row matches. */
  none?: VehicleFilter | null | undefined;
  /** At least one related row matches. */
  some?: VehicleFilter | null | undefined;
};

export type CategoryProductsQueryVariables = Exact<{
  categoryId: number;
  where?: ProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CategoryProductsQuery = { category: { products: { totalCount: number, nodes: Array<{ id: number, name: string, price: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CreateBookMutationVariables = Exact<{
  input: CreateBookInput;
}>;


export type CreateBookMutation = { createBook: { isbn: string, price: string, uri: string } };

export type OrderWithLineItemQueryVariables = Exact<{
  orderId: number;
  lineItemId: number;
}>;


export type OrderWithLineItemQuery = { order: { status: string, user: { displayName: string }, lineItem: { quantity: number, unitPrice: string, uri: string, product: { name: string, price: string } } | null } | null };


export const CategoryProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CategoryProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"price"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<CategoryProductsQuery, CategoryProductsQueryVariables>;
export const CreateBookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isbn"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}}]}}]} as unknown as DocumentNode<CreateBookMutation, CreateBookMutationVariables>;
export const OrderWithLineItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderWithLineItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineItemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineItemId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderWithLineItemQuery, OrderWithLineItemQueryVariables>;