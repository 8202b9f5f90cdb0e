"use client";

import { useDatabaseStatus } from "./use-database-status";

/** A failure in the root layout itself: plain markup, since the app's styles may not have loaded. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const database = useDatabaseStatus();
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1rem", textAlign: "center", color: "#1f2933" }}>
        <main>
          <h1>{database === "down" ? "We can't reach the database just now" : "Mend is unavailable right now"}</h1>
          <p>
            {database === "down" ? "Mend reconnects by itself as soon as it is back. " : ""}Please try again in a moment. Nothing you saved
            has been lost.
          </p>
          <button type="button" onClick={() => retry()} style={{ padding: "0.6rem 1rem", marginTop: "1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
