import { NextResponse, type NextRequest } from "next/server";

/** Two years, the value browsers' preload lists expect; subdomains are ours too. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

type PolicyOptions = { nonce: string; https: boolean; development?: boolean };

/**
 * The Content-Security-Policy for one response. Scripts run only when they carry this
 * response's nonce, or when a nonce'd script loads them ('strict-dynamic': Next's chunks).
 * Style elements likewise need the nonce (Mend's own CSS is a stylesheet from 'self'), while style
 * attributes are allowed on their own (`style-src-attr`, CSP level 3): React renders them on the
 * server (recharts sizes and colours every chart that way) and an attribute cannot carry a nonce.
 * An attribute can restyle its own element but cannot load anything or reach other elements.
 * Development allows eval and inline styles, which React's fast refresh and Next's error overlay
 * need; production never does.
 */
export function contentSecurityPolicy({ nonce, https, development = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // Two-factor enrolment shows its QR code as a data: image.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Whether the operator has declared proxies in front of Mend whose forwarded headers count. */
function trustedProxyHops(): number {
  const setting = (process.env.MEND_TRUSTED_PROXIES ?? "").trim();
  if (!setting || setting === "0") return 0;
  const hops = Number(setting);
  // A list of addresses: the nearest proxy's word is what counts.
  return Number.isInteger(hops) && hops > 0 ? hops : 1;
}

/**
 * Whether the visitor reached Mend over HTTPS. `X-Forwarded-Proto` counts only when the operator
 * trusts proxies (MEND_TRUSTED_PROXIES), and then only the value the outermost trusted proxy
 * wrote; anyone else can send that header. Without trusted proxies, a request that carries the
 * header is taken as plain HTTP, because Next derives the URL's protocol from that same header.
 */
export function isHttpsRequest(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto");
  if (forwarded) {
    const hops = trustedProxyHops();
    if (hops === 0) return false;
    const values = forwarded.split(",").map((v) => v.trim().toLowerCase());
    return values[Math.max(0, values.length - hops)] === "https";
  }
  return request.nextUrl.protocol === "https:";
}

export type SecurityHeaders = {
  nonce: string;
  /** Continue to the page with the nonce on the request (Next reads it from the CSP header there). */
  next(requestHeaders?: Headers): NextResponse;
  /** Adds CSP, HSTS and no-store to a response the proxy produced itself (a redirect, a refusal). */
  apply<R extends Response>(response: R): R;
};

/**
 * The browser policy for one request through the proxy: a nonce'd CSP, HSTS over HTTPS, and
 * `Cache-Control: no-store`, since every path the proxy sees is rendered per request and may hold
 * someone's clinical data (static assets never reach it).
 */
export function securityHeadersFor(request: NextRequest): SecurityHeaders {
  const nonce = createNonce();
  const https = isHttpsRequest(request);
  const policy = contentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });
  const apply = <R extends Response>(response: R): R => {
    response.headers.set("Content-Security-Policy", policy);
    response.headers.set("Cache-Control", "no-store");
    if (https && process.env.NODE_ENV === "production") response.headers.set("Strict-Transport-Security", HSTS_VALUE);
    return response;
  };
  return {
    nonce,
    apply,
    next(requestHeaders = new Headers(request.headers)) {
      requestHeaders.set("x-nonce", nonce);
      requestHeaders.set("Content-Security-Policy", policy);
      return apply(NextResponse.next({ request: { headers: requestHeaders } }));
    },
  };
}
