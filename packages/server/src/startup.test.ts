import { expect, it } from "vitest";
import { listen } from "./listen.ts";
import { listenFor, StartupError } from "./startup.ts";

it("a port in use is a one-line StartupError naming the setting to change", async () => {
  const taken = await listen({ port: 0, host: "127.0.0.1" });
  try {
    const failed = listenFor("REST_PORT", { port: taken.port, host: "127.0.0.1" });
    await expect(failed).rejects.toThrow(StartupError);
    await expect(failed).rejects.toThrow(
      `Port ${taken.port} is already in use: set REST_PORT to a free port (0 picks one).`,
    );
  } finally {
    await taken.drain(0);
  }
});

it("other failures are thrown as they are", async () => {
  const failed = listenFor("REST_PORT", { port: 0, host: "no-such-host.invalid" });
  await expect(failed).rejects.not.toThrow(StartupError);
  await expect(failed).rejects.toThrow();
  // A free port still listens.
  const server = await listenFor("REST_PORT", { port: 0, host: "127.0.0.1" });
  expect(server.port).toBeGreaterThan(0);
  await server.drain(0);
});
