"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { NoteFormat } from "@/db/schema/enums";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { NOTE_FORMAT_LABELS } from "@/lib/labels";
import type { NOTE_SECTIONS } from "@/lib/validations/notes";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  defaults?: { format: NoteFormat; body: Record<string, string> };
  /** An addendum is free text, signed when saved. */
  addendum?: boolean;
  idPrefix: string;
  /**
   * Each format's sections, handed in by the page so the form's browser code does not carry the
   * validation library.
   */
  sections: typeof NOTE_SECTIONS;
};

/** Write a note (SOAP, DAP or free-form): save it as a draft, or sign it, which locks it. */
export function NoteForm({ action, defaults, addendum = false, idPrefix, sections: formatSections }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [format, setFormat] = useState<NoteFormat>((state.values?.format as NoteFormat | undefined) ?? defaults?.format ?? "soap");
  const errors = state.fieldErrors ?? {};
  const sections = addendum ? formatSections.free : formatSections[format];
  // After a save a new note starts empty; a refused save keeps the text.
  const formKey = defaults ? "edit" : (state.savedAt ?? "initial");
  return (
    <form action={formAction} className="space-y-3" aria-label={addendum ? "Addendum" : defaults ? "Edit draft note" : "New note"} noValidate>
      <div key={formKey} className="space-y-3">
        {addendum ? null : (
          <SelectField
            label="Format"
            name="format"
            value={format}
            onChange={(e) => setFormat(e.target.value as NoteFormat)}
            errors={errors.format}
            className="max-w-xs"
          >
            {Object.entries(NOTE_FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        )}
        {sections.map((s) => (
          <TextAreaField
            key={`${idPrefix}-${format}-${s.key}`}
            label={addendum ? "Addendum" : s.label}
            name={s.key}
            defaultValue={state.values?.[s.key] ?? defaults?.body[s.key] ?? ""}
            errors={errors[s.key]}
          />
        ))}
      </div>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {addendum ? null : (
          <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
            Save draft
          </Button>
        )}
        <Button type="submit" name="intent" value="sign" disabled={pending}>
          {addendum ? "Sign addendum" : "Sign note"}
        </Button>
      </div>
      <p className="text-sm text-muted">
        {addendum
          ? "An addendum is signed under your name when you save it."
          : "A draft can be changed or signed only by you. A signed note can't be changed; corrections are added as addenda."}
      </p>
    </form>
  );
}
