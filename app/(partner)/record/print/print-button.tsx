"use client";

/** Opens the browser's print dialog (save as PDF from there). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 font-medium text-white hover:bg-brand-strong"
    >
      Print or save as PDF
    </button>
  );
}
