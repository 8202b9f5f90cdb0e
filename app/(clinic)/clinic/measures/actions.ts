"use server";

import { formAction } from "@/lib/actions/action";
import { formDataToObject } from "@/lib/actions/form-data";
import { importMeasure } from "@/lib/dal/measures";
import { measureImportSchema } from "@/lib/validations/measures";

/** Imports an instrument from an uploaded (or pasted) FHIR Questionnaire into the admin's clinic. */
export const importMeasureAction = formAction({
  name: "import-measure",
  schema: measureImportSchema,
  // The file itself is not a text field: hand it to the schema beside the pasted text.
  input: (formData) => ({ ...formDataToObject(formData), file: formData.get("file") ?? undefined }),
  revalidate: ["/clinic/measures"],
  handler: async ({ input }) => {
    const text = input.file ? await input.file.text() : input.pasted;
    const result = await importMeasure(text);
    return {
      message:
        result.status === "imported"
          ? `Imported "${result.title}" as version ${result.version}.`
          : `"${result.title}" is already imported exactly as this (version ${result.version}); nothing changed.`,
    };
  },
});
