"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { setClinicTimeZoneAction } from "./actions";

/**
 * The clinic's time zone: a text box searching the list of IANA zones as you type (a native
 * datalist), checked against the same list on the server.
 */
export function ClinicTimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [state, action, pending] = useActionState(setClinicTimeZoneAction, initialFormState);
  const listId = useId();
  return (
    <form action={action} className="space-y-3" aria-label="Clinic time zone" noValidate key={state.savedAt}>
      <TextField
        label="Time zone"
        name="timeZone"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint="Start typing a city or region, e.g. London or Auckland, and pick it from the list."
        defaultValue={state.status === "error" ? (state.values?.timeZone ?? current) : current}
        errors={state.fieldErrors?.timeZone}
        className="max-w-sm"
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
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
