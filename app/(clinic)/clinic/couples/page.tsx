import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { listClinicCouples } from "@/lib/dal/clinic-couples";
import { listActiveCounsellors } from "@/lib/dal/clinic-staff";
import { clinicCouplesQuerySchema } from "@/lib/validations/clinic";
import { CouplesTable } from "./couples-table";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Couples" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClinicCouplesPage({ searchParams }: Props) {
  const query = clinicCouplesQuerySchema.parse(await searchParams);
  const [page, counsellors] = await Promise.all([listClinicCouples(query), listActiveCounsellors()]);
  return (
    <>
      <PageHeader
        title="Couples"
        description="Who each couple works with. Check-ins, answers and notes stay with the couple and their counsellor."
      />
      <DataTableToolbar
        idPrefix="couples"
        label="Filter couples"
        searchLabel="Search couples"
        searchValue={query.q}
        clearHref="/clinic/couples"
        facets={[
          {
            param: "counsellor",
            label: "Counsellor",
            anyLabel: "Any counsellor",
            value: query.counsellor,
            options: counsellors.map((c) => ({ value: c.id, label: c.name })),
          },
        ]}
      />
      <CouplesTable page={page} counsellors={counsellors} />
    </>
  );
}
