import Link from "next/link";

/**
 * What every "not found" says. It carries no landmark of its own: inside a signed-in layout it
 * sits in the shell's <main>, and the root not-found page wraps it in one.
 */
export function NotFoundMessage() {
  return (
    <div className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted">There is nothing here, or it isn&apos;t yours to see.</p>
      <p>
        <Link href="/" className="font-medium text-brand underline">
          Go to your home page
        </Link>
      </p>
    </div>
  );
}
