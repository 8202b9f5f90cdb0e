import { afterEach, describe, expect, it, vi } from "vitest";

// The browser's Content-Security-Policy forbids eval; zod must never try `new Function` there.
// instrumentation-client.ts switches zod to jitless parsing without importing zod, by writing the
// global zod keeps its settings on. These tests fail if a zod upgrade stops reading that global.

type Holder = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
const holder = globalThis as Holder;

async function parseWithFunctionWatched(): Promise<number> {
  const { z } = await import("zod");
  const real = globalThis.Function;
  const calls = vi.fn();
  globalThis.Function = new Proxy(real, {
    construct(target, args) {
      calls();
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      calls();
      return Reflect.apply(target, self, args);
    },
  });
  try {
    const schema = z.object({ trust: z.coerce.number().int().min(0).max(10), note: z.string().optional() });
    for (let i = 0; i < 3; i += 1) expect(schema.parse({ trust: "7", note: "fine" })).toEqual({ trust: 7, note: "fine" });
  } finally {
    globalThis.Function = real;
  }
  return calls.mock.calls.length;
}

afterEach(() => {
  if (holder.__zod_globalConfig) holder.__zod_globalConfig.jitless = true;
});

describe("zod in the browser", () => {
  it("is jitless once the client instrumentation has run, before zod loads", async () => {
    await import("@/instrumentation-client");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
    // The very object zod reads, not a look-alike.
    expect(config()).toBe(holder.__zod_globalConfig);
    expect(await parseWithFunctionWatched()).toBe(0);
  });

  it("would probe with new Function without it (the check above can fail)", async () => {
    holder.__zod_globalConfig!.jitless = false;
    expect(await parseWithFunctionWatched()).toBeGreaterThan(0);
  });
});
