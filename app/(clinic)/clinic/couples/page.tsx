import type { Metadata } from "next";
import { Pager } from "@/components/ui/pager";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { listClinicCouples } from "@/lib/dal/clinic-couples";
import { listActiveCounsellors } from "@/lib/dal/clinic-staff";
import { formatDay } from "@/lib/format";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { clinicCouplesQuerySchema } from "@/lib/validations/clinic";
import { ReassignForm } from "./reassign-form";

export const metadata: Metadata = { title: "Couples" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClinicCouplesPage({ searchParams }: Props) {
  const query = clinicCouplesQuerySchema.parse(await searchParams);
  const [page, counsellors] = await Promise.all([listClinicCouples(query), listActiveCounsellors()]);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.counsellor) params.set("counsellor", query.counsellor);
    params.set("page", String(n));
    return `/clinic/couples?${params}`;
  };
  return (
    <>
      <PageHeader
        title="Couples"
        description="Who each couple works with. Check-ins, answers and notes stay with the couple and their counsellor."
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter couples">
        <div className="w-full sm:w-64">
          <label htmlFor="couples-q" className="mb-1 block text-sm font-medium">
            Search couples
          </label>
          <input id="couples-q" name="q" type="search" defaultValue={query.q} className={controlClass} />
        </div>
        <div>
          <label htmlFor="couples-counsellor" className="mb-1 block text-sm font-medium">
            Counsellor
          </label>
          <select id="couples-counsellor" name="counsellor" defaultValue={query.counsellor ?? ""} className={controlClass}>
            <option value="">Any counsellor</option>
            {counsellors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Couples of the clinic</caption>
          <thead className="bg-bg">
            <tr>
              <th scope="col" className="px-3 py-2">Couple</th>
              <th scope="col" className="px-3 py-2">Counsellor</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Started</th>
              <th scope="col" className="px-3 py-2">Reassign to</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-muted">
                  No couples match this view.
                </td>
              </tr>
            ) : (
              page.rows.map((c) => (
                <tr key={c.id} className="border-t border-line align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {c.name}
                  </th>
                  <td className="px-3 py-2">{c.counsellorName}</td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONES[c.status]}>{STATUS_LABELS[c.status]}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={c.startedOn}>{formatDay(c.startedOn)}</time>
                  </td>
                  <td className="px-3 py-2">
                    <ReassignForm coupleId={c.id} coupleName={c.name} currentCounsellorId={c.counsellorId} counsellors={counsellors} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        noun={["couple", "couples"]}
        hrefs={{ previous: pageHref(page.page - 1), next: pageHref(page.page + 1) }}
      />
    </>
  );
}
