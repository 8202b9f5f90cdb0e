import { ensureReady } from "@/db/ready";
import { MISSING_SECRET_MESSAGE } from "@/lib/auth/secret";

/**
 * Refuses to start without a session secret in production, then migrates (and seeds the demo
 * clinic where enabled) before the first request arrives.
 */
export async function boot(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    console.error(`\n[mend] ${MISSING_SECRET_MESSAGE}\n`);
    process.exit(1);
  }
  try {
    await ensureReady();
  } catch (error) {
    // Keep serving: pages explain that the database is unreachable and retry on the next request.
    console.error("[mend] the database is not ready yet:", error instanceof Error ? error.message : error);
  }
}
