"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { importMeasureAction } from "./actions";

/** Upload a FHIR Questionnaire (.json), or paste it; a bad file shows every problem found. */
export function ImportMeasureForm() {
  const [state, action, pending] = useActionState(importMeasureAction, initialFormState);
  const id = useId();
  const problems = state.fieldErrors?.file ?? [];
  return (
    <form action={action} className="space-y-4" aria-label="Import a measure" noValidate key={state.savedAt}>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-ink">
          Questionnaire file (.json)
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          A FHIR R4 Questionnaire with a score on every answer option and Mend&apos;s scoring extension. Up to 256 kB.
        </p>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".json,application/json,application/fhir+json"
          aria-describedby={problems.length > 0 ? `${id}-hint ${id}-problems` : `${id}-hint`}
          aria-invalid={problems.length > 0}
          className="block w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-2 file:text-ink"
        />
        {problems.length > 0 ? (
          <div id={`${id}-problems`} className="text-sm text-danger">
            <p className="font-medium">{problems.length === 1 ? "What to fix:" : `What to fix (${problems.length}):`}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <TextAreaField
        label="Or paste the Questionnaire"
        name="pasted"
        hint="Used only when no file is chosen."
        spellCheck={false}
        defaultValue={state.status === "error" ? (state.values?.pasted ?? "") : ""}
        errors={state.fieldErrors?.pasted}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import measure"}
      </Button>
    </form>
  );
}
