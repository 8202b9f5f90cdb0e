import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { coupleStatusEnum } from "@/db/schema/enums";
import { listCaseload } from "@/lib/dal/caseload";
import { todayIso } from "@/lib/dates";
import { STATUS_LABELS } from "@/lib/labels";
import { STEPS } from "@/lib/program";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { CaseloadTable } from "./caseload-table";

export const metadata: Metadata = { title: "Caseload" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CaseloadPage({ searchParams }: Props) {
  const query = caseloadQuerySchema.parse(await searchParams);
  const result = await listCaseload(query);
  const stepTitles = Object.fromEntries(STEPS.map((s) => [s.number, s.title]));
  return (
    <>
      <PageHeader title="Caseload" description="The couples you support, and where each one is." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter couples">
        <div className="w-full sm:w-64">
          <label htmlFor="caseload-q" className="mb-1 block text-sm font-medium">
            Search couples
          </label>
          <input id="caseload-q" name="q" type="search" defaultValue={query.q} className={controlClass} />
        </div>
        <div>
          <label htmlFor="caseload-status" className="mb-1 block text-sm font-medium">
            Status
          </label>
          <select id="caseload-status" name="status" defaultValue={query.status ?? ""} className={controlClass}>
            <option value="">Any status</option>
            {coupleStatusEnum.enumValues.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      <CaseloadTable
        rows={result.rows}
        page={result}
        sort={{ id: query.sort, desc: query.dir === "desc" }}
        today={todayIso()}
        stepTitles={stepTitles}
      />
    </>
  );
}
