"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Picks an IANA time zone from the server's list (the same list the server checks against), with
 * an optional first choice that is not a zone (a person's "use my clinic's"). A native select: on a
 * phone it opens the system picker, and typing a city's first letters jumps to it.
 */
export function TimeZoneForm({
  action,
  label,
  current,
  zones,
  fallback,
}: {
  action: FormAction;
  /** Names the form for screen readers, e.g. "Clinic time zone". */
  label: string;
  current: string;
  zones: string[];
  /** A first choice standing for "no zone of my own", with its value. */
  fallback?: { value: string; label: string };
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-label={label} noValidate>
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={current}
        hint="Type the first letters of a city to jump to it."
        errors={state.fieldErrors?.timeZone}
      >
        {fallback ? <option value={fallback.value}>{fallback.label}</option> : null}
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
      {state.message ? (
        <Alert tone={state.status === "ok" ? "success" : "error"} aria-live={state.status === "ok" ? "polite" : "assertive"}>
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
