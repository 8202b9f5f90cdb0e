import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

export type Facet = {
  /** URL parameter the facet sets. */
  param: string;
  label: string;
  /** Shown for "no filter". */
  anyLabel: string;
  options: { value: string; label: string }[];
  value: string | undefined;
};

/** A day filter, sent as yyyy-mm-dd. */
export type DateFilter = { param: string; label: string; value: string | undefined };

/**
 * Search, faceted filters and day filters as a plain GET form: the view lives in the URL, so it
 * works before the page hydrates and a copied link shows the same view. `keep` carries parameters
 * the form does not show (sort order, page size); the page always goes back to 1.
 */
export function DataTableToolbar({
  label,
  searchLabel,
  searchParam = "q",
  searchValue,
  facets = [],
  dates = [],
  keep = {},
  clearHref,
  idPrefix,
}: {
  /** The form's accessible name; defaults to the search label. */
  label?: string;
  /** Omit for a list filtered by facets and days alone. */
  searchLabel?: string;
  searchParam?: string;
  searchValue?: string;
  facets?: Facet[];
  dates?: DateFilter[];
  keep?: Record<string, string>;
  clearHref: string;
  idPrefix: string;
}) {
  const filtered = Boolean(searchValue) || facets.some((f) => f.value) || dates.some((d) => d.value);
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={label ?? searchLabel}>
      {searchLabel ? (
        <div className="w-full sm:w-56">
          <label htmlFor={`${idPrefix}-${searchParam}`} className="mb-1 block text-sm font-medium">
            {searchLabel}
          </label>
          <input id={`${idPrefix}-${searchParam}`} name={searchParam} type="search" defaultValue={searchValue} className={controlClass} />
        </div>
      ) : null}
      {facets.map((facet) => (
        <div key={facet.param}>
          <label htmlFor={`${idPrefix}-${facet.param}`} className="mb-1 block text-sm font-medium">
            {facet.label}
          </label>
          <select id={`${idPrefix}-${facet.param}`} name={facet.param} defaultValue={facet.value ?? ""} className={controlClass}>
            <option value="">{facet.anyLabel}</option>
            {facet.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {dates.map((day) => (
        <div key={day.param}>
          <label htmlFor={`${idPrefix}-${day.param}`} className="mb-1 block text-sm font-medium">
            {day.label}
          </label>
          <input id={`${idPrefix}-${day.param}`} name={day.param} type="date" defaultValue={day.value ?? ""} className={controlClass} />
        </div>
      ))}
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <Link href={clearHref} className="min-h-11 content-center px-2 text-sm font-medium text-brand hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
