import { BlockList, isIP } from "node:net";

/**
 * The header the server stamps on every request with the address of the socket it arrived on
 * (see {@link stampPeerAddress}). Whatever a client sends under this name is overwritten, so it
 * is the one address a client cannot choose. `next start` alone is no help here: it fills
 * X-Forwarded-For with the socket address only when the request did not bring one, so a client
 * that sends the header hides the socket address from the app entirely.
 */
export const PEER_ADDRESS_HEADER = "x-mend-peer-address";

/** The key used when no address is known (outside `next start`, or a request with no socket). */
export const UNKNOWN_ADDRESS = "unknown";

export type TrustedProxies =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: BlockList; entries: string[] };

/** "::ffff:203.0.113.9" and "203.0.113.9" are one client. */
export function normaliseAddress(value: string): string {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const address = mapped ? mapped[1] : trimmed;
  return isIP(address) === 6 ? address.toLowerCase() : address;
}

/**
 * Reads MEND_TRUSTED_PROXIES: empty for none (the socket's address is the client's), a whole
 * number for how many proxies stand in front of Mend, or a comma list of proxy addresses and
 * CIDR ranges (IPv4 or IPv6). Anything unreadable is a configuration error, raised at once.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const raw = value?.trim() ?? "";
  if (!raw || raw === "0") return { kind: "none" };
  if (/^\d+$/.test(raw)) return { kind: "hops", hops: Math.min(Number(raw), 32) };
  const list = new BlockList();
  const entries = raw.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const normalised = normaliseAddress(address ?? "");
    const family = isIP(normalised);
    const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === "") {
      throw new Error(`MEND_TRUSTED_PROXIES: "${entry}" is not an address, a CIDR range or a hop count.`);
    }
    list.addSubnet(normalised, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { kind: "list", list, entries };
}

function isTrusted(trusted: TrustedProxies & { kind: "list" }, address: string): boolean {
  const family = isIP(address);
  if (!family) return false;
  return trusted.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Only a real IP address becomes a throttle key; anything else a proxy passed on is "unknown". */
function asKey(value: string | undefined): string {
  const address = normaliseAddress(value ?? "");
  return isIP(address) ? address : UNKNOWN_ADDRESS;
}

/**
 * The address of the client that sent this request. Without trusted proxies it is the socket's
 * address, whatever X-Forwarded-For says. With a hop count N it is the entry N hops to the left of
 * the socket in X-Forwarded-For (each proxy appends the address it saw); with a list it is the
 * rightmost address that is not one of the listed proxies. Entries to the left of that were written
 * by the client and are never read.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies = trustedProxies()): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer) return UNKNOWN_ADDRESS;
  if (trusted.kind === "none") return asKey(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  if (trusted.kind === "hops") return asKey(chain[Math.max(0, chain.length - 1 - trusted.hops)]);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normaliseAddress(chain[i]!);
    if (i === 0 || !isTrusted(trusted, address)) return asKey(address);
  }
  return UNKNOWN_ADDRESS;
}

/** Whether the socket this request came in on belongs to a proxy the operator trusts. */
export function cameThroughTrustedProxy(headers: Headers, trusted: TrustedProxies = trustedProxies()): boolean {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer || trusted.kind === "none") return false;
  if (trusted.kind === "hops") return true;
  return isTrusted(trusted, normaliseAddress(peer));
}

let cached: { raw: string | undefined; parsed: TrustedProxies } | undefined;

/** MEND_TRUSTED_PROXIES, parsed once per value. */
export function trustedProxies(): TrustedProxies {
  const raw = process.env.MEND_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseTrustedProxies(raw) };
  return cached.parsed;
}
