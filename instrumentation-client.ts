import type { config } from "zod/v4/core";

type ZodSettings = NonNullable<Parameters<typeof config>[0]>;

// Runs in the browser before any page code. Zod probes whether it may compile parsers with
// `new Function`; the probe is caught, but under Mend's Content-Security-Policy (no eval) the
// browser still reports it as a violation. Jitless parsing skips the probe and the eval.
// Zod 4 keeps its settings on this global (its `config()` writes there too, and adopts an object
// already present), so setting it directly keeps zod itself (5 kB) off pages that never parse.
// tests/unit/zod-jitless.test.ts fails if a zod upgrade moves it.
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: ZodSettings };
(holder.__zod_globalConfig ??= {}).jitless = true;
