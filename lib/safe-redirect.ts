/** The origin relative targets are resolved against; only its identity matters, never its host. */
const BASE = "http://mend.invalid";

/** Longest callback honoured; a longer one is refused rather than trimmed. */
export const MAX_CALLBACK_LENGTH = 2000;

/** Control characters (tabs and newlines included) and backslashes, raw or percent-encoded. */
const UNSAFE_RAW = /[\u0000-\u001f\u007f\\]/;
const UNSAFE_ENCODED = /%(?:[01][0-9a-f]|7f|5c|2f|2e)/i;

/**
 * A redirect target taken from input (a callback after sign-in, say), reduced to a path on
 * Mend's own origin, or `fallback` when it is anything else. The target is resolved with the
 * WHATWG URL parser, the one browsers use, and kept only when it stays on our origin and is written
 * plainly as a path: no scheme, no host, no userinfo, no doubled or encoded slashes, no backslashes,
 * no dot segments, no control characters. A refused target never gets a second reading.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_CALLBACK_LENGTH) return fallback;
  if (UNSAFE_RAW.test(target) || UNSAFE_ENCODED.test(target)) return fallback;
  // A path, and only a path: "//host" and "/\host" are hosts to a browser.
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  const [rawPath] = target.split(/[?#]/, 1);
  if (!rawPath || rawPath.includes("//") || rawPath.split("/").some((segment) => segment === "." || segment === "..")) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
