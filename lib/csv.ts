import Papa from "papaparse";

/** Characters that make a spreadsheet read a cell as a formula (or split it), when they lead. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * A cell made safe to open in a spreadsheet: text starting with = + - @ tab or carriage return
 * gets a leading apostrophe, so "=HYPERLINK(...)" is shown as text instead of being run.
 */
export function neutraliseCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/** CSV text (RFC 4180, CRLF line ends) of a header row and data rows, every cell neutralised. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return Papa.unparse(
    { fields: header.map(neutraliseCell), data: rows.map((row) => row.map(neutraliseCell)) },
    { quotes: true, newline: "\r\n" },
  );
}
