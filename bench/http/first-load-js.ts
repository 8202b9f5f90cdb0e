import http from "node:http";
import https from "node:https";
import { gunzipSync, gzipSync } from "node:zlib";

/**
 * First-load JavaScript of a page: every script its HTML makes the browser load before the page
 * is interactive — `<script src>` (not `nomodule` polyfills) and the scripts it preloads
 * (`<link rel="preload" as="script">`, `<link rel="modulepreload">`) — fetched once each with `Accept-Encoding: gzip`. Compressed bytes
 * are what the server sends; when it sends a script uncompressed, the script is gzipped here
 * (node:zlib, level 9) and `compression` says so.
 */

export type ScriptSize = { url: string; rawBytes: number; gzipBytes: number };

export type FirstLoadJs = {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  /** "server": as the server sent them; "zlib-9": at least one was sent uncompressed and gzipped here. */
  compression: "server" | "zlib-9";
  /** Inline `<script>` bodies (the streamed page payload, not code): raw bytes, part of the HTML. */
  inlineScriptBytes: number;
  files: ScriptSize[];
};

type Fetched = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** GET without decompressing, so the bytes counted are the bytes on the wire. */
export function fetchRaw(url: string, headers: Record<string, string>): Promise<Fetched> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`timed out: ${url}`)));
  });
}

function decode(fetched: Fetched): Buffer {
  return fetched.headers["content-encoding"] === "gzip" ? gunzipSync(fetched.body) : fetched.body;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return found;
}

/** The script addresses a page's HTML loads or preloads, resolved and without repeats, in order. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag.replace(/^<\w+/, "").replace(/\/?>$/, ""));
    let href: string | undefined;
    if (/^<script/i.test(tag)) {
      // Legacy polyfills: browsers with modules (every one Mend supports) never fetch them.
      if (attrs.has("nomodule")) continue;
      href = attrs.get("src");
    } else {
      const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
      if (rel.includes("modulepreload") || (rel.includes("preload") && attrs.get("as") === "script")) href = attrs.get("href");
    }
    if (!href) continue;
    const absolute = new URL(href, pageUrl).href;
    if (!urls.includes(absolute)) urls.push(absolute);
  }
  return urls;
}

function inlineScriptBytes(html: string): number {
  let total = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/.test(match[1]!)) total += Buffer.byteLength(match[2]!);
  }
  return total;
}

/** The page's HTML, signed in with `cookie`; throws unless the server answers 200 (a redirect means the cookie did not hold). */
export async function fetchPageHtml(options: { baseUrl: string; cookie: string; path: string }): Promise<string> {
  const url = new URL(options.path, options.baseUrl).href;
  const page = await fetchRaw(url, { cookie: options.cookie, "accept-encoding": "gzip", accept: "text/html" });
  if (page.status !== 200) throw new Error(`${options.path}: HTTP ${page.status}${page.headers.location ? ` → ${page.headers.location}` : ""}`);
  return decode(page).toString("utf8");
}

/** First-load JavaScript of `path`, signed in with `cookie` (a `Cookie` header value). */
export async function firstLoadJs(options: { baseUrl: string; cookie: string; path: string }): Promise<FirstLoadJs> {
  const pageUrl = new URL(options.path, options.baseUrl).href;
  const html = await fetchPageHtml(options);
  const files: ScriptSize[] = [];
  let compression: FirstLoadJs["compression"] = "server";
  for (const url of scriptUrls(html, pageUrl)) {
    const fetched = await fetchRaw(url, { cookie: options.cookie, "accept-encoding": "gzip" });
    if (fetched.status !== 200) throw new Error(`${url}: HTTP ${fetched.status}`);
    const raw = decode(fetched);
    let gzipBytes = fetched.body.length;
    if (fetched.headers["content-encoding"] !== "gzip") {
      gzipBytes = gzipSync(raw, { level: 9 }).length;
      compression = "zlib-9";
    }
    files.push({ url, rawBytes: raw.length, gzipBytes });
  }
  return {
    scripts: files.length,
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    compression,
    inlineScriptBytes: inlineScriptBytes(html),
    files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** First-load JavaScript of each route, printed as a table (and returned). */
export async function printFirstLoadJs(options: { baseUrl: string; cookie: string; paths: string[]; detail?: boolean }): Promise<Record<string, FirstLoadJs>> {
  const results: Record<string, FirstLoadJs> = {};
  console.log("route".padEnd(32), "scripts".padStart(8), "raw kB".padStart(9), "gzip kB".padStart(9), "inline kB".padStart(10));
  for (const path of options.paths) {
    const result = await firstLoadJs({ baseUrl: options.baseUrl, cookie: options.cookie, path });
    results[path] = result;
    const mark = result.compression === "zlib-9" ? " (gzipped here, level 9)" : "";
    console.log(path.padEnd(32), String(result.scripts).padStart(8), kB(result.rawBytes).padStart(9), kB(result.gzipBytes).padStart(9), kB(result.inlineScriptBytes).padStart(10), mark);
    if (options.detail) {
      for (const file of result.files) console.log(`    ${kB(file.gzipBytes).padStart(7)} kB gzip  ${kB(file.rawBytes).padStart(7)} kB raw  ${new URL(file.url).pathname}`);
    }
  }
  return results;
}

// `tsx bench/http/first-load-js.ts --base=http://localhost:3000 --cookie='authjs.session-token=…' [--detail] /today /check-in …`
if (process.argv[1]?.endsWith("first-load-js.ts")) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const paths = args.filter((arg) => arg.startsWith("/"));
  printFirstLoadJs({
    baseUrl: flag("base") ?? "http://localhost:3000",
    cookie: flag("cookie") ?? process.env.MEND_BENCH_COOKIE ?? "",
    paths: paths.length ? paths : ["/"],
    detail: args.includes("--detail"),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
