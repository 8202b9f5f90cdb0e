import "server-only";
import { databaseAnswers } from "@/db/ready";

/** How long a readiness probe waits for the database before calling it not ready. */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Whether Mend can serve requests: the database is migrated and answers a trivial query within
 * {@link HEALTH_TIMEOUT_MS}. Never throws and never says why, so a probe cannot learn anything but
 * ready or not.
 */
export async function getReadiness(): Promise<"ready" | "not ready"> {
  return (await databaseAnswers(HEALTH_TIMEOUT_MS)) ? "ready" : "not ready";
}
