"use client";

import { Button } from "@/components/ui/button";
import { useDatabaseStatus } from "./use-database-status";

/**
 * Any unexpected failure: a calm message and a retry, never a stack trace. When the readiness
 * probe says the database is unreachable, the page says so: Mend reconnects by itself once it is
 * back, and "Try again" fetches the page afresh.
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const database = useDatabaseStatus();
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center gap-4 px-4 text-center">
      {database === "down" ? (
        <>
          <h1 className="text-2xl font-semibold">We can&apos;t reach the database just now</h1>
          <p className="text-muted">
            Mend is running, but the database that holds your records isn&apos;t answering. Nothing you saved has been lost, and
            Mend reconnects by itself as soon as it is back. Please try again in a minute.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-muted">
            We couldn&apos;t load this page just now — the service may be briefly unavailable. Nothing you saved has been lost.
          </p>
        </>
      )}
      <div>
        <Button onClick={() => retry()}>Try again</Button>
      </div>
    </main>
  );
}
