import { NextResponse, type NextRequest } from "next/server";
import { MALFORMED_ROUTER_HEADER } from "./router-headers";

/**
 * Longest request target (path and query) served. Links Mend makes are a few hundred characters;
 * anything near this is a probe, and is refused at once with 414 rather than rendered, redirected
 * to sign-in with a callback three times its size, or held until a timeout.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/** Next's default limit for a server action body (serverActions.bodySizeLimit, 1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

function refusal(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/** The host a server action's Origin must name: what Next itself compares it with. */
function expectedHost(request: NextRequest): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Requests Next would answer with a 500 (or render at length), refused here with the right 4xx
 * instead: an over-long URL (414), a path that does not percent-decode or a router header Next
 * cannot parse (400, see router-headers.ts), a server action from another origin (403) or with a
 * body over the limit (413). Null lets the request through.
 */
export function refuseMalformedRequest(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (pathname.length + search.length > MAX_URL_LENGTH) return refusal(414, "That address is too long.");
  // A path Next cannot percent-decode (say "/invite/%E0%A4%A") fails in its router with a 500.
  try {
    decodeURIComponent(pathname);
  } catch {
    return refusal(400, "That address could not be read.");
  }
  if (request.headers.has(MALFORMED_ROUTER_HEADER)) return refusal(400, "That request could not be read.");

  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    if (origin !== null && originHost(origin) !== expectedHost(request)) {
      return refusal(403, "That form was sent from another site.");
    }
    const length = Number(request.headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > MAX_ACTION_BODY_BYTES) return refusal(413, "That form is too large to send.");
  }
  return null;
}
