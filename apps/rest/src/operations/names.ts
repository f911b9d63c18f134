/**
 * The GraphQL names of each resource come from @tusk/schema (`graphqlNames`),
 * so the REST app never spells a GraphQL name itself.
 */
export { type GraphqlNames, graphqlNames, parentArgument } from "@tusk/schema";
