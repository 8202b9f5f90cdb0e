import { config } from "zod/v4/core";

// Runs in the browser before any page code. Zod probes whether it may compile parsers with
// `new Function`; the probe is caught, but under Mend's Content-Security-Policy (no eval) the
// browser still reports it as a violation. Jitless parsing skips the probe and the eval.
config({ jitless: true });
