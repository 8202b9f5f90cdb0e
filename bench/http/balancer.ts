import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";

/**
 * A small round-robin reverse proxy for running several `next start` processes of one build on one
 * machine (the scale-out bench). It stands where a production load balancer would: it appends the
 * client's address to X-Forwarded-For and states the host and scheme it was reached on, so the app,
 * told to trust one hop (`MEND_TRUSTED_PROXIES=1`), sees the real client.
 *
 * Failures it hides from the client, and only these:
 * - an upstream that refuses the connection, for any method, when the request body was read in full
 *   first (nothing reached the upstream, so sending it elsewhere cannot do anything twice);
 * - an upstream that resets or closes the connection before any response byte, for GET and HEAD
 *   (they change nothing, so a second try is safe even if the first one was seen).
 * Once a response has started towards the client nothing is retried: a broken body ends the
 * client's connection instead of splicing two answers together.
 */

export type BalancerOptions = {
  /** Upstream base URLs, e.g. `http://127.0.0.1:4121`. */
  upstreams: string[];
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** How long an upstream that failed is left out before it is probed again. */
  downForMs?: number;
  /** Request bodies up to this size are read in full before sending, which makes them retryable. */
  maxBufferedBody?: number;
};

export type UpstreamStats = { url: string; requests: number; failures: number; down: boolean };

export type BalancerStats = {
  /** Requests the balancer received. */
  requests: number;
  /** Extra attempts made on another upstream after a refused or reset connection. */
  retries: number;
  /** Requests answered by the balancer itself with 502 because no upstream could take them. */
  failed: number;
  /** Responses whose body broke off after it had started (the client's connection was ended). */
  brokenResponses: number;
  /** Connections to an upstream that were refused or reset. */
  upstreamFailures: number;
  upstreams: UpstreamStats[];
};

export type Balancer = {
  url: string;
  port: number;
  stats(): BalancerStats;
  resetStats(): void;
  /** Takes an upstream out of (or back into) the rotation, as an operator draining it would. */
  setEnabled(upstreamUrl: string, enabled: boolean): void;
  close(): Promise<void>;
};

type Upstream = {
  url: string;
  hostname: string;
  port: number;
  agent: http.Agent;
  enabled: boolean;
  downUntil: number;
  /** Failed lately: probed until it accepts connections again. */
  suspect: boolean;
  requests: number;
  failures: number;
};

/** Headers that describe one connection, not the message; RFC 9110 §7.6.1. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Codes that mean the connection never opened, so the upstream saw nothing. */
const REFUSED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

/** "::ffff:127.0.0.1" is written as 127.0.0.1, as the app reads it. */
function plainAddress(address: string | undefined): string {
  const value = address ?? "";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  return mapped ? mapped[1]! : value;
}

/**
 * What the upstream is told about the client. X-Forwarded-For gets the client's address appended
 * (entries already there were written by the client or by proxies further out, and the app's hop
 * count decides how many it believes). Host is passed on unchanged, and X-Forwarded-Host and
 * -Proto are overwritten with what this balancer was reached on, so a client cannot choose them.
 */
export function forwardedHeaders(request: IncomingMessage): IncomingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  const client = plainAddress(request.socket.remoteAddress);
  const prior = headers["x-forwarded-for"];
  const chain = (Array.isArray(prior) ? prior.join(", ") : (prior ?? "")).trim();
  headers["x-forwarded-for"] = chain ? `${chain}, ${client}` : client;
  headers["x-real-ip"] = client;
  if (request.headers.host) headers["x-forwarded-host"] = request.headers.host;
  else delete headers["x-forwarded-host"];
  headers["x-forwarded-proto"] = "encrypted" in request.socket && request.socket.encrypted ? "https" : "http";
  delete headers.forwarded;
  return headers;
}

function makeUpstream(url: string): Upstream {
  const parsed = new URL(url);
  return {
    url: parsed.origin,
    hostname: parsed.hostname,
    port: Number(parsed.port || 80),
    // Keep-alive both ways: opening a connection per request would cost more than the proxying.
    agent: new http.Agent({ keepAlive: true, maxSockets: 256, scheduling: "lifo" }),
    enabled: true,
    downUntil: 0,
    suspect: false,
    requests: 0,
    failures: 0,
  };
}

/** Whether a TCP connection to the upstream opens within a second. */
function probe(upstream: Upstream): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: upstream.hostname, port: upstream.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

type Body = { buffered: true; chunks: Buffer[] } | { buffered: false; chunks: Buffer[] };

/** Reads the body up to `limit` bytes; a longer one is left flowing (and is then not retryable). */
function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  if (request.headers["content-length"] === undefined && request.headers["transfer-encoding"] === undefined) {
    return Promise.resolve({ buffered: true, chunks: [] });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        request.pause();
        cleanup();
        resolve({ buffered: false, chunks });
      }
    };
    const onEnd = () => {
      cleanup();
      resolve({ buffered: true, chunks });
    };
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", reject);
    };
    request.on("data", onData);
    request.once("end", onEnd);
    request.once("error", reject);
  });
}

export async function startBalancer(options: BalancerOptions): Promise<Balancer> {
  if (options.upstreams.length === 0) throw new Error("The balancer needs at least one upstream.");
  const upstreams = options.upstreams.map(makeUpstream);
  const downForMs = options.downForMs ?? 2000;
  const maxBufferedBody = options.maxBufferedBody ?? 1024 * 1024;
  const counts = { requests: 0, retries: 0, failed: 0, brokenResponses: 0, upstreamFailures: 0 };
  let next = 0;

  /** Round robin over enabled upstreams that are up and not yet tried for this request. */
  function pick(tried: Set<Upstream>): Upstream | undefined {
    const now = Date.now();
    const candidates = upstreams.filter((u) => u.enabled && !tried.has(u));
    const up = candidates.filter((u) => u.downUntil <= now);
    // When every candidate is marked down, try one anyway rather than refuse outright.
    const pool = up.length > 0 ? up : candidates;
    if (pool.length === 0) return undefined;
    const chosen = pool[next % pool.length]!;
    next = (next + 1) % 1_000_000;
    return chosen;
  }

  function markDown(upstream: Upstream): void {
    upstream.failures++;
    counts.upstreamFailures++;
    upstream.downUntil = Date.now() + downForMs;
    upstream.suspect = true;
  }

  // Probes an upstream that failed until it accepts connections again: it comes back as soon as
  // it does, and stays out while it does not, so no client request is spent on finding out.
  const prober = setInterval(() => {
    for (const upstream of upstreams) {
      if (!upstream.suspect) continue;
      void probe(upstream).then((ok) => {
        if (ok) Object.assign(upstream, { suspect: false, downUntil: 0 });
        else upstream.downUntil = Date.now() + downForMs;
      });
    }
  }, 250);
  prober.unref();

  function fail(response: ServerResponse, status: number, message: string): void {
    counts.failed++;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "1" });
    response.end(message);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    counts.requests++;
    let body: Body;
    try {
      body = await readBody(request, maxBufferedBody);
    } catch {
      response.destroy();
      return;
    }
    const headers = forwardedHeaders(request);
    const idempotent = request.method === "GET" || request.method === "HEAD";
    const tried = new Set<Upstream>();

    const attempt = (): void => {
      const upstream = pick(tried);
      if (!upstream) return fail(response, 502, "No server could take this request. Try again.");
      if (tried.size > 0) counts.retries++;
      tried.add(upstream);
      upstream.requests++;
      let connected = false;
      let answered = false;
      let clientGone = false;
      const outgoing = http.request({
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers,
        agent: upstream.agent,
      });
      outgoing.on("socket", (socket) => {
        if (!socket.connecting) connected = true;
        else socket.once("connect", () => (connected = true));
      });
      outgoing.on("response", (incoming) => {
        answered = true;
        const out = withoutHopByHop(incoming.headers);
        response.writeHead(incoming.statusCode ?? 502, incoming.statusMessage, out);
        incoming.pipe(response);
        let broken = false;
        const breakOff = () => {
          // A client that hung up is not a broken response: the upstream was stopped on its behalf.
          if (broken || incoming.complete || clientGone) return;
          broken = true;
          counts.brokenResponses++;
          response.destroy();
        };
        incoming.once("aborted", breakOff);
        incoming.once("error", breakOff);
      });
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        if (answered || clientGone) return;
        markDown(upstream);
        const refused = !connected && REFUSED.has(error.code ?? "");
        const retryable = !response.headersSent && ((refused && body.buffered) || idempotent);
        if (retryable) return attempt();
        fail(response, 502, "The server stopped before answering. Nothing was retried.");
      });
      response.once("close", () => {
        if (response.writableFinished) return;
        clientGone = true;
        outgoing.destroy();
      });
      for (const chunk of body.chunks) outgoing.write(chunk);
      if (body.buffered) outgoing.end();
      else {
        request.pipe(outgoing);
        request.resume();
      }
    };
    attempt();
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => fail(response, 502, "The balancer failed."));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    stats: () => ({
      ...counts,
      upstreams: upstreams.map((u) => ({ url: u.url, requests: u.requests, failures: u.failures, down: u.downUntil > Date.now() })),
    }),
    resetStats() {
      Object.assign(counts, { requests: 0, retries: 0, failed: 0, brokenResponses: 0, upstreamFailures: 0 });
      for (const u of upstreams) Object.assign(u, { requests: 0, failures: 0 });
    },
    setEnabled(upstreamUrl, enabled) {
      const origin = new URL(upstreamUrl).origin;
      for (const u of upstreams) if (u.url === origin) u.enabled = enabled;
    },
    async close() {
      clearInterval(prober);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const u of upstreams) u.agent.destroy();
    },
  };
}
