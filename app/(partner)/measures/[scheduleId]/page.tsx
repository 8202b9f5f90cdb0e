import Link from "next/link";
import { MeasureForm } from "@/components/measures/measure-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMeasureForm } from "@/lib/dal/measure-responses";
import { submitMeasureAction } from "./actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Questionnaire" };

type Props = { params: Promise<{ scheduleId: string }> };

const backLink = "inline-flex min-h-11 items-center font-medium text-brand underline-offset-2 hover:underline";

/** One questionnaire, answered on a phone: a question at a time down the page, one submit, no score shown. */
export default async function MeasurePage({ params }: Props) {
  const { scheduleId } = await params;
  // Another couple's schedule, a stopped one or a made-up id: "not found", naming nothing.
  const form = await getMeasureForm(scheduleId);
  const open = form.occasionOn !== null && !form.answered;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title={form.title}
        description={open ? `${form.instructions ?? "Think about the past two weeks."} Choose one answer for each question.` : undefined}
      />
      <Card>
        {form.occasionOn === null ? (
          <p>This questionnaire isn&apos;t due yet. It will be on your Today page when it is.</p>
        ) : form.answered ? (
          <p>You&apos;ve answered this one. Thank you. It will be on your Today page again when it&apos;s next due.</p>
        ) : (
          <>
            <p className="mb-5 text-sm text-muted">Your counsellor sees your answers. Your partner doesn&apos;t, and you don&apos;t see theirs.</p>
            <MeasureForm action={submitMeasureAction.bind(null, form.scheduleId)} occasionOn={form.occasionOn} items={form.items} />
          </>
        )}
        {open ? null : (
          <Link href="/today" className={`mt-3 ${backLink}`}>
            Back to Today
          </Link>
        )}
      </Card>
      {form.copyright ? <p className="mt-3 text-xs text-muted">{form.copyright}</p> : null}
    </div>
  );
}
