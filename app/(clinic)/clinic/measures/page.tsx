import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listClinicMeasures } from "@/lib/dal/measures";
import { requireRole } from "@/lib/dal/viewer";
import { ImportMeasureForm } from "./import-form";
import { MeasuresTable } from "./measures-table";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Measures" };

export default async function ClinicMeasuresPage() {
  await requireRole("clinic_admin");
  const measures = await listClinicMeasures();
  return (
    <>
      <PageHeader
        title="Measures"
        description="Questionnaires counsellors can ask both partners to answer every few weeks, scored by Mend."
      />
      <div className="mb-6">
        <MeasuresTable measures={measures} />
      </div>
      <Card className="max-w-2xl">
        <CardTitle className="mb-1">Import an instrument</CardTitle>
        <div className="mb-4 space-y-2 text-sm text-muted">
          <p>
            Bring in a published instrument your clinic is licensed to use, as a FHIR Questionnaire. Its wording stays with your clinic.
            Importing a changed file adds a new version; answers already given keep the version they were given under.
          </p>
          <p>
            Mend&apos;s own two measures are short questionnaires we wrote. They are not validated instruments, so they claim no cut-off
            and no reliable change.
          </p>
        </div>
        <ImportMeasureForm />
      </Card>
    </>
  );
}
