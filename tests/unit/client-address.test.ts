import { describe, expect, it } from "vitest";
import { cameThroughTrustedProxy, clientAddress, parseTrustedProxies, PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "@/lib/http/client-address";

function request(peer: string | null, forwardedFor?: string): Headers {
  const h = new Headers();
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
}

describe("clientAddress without trusted proxies", () => {
  const none = parseTrustedProxies(undefined);

  it("is the socket's address, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(request("203.0.113.7"), none)).toBe("203.0.113.7");
    for (const spoof of ["1.2.3.4", "10.0.0.1, 203.0.113.7", "evil", "", "::1"]) {
      expect(clientAddress(request("203.0.113.7", spoof), none)).toBe("203.0.113.7");
    }
  });

  it("treats an IPv4 address seen over IPv6 as the same client", () => {
    expect(clientAddress(request("::ffff:198.51.100.4"), none)).toBe("198.51.100.4");
    expect(clientAddress(request("2001:DB8::1"), none)).toBe("2001:db8::1");
  });

  it("knows no address when the socket's was not stamped", () => {
    expect(clientAddress(request(null, "1.2.3.4"), none)).toBe(UNKNOWN_ADDRESS);
    expect(cameThroughTrustedProxy(request(null), none)).toBe(false);
  });
});

describe("clientAddress behind a hop count", () => {
  const one = parseTrustedProxies("1");
  const two = parseTrustedProxies("2");

  it("takes the entry the nearest proxy appended, not the client's own", () => {
    expect(clientAddress(request("10.0.0.2", "203.0.113.7"), one)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), one)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2"), two)).toBe("203.0.113.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the hop count", () => {
    expect(clientAddress(request("10.0.0.2"), one)).toBe("10.0.0.2");
    expect(clientAddress(request("10.0.0.2", "203.0.113.7"), two)).toBe("203.0.113.7");
  });
});

describe("clientAddress behind listed proxies", () => {
  const listed = parseTrustedProxies("10.0.0.0/8, 192.168.1.10, fd00::/8");

  it("takes the rightmost address that is not a listed proxy", () => {
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), listed)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7, 192.168.1.10"), listed)).toBe("203.0.113.7");
    expect(clientAddress(request("fd00::5", "2001:db8::9"), listed)).toBe("2001:db8::9");
  });

  it("ignores X-Forwarded-For from a peer that is not a listed proxy", () => {
    expect(clientAddress(request("203.0.113.7", "1.2.3.4"), listed)).toBe("203.0.113.7");
    expect(cameThroughTrustedProxy(request("203.0.113.7"), listed)).toBe(false);
    expect(cameThroughTrustedProxy(request("::ffff:10.1.2.3"), listed)).toBe(true);
  });

  it("never keys on a garbage entry", () => {
    expect(clientAddress(request("10.0.0.2", "<script>, x".repeat(20)), listed)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("parseTrustedProxies", () => {
  it("reads nothing, zero, a hop count or a list", () => {
    expect(parseTrustedProxies("").kind).toBe("none");
    expect(parseTrustedProxies(" 0 ").kind).toBe("none");
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("127.0.0.1,::1").kind).toBe("list");
  });

  it.each(["10.0.0.0/33", "10.0.0/8", "proxy.internal", "10.0.0.1/8/1", "::1/129", "10.0.0.0/"])("refuses %j", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/MEND_TRUSTED_PROXIES/);
  });
});
