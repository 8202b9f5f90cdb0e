import { Badge } from "@/components/ui/badge";
import type { FieldSpec } from "@/lib/program/fields";

function display(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (field.kind === "choice") return field.options?.find((o) => o.value === String(value))?.label ?? String(value);
  if (field.kind === "rating") return `${String(value)} out of ${field.max ?? 10}`;
  return String(value);
}

/**
 * A sent answer, read-only, laid out with the questions it answers in the form's order (list
 * rows too), never in the order the stored answer happens to hold its keys. `concerning` names
 * the fields whose answers the kind finds worrying (a safety screen), marked for the counsellor.
 */
export function AnswerView({
  fields,
  payload,
  concerning = [],
}: {
  fields: FieldSpec[];
  payload: Record<string, unknown>;
  concerning?: readonly string[];
}) {
  return (
    <dl className="space-y-3">
      {fields.map((field) => {
        const worrying = concerning.includes(field.name);
        return (
          <div key={field.name} data-concerning={worrying ? "true" : undefined} className={worrying ? "rounded-md border-l-4 border-danger pl-2" : undefined}>
            <dt className="text-sm font-medium text-muted">
              {field.label}
              {worrying ? (
                <>
                  {" "}
                  <Badge tone="danger">Worrying answer</Badge>
                </>
              ) : null}
            </dt>
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
        );
      })}
    </dl>
  );
}
