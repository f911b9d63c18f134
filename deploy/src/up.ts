/**
 * `npm run up -w @tusk/deploy`: starts the deployment (see cluster.ts) and keeps it running
 * until Ctrl-C, printing where everything is and an admin token to try writes with.
 */
import { randomBytes } from "node:crypto";
import { ADMIN_SCOPE, issueToken } from "@tusk/auth";
import { startCluster } from "./cluster.ts";

const secret = randomBytes(32).toString("hex");
const cluster = await startCluster({ rateLimit: 1_200, jwtSecret: secret });
const token = await issueToken(secret, { subject: "admin", scopes: [ADMIN_SCOPE], expiresIn: "12h" });
console.log(`REST API (HAProxy)     ${cluster.restUrl}/v1`);
console.log(`GraphQL API (HAProxy)  ${cluster.graphqlUrl}`);
for (const instance of cluster.instances)
  console.log(`  ${instance.name.padEnd(9)} 127.0.0.1:${instance.port}`);
console.log(`PostgreSQL primary     ${cluster.primary.url}`);
console.log(`PostgreSQL replica     ${cluster.replica.url}`);
console.log(`Admin token            Bearer ${token}`);
console.log("Ctrl-C stops everything.");
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void cluster.stop().then(() => process.exit(0));
  });
