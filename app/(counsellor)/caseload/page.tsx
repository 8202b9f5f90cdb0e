import Link from "next/link";
import { Suspense } from "react";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { coupleStatusEnum } from "@/db/schema/enums";
import { listCaseload } from "@/lib/dal/caseload";
import { STATUS_LABELS } from "@/lib/labels";
import { FLAG_IDS, FLAG_LABELS } from "@/lib/metrics/flags";
import { EXERCISE_KINDS, STEPS } from "@/lib/program";
import { DEFAULT_CONTACT_LABEL } from "@/lib/validations/agreements";
import { caseloadQuerySchema, PAGE_SIZES, type CaseloadQuery } from "@/lib/validations/caseload";
import { CaseloadSkeleton } from "./caseload-skeleton";
import { CaseloadTable } from "./caseload-table";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Caseload" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CaseloadPage({ searchParams }: Props) {
  const query = caseloadQuerySchema.parse(await searchParams);
  const keep: Record<string, string> = { sort: query.sort, dir: query.dir, pageSize: String(query.pageSize) };
  const attentionHref = `/caseload?${new URLSearchParams({ ...keep, flag: "attention" })}`;
  return (
    <>
      <PageHeader
        title="Caseload"
        description="The couples you support, and where each one is."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={attentionHref}
              aria-current={query.flag === "attention" ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-4 font-medium text-ink hover:bg-bg aria-[current=page]:bg-brand-soft"
            >
              Needs attention
            </Link>
          </div>
        }
      />
      <DataTableToolbar
        idPrefix="caseload"
        searchLabel="Search couples"
        searchValue={query.q}
        keep={keep}
        clearHref="/caseload"
        facets={[
          {
            param: "status",
            label: "Status",
            anyLabel: "Any status",
            value: query.status,
            options: coupleStatusEnum.enumValues.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          },
          {
            param: "step",
            label: "Step",
            anyLabel: "Any step",
            value: query.step ? String(query.step) : undefined,
            options: STEPS.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.title}` })),
          },
          {
            param: "flag",
            label: "Flags",
            anyLabel: "Any or none",
            value: query.flag,
            options: [
              { value: "attention", label: "Needs attention (any flag)" },
              ...FLAG_IDS.map((id) => ({ value: id, label: FLAG_LABELS[id] })),
            ],
          },
        ]}
      />
      {/* Keyed by the view, so changing a filter, sort or page shows the loading state again. */}
      <Suspense key={JSON.stringify(query)} fallback={<CaseloadSkeleton />}>
        <CaseloadResults query={query} />
      </Suspense>
    </>
  );
}

async function CaseloadResults({ query }: { query: CaseloadQuery }) {
  const result = await listCaseload(query);
  const stepTitles = Object.fromEntries(STEPS.map((s) => [s.number, s.title]));
  const kindTitles = Object.fromEntries(Object.entries(EXERCISE_KINDS).map(([id, kind]) => [id, kind.title]));
  return (
    <CaseloadTable
      rows={result.rows}
      page={result}
      sort={{ id: query.sort, desc: query.dir === "desc" }}
      today={result.today}
      stepTitles={stepTitles}
      kindTitles={kindTitles}
      defaultContactLabel={DEFAULT_CONTACT_LABEL}
      pageSizes={PAGE_SIZES}
    />
  );
}
