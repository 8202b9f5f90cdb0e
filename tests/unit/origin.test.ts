import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";

const incoming = { headers: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => incoming.headers }));

const { appOrigin } = await import("@/lib/origin");

function setHeaders(values: Record<string, string>) {
  incoming.headers = new Headers(values);
}

describe("appOrigin for invitation links", () => {
  beforeEach(() => {
    vi.stubEnv("MEND_PUBLIC_URL", "");
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("MEND_TRUSTED_PROXIES", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("uses MEND_PUBLIC_URL when it is set, whatever the request says", async () => {
    vi.stubEnv("MEND_PUBLIC_URL", "https://mend.example.org/");
    setHeaders({ host: "evil.example", "x-forwarded-host": "evil.example", [PEER_ADDRESS_HEADER]: "203.0.113.7" });
    expect(await appOrigin()).toBe("https://mend.example.org");
  });

  it("ignores forwarded host and scheme that no trusted proxy set", async () => {
    setHeaders({
      host: "mend.clinic.test:3000",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      [PEER_ADDRESS_HEADER]: "203.0.113.7",
    });
    expect(await appOrigin()).toBe("http://mend.clinic.test:3000");
  });

  it("believes the forwarded host from a listed proxy", async () => {
    vi.stubEnv("MEND_TRUSTED_PROXIES", "10.0.0.0/8");
    setHeaders({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "mend.clinic.test",
      "x-forwarded-proto": "https",
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
    });
    expect(await appOrigin()).toBe("https://mend.clinic.test");
    setHeaders({ host: "mend.clinic.test", "x-forwarded-host": "evil.example", [PEER_ADDRESS_HEADER]: "203.0.113.7" });
    expect(await appOrigin()).toBe("http://mend.clinic.test");
  });

  it("never builds a link from a malformed Host header", async () => {
    setHeaders({ host: "evil.example/path?x=", [PEER_ADDRESS_HEADER]: "203.0.113.7" });
    expect(await appOrigin()).toBe(`http://localhost:${process.env.PORT || 3000}`);
  });
});
