import { NextResponse, type NextRequest } from "next/server";
import { securityHeadersFor } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PATHS = ["/login", "/invite", "/api/auth"];

/**
 * Sends visitors without a session cookie to sign in. It decides nothing else: every page and
 * action checks the viewer again in the data layer. Every response it lets through or makes
 * carries the browser policy (CSP with this request's nonce, HSTS, no-store): use
 * `security.next()` to continue and `security.apply()` on anything the proxy answers itself.
 */
export function proxy(request: NextRequest) {
  const security = securityHeadersFor(request);
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return security.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return security.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return security.apply(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
