import { z } from "zod";

/** Days a URL may name: anything outside is a typo or a probe, never a record in Mend. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

/** NUL and the other control characters: Postgres refuses NUL in text, and no one types the rest. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A yyyy-MM-dd day between {@link EARLIEST_YEAR} and {@link LATEST_YEAR}. */
export function isSaneDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && z.iso.date().safeParse(value).success;
}

/** A real calendar day within the sane years, for date filters read from the URL. */
export const urlDay = z.iso.date().refine(isSaneDay);

/** Free text from the URL (a search box): trimmed, at most `max` characters, no control characters. */
export function urlText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !CONTROL.test(value));
}
