import "server-only";
import { headers } from "next/headers";
import { cameThroughTrustedProxy } from "@/lib/http/client-address";

/** A host header worth putting in a link: a name or address, and perhaps a port. Nothing else. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The address people reach Mend at, for links that leave the app (invitations). MEND_PUBLIC_URL
 * wins (then AUTH_URL). Otherwise the request's Host header; X-Forwarded-Host and -Proto count
 * only when the request came through a proxy named in MEND_TRUSTED_PROXIES, since anyone can send
 * them and an invitation link pointing at someone else's site would hand them the token.
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.MEND_PUBLIC_URL || process.env.AUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  try {
    const h = await headers();
    const viaProxy = cameThroughTrustedProxy(h);
    const forwardedHost = viaProxy ? h.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
    const host = forwardedHost || h.get("host");
    const forwardedProto = viaProxy ? h.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
    const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
    if (host && HOST.test(host)) return `${proto}://${host}`;
  } catch {
    // Outside a request (scripts, tests): fall through.
  }
  return `http://localhost:${process.env.PORT || 3000}`;
}
