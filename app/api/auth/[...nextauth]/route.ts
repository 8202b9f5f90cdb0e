import { handlers } from "@/lib/auth";
import { peekSessionState } from "@/lib/dal/viewer";
import type { NextRequest } from "next/server";

/**
 * Only what a browser of Mend needs from the auth library over HTTP. Signing in and out run as
 * server actions and call the library in-process, so its sign-in, error, verify-request and
 * providers pages are not served: they answer 404. Kept: the session endpoint (answered from the
 * session row), and sign-out with the CSRF token it requires (it revokes like Mend's own).
 */
const ALLOWED = { GET: new Set(["session", "csrf"]), POST: new Set(["signout"]) } as const;

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function actionOf(request: NextRequest): string {
  const rest = request.nextUrl.pathname.replace(/^\/api\/auth\/?/, "");
  // "signout" is one segment; anything deeper (callback/<provider>, signin/<provider>) is not served.
  return rest.includes("/") ? "" : rest;
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
}

/** No user, and the dead cookie cleared, for a token whose session row is not live. */
function noSession(request: NextRequest): Response {
  const response = Response.json(null, { headers: { "Cache-Control": "private, no-cache, no-store" } });
  for (const name of SESSION_COOKIES) {
    if (!request.cookies.has(name)) continue;
    const secure = name.startsWith("__Secure-") ? "; Secure" : "";
    response.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  return response;
}

export async function GET(request: NextRequest): Promise<Response> {
  const action = actionOf(request);
  if (!ALLOWED.GET.has(action)) return notFound();
  if (action === "session") {
    // Asking is not activity: polling this endpoint must not keep a copied cookie alive.
    const state = await peekSessionState();
    if (state.status !== "signed-in") return noSession(request);
  }
  return handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  if (!ALLOWED.POST.has(actionOf(request))) return notFound();
  return handlers.POST(request);
}
