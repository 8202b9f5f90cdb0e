import Link from "next/link";
import type { CounsellorLoad } from "@/lib/dal/clinic-staff";

/**
 * Counsellors and how many couples each carries. `manage` adds each counsellor's email and a
 * link to deactivate them (the counsellors page); the overview shows the counts alone.
 */
export function CounsellorLoadTable({ counsellors, caption, manage = false }: { counsellors: CounsellorLoad[]; caption: string; manage?: boolean }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-bg">
        <tr>
          <th scope="col" className="px-3 py-2">Counsellor</th>
          {manage ? <th scope="col" className="px-3 py-2">Email</th> : null}
          <th scope="col" className="px-3 py-2">Active couples</th>
          <th scope="col" className="px-3 py-2">All couples</th>
          {manage ? (
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {counsellors.map((c) => (
          <tr key={c.id} className="border-t border-line">
            <th scope="row" className="px-3 py-2 font-medium">
              {c.name}
              {c.active ? null : <span className="ml-2 text-muted">(deactivated)</span>}
            </th>
            {manage ? <td className="px-3 py-2">{c.email}</td> : null}
            <td className="px-3 py-2">{c.activeCouples}</td>
            <td className="px-3 py-2">{c.totalCouples}</td>
            {manage ? (
              <td className="px-3 py-2">
                {c.active ? (
                  <Link href={`/clinic/counsellors/${c.id}`} className="font-medium text-brand underline underline-offset-2">
                    Deactivate<span className="sr-only"> {c.name}</span>
                  </Link>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
