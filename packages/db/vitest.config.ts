import { workspaceTestConfig } from "../../vitest.shared.ts";

// Migration, drift and seed suites run the offline differ and seed whole databases.
export default workspaceTestConfig({ testTimeout: 120_000, hookTimeout: 300_000 });
