import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** The overview's date range, as a plain GET form so the range lives in the URL. */
export function RangeForm({
  values,
  message,
  fieldErrors,
}: {
  values: { from: string; to: string };
  message?: string;
  fieldErrors?: Partial<Record<"from" | "to", string[]>>;
}) {
  return (
    <form method="get" action="/clinic" className="mb-6 space-y-3" aria-label="Date range">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="From" name="from" type="date" defaultValue={values.from} errors={fieldErrors?.from} className="w-44" />
        <TextField label="To" name="to" type="date" defaultValue={values.to} errors={fieldErrors?.to} className="w-44" />
        <Button type="submit" variant="secondary">
          Show figures
        </Button>
      </div>
    </form>
  );
}
