import { Agent, get as httpGet } from "node:http";
import { describe, expect, it } from "vitest";
import { listen } from "./listen.ts";

describe("listen", () => {
  it("holds requests that arrive before the app is attached", async () => {
    const listening = await listen({ port: 0, host: "127.0.0.1" });
    const pending = fetch(`http://127.0.0.1:${listening.port}/`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    listening.handle((_req, res) => res.end("late app"));
    expect(await (await pending).text()).toBe("late app");
    await listening.drain(5_000);
  });

  it("close lets an in-flight request finish and refuses new ones", async () => {
    const listening = await listen({ port: 0, host: "127.0.0.1" });
    let received: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    let finish: () => void = () => {};
    listening.handle((_req, res) => {
      received();
      finish = () => res.end("finished");
    });
    const url = `http://127.0.0.1:${listening.port}/`;
    const inFlight = fetch(url);
    await arrived;
    const closed = listening.drain(5_000);
    await expect(fetch(url)).rejects.toThrow();
    finish();
    expect(await (await inFlight).text()).toBe("finished");
    await closed;
  });

  it("close gives up on a request that never ends after the grace period", async () => {
    const listening = await listen({ port: 0, host: "127.0.0.1" });
    listening.handle(() => {});
    const stuck = fetch(`http://127.0.0.1:${listening.port}/`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await listening.drain(50)).toEqual({ forced: true });
    await expect(stuck).rejects.toThrow();
  });

  it("answers a request sent on an idle keep-alive connection just after the drain began, then closes it", async () => {
    const listening = await listen({ port: 0, host: "127.0.0.1" });
    listening.handle((_req, res) => res.end("ok"));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number | undefined; connection: string | undefined }>((resolve, reject) => {
        httpGet(`http://127.0.0.1:${listening.port}/`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
        }).on("error", reject);
      });
    try {
      expect(await get()).toEqual({ status: 200, connection: "keep-alive" });
      const drained = listening.drain(5_000);
      // The same idle connection, reused by the agent a moment after the drain began (as a busy
      // client's request arrives late).
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await get()).toEqual({ status: 200, connection: "close" });
      expect(await drained).toEqual({ forced: false });
    } finally {
      agent.destroy();
    }
  });
});
