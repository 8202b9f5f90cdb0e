import "server-only";

/** A CSV download that no cache keeps: exports are audited one by one. */
export function csvResponse(csv: string, filename: string): Response {
  // A byte-order mark so spreadsheet programs read the names' accents as UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
