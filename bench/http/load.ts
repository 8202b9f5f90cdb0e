import autocannon from "autocannon";

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  p50: number;
  p95: number;
  rps: number;
  /** Non-2xx answers (a redirect included), socket errors and timeouts. */
  errors: number;
};

function run(url: string, cookie: string, connections: number, seconds: number, samples?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie }, timeout: 30 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon's histogram has p50 and p97.5 but no p95: keep every response time instead.
    if (samples) instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  });
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);

/**
 * autocannon stops at the deadline and drops what is in flight, which the server still renders.
 * One more request of the page comes back about when that backlog is done, so the next run (or
 * a sign-in) does not pay for this one.
 */
async function drain(url: string, cookie: string): Promise<void> {
  await fetch(url, { headers: { cookie }, redirect: "manual" }).then((r) => r.arrayBuffer(), () => undefined);
}

/** Loads `url` with `connections` at once for `seconds`, after `warmSeconds` of the same unrecorded. */
export async function load(url: string, cookie: string, connections: number, seconds: number, warmSeconds: number): Promise<LoadResult> {
  if (warmSeconds > 0) {
    await run(url, cookie, connections, warmSeconds);
    await drain(url, cookie);
  }
  const samples: number[] = [];
  const result = await run(url, cookie, connections, seconds, samples);
  await drain(url, cookie);
  samples.sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    rps: result.requests.total / seconds,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
