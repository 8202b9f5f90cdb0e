"use client";

import { useEffect, useState } from "react";

/** "unknown" until the readiness probe answers; "down" only on its 503. */
export type DatabaseStatus = "unknown" | "up" | "down";

/**
 * Asks /api/health (open to anyone, never cached) whether the database answers, so an error page
 * can say "we can't reach the database" only when that is true. A failed probe (the server
 * itself unreachable) leaves the status unknown rather than guessing.
 */
export function useDatabaseStatus(): DatabaseStatus {
  const [status, setStatus] = useState<DatabaseStatus>("unknown");
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => {
        if (live) setStatus(response.status === 503 ? "down" : response.ok ? "up" : "unknown");
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return status;
}
