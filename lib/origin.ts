import "server-only";
import { headers } from "next/headers";

/**
 * The address people reach Mend at, for links that leave the app (invitations). MEND_PUBLIC_URL
 * wins; otherwise the request's own host.
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.MEND_PUBLIC_URL || process.env.AUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    if (host) return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
  } catch {
    // Outside a request (scripts, tests): fall through.
  }
  return `http://localhost:${process.env.PORT || 3000}`;
}
