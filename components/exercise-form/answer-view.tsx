import type { FieldSpec } from "@/lib/program/fields";

function display(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (field.kind === "choice") return field.options?.find((o) => o.value === String(value))?.label ?? String(value);
  if (field.kind === "rating") return `${String(value)} out of ${field.max ?? 10}`;
  return String(value);
}

/** A sent answer, read-only, laid out with the questions it answers. */
export function AnswerView({ fields, payload }: { fields: FieldSpec[]; payload: Record<string, unknown> }) {
  return (
    <dl className="space-y-3">
      {fields.map((field) => (
        <div key={field.name}>
          <dt className="text-sm font-medium text-muted">{field.label}</dt>
          {field.kind === "list" ? (
            <dd>
              <ol className="mt-1 list-decimal space-y-2 pl-5">
                {(Array.isArray(payload[field.name]) ? (payload[field.name] as Record<string, unknown>[]) : []).map((row, i) => (
                  <li key={i}>
                    {(field.itemFields ?? []).map((item) => (
                      <p key={item.name} className="whitespace-pre-wrap break-words">
                        <span className="text-muted">{item.label}: </span>
                        {display(item, row[item.name])}
                      </p>
                    ))}
                  </li>
                ))}
              </ol>
            </dd>
          ) : (
            <dd className="whitespace-pre-wrap break-words text-ink">{display(field, payload[field.name])}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
