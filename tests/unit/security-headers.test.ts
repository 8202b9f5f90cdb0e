import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeadersFor } from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

afterEach(() => vi.unstubAllEnvs());

describe("content security policy", () => {
  it("lets scripts run only with the request's nonce, never inline or eval in production", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc", https: false }));
    expect(d.get("script-src")).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(d.get("default-src")).toBe("'self'");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'none'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("form-action")).toBe("'self'");
    expect(d.get("img-src")).toBe("'self' data:");
    expect(d.get("connect-src")).toBe("'self'");
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets style elements in only with the nonce, and style attributes (which React renders) on their own", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc", https: false }));
    expect(d.get("style-src")).toBe("'self' 'nonce-abc'");
    expect(d.get("style-src")).not.toContain("'unsafe-inline'");
    expect(d.get("style-src-attr")).toBe("'unsafe-inline'");
    // Next's error overlay injects its own style elements while developing.
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, development: true })).get("style-src")).toBe("'self' 'unsafe-inline'");
  });

  it("allows eval for development tooling only, and upgrades requests only over HTTPS", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes a different unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("https detection", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers });

  it("ignores X-Forwarded-Proto unless proxies are trusted", () => {
    vi.stubEnv("MEND_TRUSTED_PROXIES", "");
    expect(isHttpsRequest(request("http://mend.test/", { "x-forwarded-proto": "https" }))).toBe(false);
    // Next derives the URL's protocol from that header too: it must not count either.
    expect(isHttpsRequest(request("https://mend.test/", { "x-forwarded-proto": "https" }))).toBe(false);
    expect(isHttpsRequest(request("http://mend.test/"))).toBe(false);
    expect(isHttpsRequest(request("https://mend.test/"))).toBe(true);
  });

  it("takes the protocol the outermost trusted proxy wrote", () => {
    vi.stubEnv("MEND_TRUSTED_PROXIES", "1");
    expect(isHttpsRequest(request("http://mend.test/", { "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(request("http://mend.test/", { "x-forwarded-proto": "https, http" }))).toBe(false);
    vi.stubEnv("MEND_TRUSTED_PROXIES", "2");
    expect(isHttpsRequest(request("http://mend.test/", { "x-forwarded-proto": "http, https, http" }))).toBe(true);
  });
});

describe("proxy responses", () => {
  it("put the nonce on the request for Next and the policy, no-store and HSTS on the response", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("MEND_TRUSTED_PROXIES", "1");
    const security = securityHeadersFor(
      new NextRequest("http://mend.test/caseload", {
        headers: { "x-forwarded-proto": "https", "x-nonce": "forged", "content-security-policy": "script-src *" },
      }),
    );
    const response = security.next();
    const csp = response.headers.get("content-security-policy");
    expect(csp).toContain(`'nonce-${security.nonce}'`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    // The headers Next will see on the request: ours, not the visitor's.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(security.nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("send no HSTS over plain HTTP", () => {
    vi.stubEnv("NODE_ENV", "production");
    const response = securityHeadersFor(new NextRequest("http://mend.test/login")).apply(new Response(null));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("object-src 'none'");
  });
});
