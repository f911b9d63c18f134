/**
 * @tusk/rest: the NARWHL REST API, answering every request by executing a
 * GraphQL operation against the shared schema.
 */
export { createRestApp, type RestAppOptions } from "./app.ts";
export { DOCS_PATH } from "./docs-page/index.ts";
export {
  createInProcessExecutor,
  createRemoteExecutor,
  type GraphqlExecutor,
  type InProcessExecutorOptions,
  type PreparedOperation,
  type RemoteExecutorOptions,
} from "./executor/index.ts";
export {
  createInProcessRestApp,
  type InProcessRestApp,
  type InProcessRestAppOptions,
} from "./in-process-app.ts";
export { buildOpenApiDocument, type OpenApiDocument, type OpenApiOptions } from "./openapi/index.ts";
