"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { FieldSpec } from "@/lib/program/fields";
import { controlName } from "@/lib/validations/exercise-form";

type Row = Record<string, string>;

/** A repeatable group of fields (rows of a trigger map), with add and remove buttons. */
export function ListField({
  field,
  defaultRows,
  errors,
}: {
  field: FieldSpec;
  defaultRows: Row[];
  errors: Record<string, string[] | undefined>;
}) {
  const baseId = useId();
  // Keys that survive removals, so React keeps each row's typed text with its row.
  const [rows, setRows] = useState(() => (defaultRows.length ? defaultRows : [{}]).map((row, i) => ({ key: i, row })));
  const [nextKey, setNextKey] = useState(rows.length);
  const max = field.maxItems ?? 20;
  const ownErrors = errors[field.name];
  return (
    <fieldset className="space-y-3" aria-describedby={ownErrors?.length ? `${baseId}-error` : undefined}>
      <legend className="text-sm font-medium text-ink">{field.label}</legend>
      {field.help ? <p className="text-sm text-muted">{field.help}</p> : null}
      {rows.map(({ key, row }, index) => (
        <div key={key} className="space-y-3 rounded-md border border-line p-3">
          <p className="text-sm font-semibold text-ink">Row {index + 1}</p>
          {(field.itemFields ?? []).map((item) => {
            const name = controlName([field.name, index, item.name]);
            const itemErrors = errors[`${field.name}.${index}.${item.name}`];
            const common = { label: item.label, hint: item.help, name, defaultValue: row[item.name] ?? "", errors: itemErrors };
            return item.kind === "textarea" ? <TextAreaField key={item.name} {...common} /> : <TextField key={item.name} {...common} />;
          })}
          {rows.length > 1 ? (
            <Button variant="secondary" onClick={() => setRows(rows.filter((r) => r.key !== key))}>
              Remove row {index + 1}
            </Button>
          ) : null}
        </div>
      ))}
      {rows.length < max ? (
        <Button
          variant="secondary"
          onClick={() => {
            setRows([...rows, { key: nextKey, row: {} }]);
            setNextKey(nextKey + 1);
          }}
        >
          Add a row
        </Button>
      ) : null}
      {ownErrors?.length ? (
        <p id={`${baseId}-error`} className="text-sm font-medium text-danger">
          {ownErrors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
