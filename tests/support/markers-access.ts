import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ACCOUNT_EMAIL, FIXTURE_PASSWORD, fixtureFile, type FixtureIds, type SweepActor } from "./markers";
import { rawRequest, signInCookie, type RawResponse } from "../attack/http-client";

/** The fixture ids the pre-start script wrote for this server. */
export function loadFixtureIds(baseURL: string): FixtureIds {
  return JSON.parse(readFileSync(fixtureFile(new URL(baseURL).port), "utf8")) as FixtureIds;
}

/**
 * Session cookies for each actor, signed in through the real form (signed out: no cookie), from a
 * loopback address of their own so no other spec's throttled guessing can stand in the way.
 */
export async function signInAll<A extends SweepActor>(baseURL: string, actors: readonly A[]): Promise<Record<A, string>> {
  const cookies = {} as Record<A, string>;
  for (const actor of actors) {
    cookies[actor] = actor === "signedOut" ? "" : await signInCookie(baseURL, ACCOUNT_EMAIL[actor as Exclude<SweepActor, "signedOut">], FIXTURE_PASSWORD, "127.0.0.150");
  }
  return cookies;
}

export function get(baseURL: string, url: string, cookie: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(`${baseURL}${url}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
}

/** Where a redirect (a 3xx, or the meta refresh of one raised after streaming began) sends the reader. */
export function redirectTarget(res: RawResponse): string | null {
  const location = res.headers.location ?? res.headers["x-action-redirect"];
  if (typeof location === "string" && location) return location.split(";")[0]!;
  const meta = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(res.body);
  return meta ? meta[1]!.replaceAll("&amp;", "&") : null;
}

/** A page refused as "not found": a 404, or the not-found fallback raised after streaming began. */
export function isNotFound(res: RawResponse): boolean {
  return res.status === 404 || (res.status === 200 && /NEXT_HTTP_ERROR_FALLBACK;404/.test(res.body) && /name="robots" content="noindex"/.test(res.body));
}

/** The outcome of a GET in the matrix's words. */
export function pageOutcome(res: RawResponse): "allowed" | "not-found" | "sign-in" | "redirect" | `status ${number}` {
  const target = redirectTarget(res);
  if (target) return new URL(target, "http://x").pathname === "/login" ? "sign-in" : "redirect";
  if (isNotFound(res)) return "not-found";
  if (res.status === 200) return "allowed";
  return `status ${res.status}`;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Every page, route handler and exported server action in the source tree, as the matrix names them. */
export function enumerateApp(root = process.cwd()): { pages: string[]; routes: string[]; actions: string[] } {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const appFiles = walk(path.join(root, "app")).map(rel);
  const sources = [...appFiles, ...walk(path.join(root, "lib")).map(rel)].filter((f) => /\.tsx?$/.test(f));
  const actions: string[] = [];
  for (const file of sources) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use server["']/.test(text)) continue;
    for (const m of text.matchAll(/^export\s+(?:const|let|async\s+function|function)\s+(\w+)/gm)) actions.push(`${file}#${m[1]}`);
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) {
        if (!name.startsWith("type ")) actions.push(`${file}#${name}`);
      }
    }
  }
  return {
    pages: appFiles.filter((f) => /\/page\.tsx?$/.test(f)).sort(),
    routes: appFiles.filter((f) => /\/route\.tsx?$/.test(f)).sort(),
    actions: actions.sort(),
  };
}

type ManifestEntry = { filename?: string; exportedName?: string; workers?: Record<string, unknown> };

/** Action ids by "file#export", from the build's server reference manifest. */
export function actionIds(root = process.cwd()): Map<string, string> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/**
 * A server action called as the browser's `fetch` does: `Next-Action` names it, and the body is
 * React's reply encoding of the arguments: the bound ids, the form's previous state (null) and
 * the form itself, whose fields travel as `_1_<name>`.
 */
export function postAction(baseURL: string, pagePath: string, actionId: string, cookie: string, args: unknown[], fields: Record<string, string>): Promise<RawResponse> {
  const form = new FormData();
  const escape = (v: unknown) => (typeof v === "string" && v.startsWith("$") ? `$${v}` : v);
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  // The root goes last, as React sends it: the server resolves the form when it reads the root.
  form.append("0", JSON.stringify([...args.map(escape), null, "$K1"]));
  const encoded = new Response(form);
  return encoded.arrayBuffer().then((buffer) =>
    rawRequest(`${baseURL}${pagePath}`, {
      method: "POST",
      body: Buffer.from(buffer),
      headers: {
        ...(cookie ? { cookie } : {}),
        origin: new URL(baseURL).origin,
        accept: "text/x-component",
        "next-action": actionId,
        "content-type": encoded.headers.get("content-type")!,
        "content-length": String(buffer.byteLength),
      },
    }),
  );
}

/** The outcome of a server action call in the matrix's words. */
export function actionOutcome(res: RawResponse): "allowed" | "not-found" | "sign-in" | "refused" | "redirect" | `status ${number}` {
  const target = redirectTarget(res);
  if (target) return new URL(target, "http://x").pathname === "/login" ? "sign-in" : "redirect";
  if (res.status === 404 || /NEXT_HTTP_ERROR_FALLBACK;404/.test(res.body)) return "not-found";
  if (res.status !== 200) return `status ${res.status}`;
  if (/"status":"error"/.test(res.body)) return "refused";
  return "allowed";
}
