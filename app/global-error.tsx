"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1rem", textAlign: "center", color: "#1f2933" }}>
        <main>
          <h1>Mend is unavailable right now</h1>
          <p>Please try again in a moment. Nothing you saved has been lost.</p>
          <button type="button" onClick={() => reset()} style={{ padding: "0.6rem 1rem", marginTop: "1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
