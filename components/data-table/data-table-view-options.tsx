"use client";

import { Columns3 } from "lucide-react";
import { useCallback, useSyncExternalStore } from "react";

type Visibility = Record<string, boolean>;
const CHANGE_EVENT = "mend:column-visibility";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function parse(raw: string | null): Visibility {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean"));
  } catch {
    return {};
  }
}

/**
 * Which columns are shown, remembered per device in localStorage. The server renders every column
 * (it cannot know the choice); the stored choice applies as soon as the page hydrates.
 */
export function useStoredVisibility(key: string | undefined): [Visibility, (next: Visibility) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => (key ? window.localStorage.getItem(key) : null),
    () => null,
  );
  const set = useCallback(
    (next: Visibility) => {
      if (!key) return;
      window.localStorage.setItem(key, JSON.stringify(next));
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [key],
  );
  return [parse(raw), set];
}

/** The table's view options: a disclosure listing its columns as checkboxes. */
export function ColumnVisibilityMenu({
  columns,
  onChange,
  onReset,
}: {
  columns: { id: string; label: string; visible: boolean }[];
  onChange: (id: string, visible: boolean) => void;
  onReset: () => void;
}) {
  return (
    <details className="relative inline-block text-sm">
      <summary className="inline-flex min-h-9 cursor-pointer items-center gap-2 rounded-md border border-line bg-surface px-3 font-medium text-ink hover:bg-bg">
        <Columns3 aria-hidden className="size-4" />
        Columns
      </summary>
      <fieldset className="absolute z-10 mt-1 w-60 space-y-1 rounded-md border border-line bg-surface p-3 shadow-md">
        <legend className="sr-only">Columns to show</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2 py-0.5">
            <input type="checkbox" checked={column.visible} onChange={(e) => onChange(column.id, e.target.checked)} />
            {column.label}
          </label>
        ))}
        <button type="button" onClick={onReset} className="mt-2 font-medium text-brand hover:underline">
          Show all columns
        </button>
      </fieldset>
    </details>
  );
}
