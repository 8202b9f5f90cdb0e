import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedRequest } from "@/lib/http/request-guards";
import { securityHeadersFor } from "@/lib/http/security-headers";
import { MAX_CALLBACK_LENGTH } from "@/lib/safe-redirect";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PATHS = ["/login", "/invite", "/api/auth", "/api/health"];

/**
 * Sends visitors without a session cookie to sign in. It decides nothing else: every page and
 * action checks the viewer again in the data layer. Every response it lets through or makes
 * carries the browser policy (CSP with this request's nonce, HSTS, no-store): use
 * `security.next()` to continue and `security.apply()` on anything the proxy answers itself.
 */
export function proxy(request: NextRequest) {
  const security = securityHeadersFor(request);
  const refused = refuseMalformedRequest(request);
  if (refused) return security.apply(refused);
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return security.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return security.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  // A callback too long to be honoured after sign-in (see lib/safe-redirect) is left off.
  const callback = pathname + search;
  url.search = pathname === "/" || callback.length > MAX_CALLBACK_LENGTH ? "" : `?callbackUrl=${encodeURIComponent(callback)}`;
  return security.apply(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
