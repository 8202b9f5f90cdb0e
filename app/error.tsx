"use client";

import { Button } from "@/components/ui/button";

/** Any unexpected failure: a calm message and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted">
        We couldn&apos;t load this page just now — the service may be briefly unavailable. Nothing you saved has been lost.
      </p>
      <div>
        <Button onClick={() => reset()}>Try again</Button>
      </div>
    </main>
  );
}
