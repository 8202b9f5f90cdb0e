import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES, MAX_URL_LENGTH, refuseMalformedRequest } from "@/lib/http/request-guards";

const BASE = "http://mend.test:3000";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers: { host: "mend.test:3000", ...init.headers } });
}

function action(headers: Record<string, string>) {
  return request("/login", { method: "POST", headers: { "next-action": "0".repeat(42), ...headers } });
}

describe("refuseMalformedRequest", () => {
  it("lets ordinary pages and same-origin actions through", () => {
    expect(refuseMalformedRequest(request("/caseload?q=van%20Dijk"))).toBeNull();
    expect(refuseMalformedRequest(action({ origin: BASE, "content-length": "2000" }))).toBeNull();
    expect(refuseMalformedRequest(action({}))).toBeNull();
  });

  it("answers an over-long URL with 414", () => {
    expect(refuseMalformedRequest(request(`/caseload?q=${"a".repeat(MAX_URL_LENGTH)}`))?.status).toBe(414);
  });

  it.each(["/invite/%E0%A4%A", "/couples/%ZZ", "/%"])("answers the undecodable path %j with 400", (path) => {
    expect(refuseMalformedRequest(request(path))?.status).toBe(400);
  });

  it.each(["https://evil.example", "http://mend.test:3001", "http://mend.test.evil.example:3000", "null", "garbage"])(
    "answers a server action from %j with 403",
    (origin) => {
      expect(refuseMalformedRequest(action({ origin }))?.status).toBe(403);
    },
  );

  it("answers an action body over the limit with 413", () => {
    expect(refuseMalformedRequest(action({ origin: BASE, "content-length": String(MAX_ACTION_BODY_BYTES + 1) }))?.status).toBe(413);
    expect(refuseMalformedRequest(action({ origin: BASE, "content-length": "NaN" }))?.status).toBe(413);
  });
});
