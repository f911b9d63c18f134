export { createInProcessExecutor, type InProcessExecutorOptions } from "./in-process.ts";
export { createRemoteExecutor, type RemoteExecutorOptions } from "./remote.ts";
export type { GraphqlExecutor, PreparedOperation } from "./types.ts";
