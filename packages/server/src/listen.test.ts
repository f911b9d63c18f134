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
});
