import { getReadiness } from "@/lib/dal/health";

/**
 * Readiness for load balancers and uptime checks, open to anyone: 200 `{"status":"ready"}` when
 * the database answers, 503 `{"status":"not ready"}` when it does not. The body never says why.
 */
export async function GET(): Promise<Response> {
  const status = await getReadiness();
  return Response.json({ status }, { status: status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
