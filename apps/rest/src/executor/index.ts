export { bindVariables } from "./bind.ts";
export { createInProcessExecutor, type InProcessExecutorOptions } from "./in-process.ts";
export { createRemoteExecutor, type RemoteExecutorOptions } from "./remote.ts";
export type { BoundOperation, Credentials, GraphqlExecutor, PreparedOperation } from "./types.ts";
