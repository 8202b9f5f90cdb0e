"use client";

import { useState, type ReactNode } from "react";

/**
 * A `<details>` whose content is drawn the first time it opens, not with the page: a couple's page
 * holds a form per note and per assignment that most visits never open. Once drawn it stays, so
 * closing and reopening keeps what was typed.
 */
export function LazyDetails({
  summary,
  children,
  className,
  summaryClassName = "cursor-pointer font-medium text-brand",
  defaultOpen = false,
}: {
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  summaryClassName?: string;
  defaultOpen?: boolean;
}) {
  const [drawn, setDrawn] = useState(defaultOpen);
  return (
    <details className={className} open={defaultOpen || undefined} onToggle={(e) => e.currentTarget.open && setDrawn(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {drawn ? children : null}
    </details>
  );
}
