"use client";

import Link from "next/link";
import { DataTable, type ServerPage } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { CaseloadPartner, CaseloadRow } from "@/lib/dal/caseload";
import { formatChange, formatDaysAgo, formatNumber, formatPercent } from "@/lib/format";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { FLAG_DESCRIPTIONS, FLAG_LABELS, NO_CHECK_IN_DAYS, TRUST_DROP_POINTS, TRUST_DROP_TOLERANCE, type FlagId } from "@/lib/metrics/flags";
import type { ColumnDef } from "@tanstack/react-table";

/** The figure the server sorts by: the lower of the two partners'. */
function lowest(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
}

const firstName = (p: CaseloadPartner) => p.name.split(" ")[0] ?? p.name;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The partners a flag concerns, by first name: the same tests as lib/metrics/flags applied to each
 * partner's own figures, or the per-partner facts the caseload query returns with each flag.
 */
function flagPartners(flag: FlagId, row: CaseloadRow, today: string): string[] {
  const concerns: Record<FlagId, (p: CaseloadPartner) => boolean> = {
    no_recent_check_in: (p) => daysBetween(p.lastCheckIn ?? row.startedOn, today) >= NO_CHECK_IN_DAYS,
    trust_drop: (p) => p.trustChange !== null && p.trustChange <= -TRUST_DROP_POINTS + TRUST_DROP_TOLERANCE,
    broken_promise: (p) => p.brokenPromise,
    overdue_assignment: (p) => p.overdue,
    safety_concern: (p) => p.raisedConcern,
  };
  return row.partners.filter(concerns[flag]).map(firstName);
}

/** One line per partner, first name first, so two figures in a cell are never ambiguous. */
function PerPartner({ partners, render }: { partners: CaseloadPartner[]; render: (p: CaseloadPartner) => React.ReactNode }) {
  if (partners.length === 0) return <span className="text-muted">—</span>;
  return (
    <ul className="space-y-0.5 whitespace-nowrap">
      {partners.map((p) => (
        <li key={p.slot}>
          <span className="text-muted">{firstName(p)}</span> {render(p)}
        </li>
      ))}
    </ul>
  );
}

export function CaseloadTable({
  rows,
  page,
  sort,
  today,
  stepTitles,
  kindTitles,
  defaultContactLabel,
  pageSizes,
}: {
  rows: CaseloadRow[];
  page: ServerPage;
  sort: { id: string; desc: boolean };
  today: string;
  stepTitles: Record<number, string>;
  /** Exercise kind titles by id, and the default-contact note: plain strings from the server, so
   * the program's definitions and their answer schemas stay out of the browser's bundle. */
  kindTitles: Record<string, string>;
  defaultContactLabel: string;
  pageSizes: readonly number[];
}) {
  const columns: ColumnDef<CaseloadRow, unknown>[] = [
    {
      id: "name",
      accessorFn: (row) => row.name,
      header: "Couple",
      enableHiding: false,
      cell: ({ row }) => (
        <Link href={`/couples/${row.original.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    {
      id: "status",
      accessorFn: (row) => row.status,
      header: "Status",
      cell: ({ row }) => <Badge tone={STATUS_TONES[row.original.status]}>{STATUS_LABELS[row.original.status]}</Badge>,
    },
    {
      id: "step",
      accessorFn: (row) => row.currentStep,
      header: "Current step",
      meta: { headerClassName: "whitespace-normal" },
      cell: ({ row }) => (
        <span>
          <span className="font-medium whitespace-nowrap">Step {row.original.currentStep}</span>
          <span className="block text-xs text-muted">{stepTitles[row.original.currentStep]}</span>
        </span>
      ),
    },
    {
      id: "lastCheckIn",
      accessorFn: (row) => row.lastCheckIn,
      header: "Last check-in",
      meta: { headerClassName: "whitespace-normal" },
      cell: ({ row }) => (
        <time dateTime={row.original.lastCheckIn ?? undefined}>{formatDaysAgo(row.original.lastCheckIn, today)}</time>
      ),
    },
    {
      id: "adherence",
      accessorFn: (row) => lowest(row.partners.map((p) => p.adherence)),
      header: "Check-ins, 14 days",
      meta: { headerClassName: "whitespace-normal" },
      cell: ({ row }) => (
        <>
          <PerPartner partners={row.original.partners} render={(p) => formatPercent(p.adherence)} />
          {/* Before any contact agreement the figure is against the program's default: say so. */}
          {row.original.defaultContact ? (
            <span className="block text-xs text-muted" title={defaultContactLabel}>
              Default: daily
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "keepRate",
      accessorFn: (row) => lowest(row.partners.map((p) => p.keepRate)),
      header: "Promises kept, 30 days",
      meta: { headerClassName: "whitespace-normal" },
      cell: ({ row }) => <PerPartner partners={row.original.partners} render={(p) => formatPercent(p.keepRate)} />,
    },
    {
      id: "trust",
      accessorFn: (row) => lowest(row.partners.map((p) => p.trust)),
      header: "Trust, 7-day mean (change)",
      meta: { headerClassName: "whitespace-normal" },
      cell: ({ row }) => (
        <PerPartner
          partners={row.original.partners}
          render={(p) => (
            <>
              {formatNumber(p.trust)}{" "}
              <span className={p.trustChange !== null && p.trustChange <= -1 ? "font-medium text-danger" : "text-muted"}>
                ({formatChange(p.trustChange)})
              </span>
            </>
          )}
        />
      ),
    },
    {
      id: "flags",
      accessorFn: (row) => row.flags.length,
      header: "Flags",
      cell: ({ row }) =>
        row.original.flags.length === 0 ? (
          <span className="text-muted">None</span>
        ) : (
          <ul className="flex flex-col items-start gap-1">
            {row.original.flags.map((flag) => {
              const who = flagPartners(flag, row.original, today);
              return (
                <li key={flag}>
                  <Badge tone={flag === "safety_concern" ? "danger" : "warn"} title={FLAG_DESCRIPTIONS[flag]} className="whitespace-normal">
                    {FLAG_LABELS[flag]}
                    {who.length > 0 && who.length < row.original.partners.length ? ` · ${who.join(" & ")}` : ""}
                    {who.length > 1 && who.length === row.original.partners.length ? " · both" : ""}
                  </Badge>
                </li>
              );
            })}
          </ul>
        ),
    },
    {
      id: "nextDue",
      accessorFn: (row) => row.nextDue?.dueOn ?? null,
      header: "Next due",
      cell: ({ row }) => {
        const due = row.original.nextDue;
        if (!due) return <span className="text-muted">Nothing due</span>;
        return (
          <span className="block">
            <span className="font-medium">{kindTitles[due.exerciseKind] ?? due.exerciseKind}</span>
            <time dateTime={due.dueOn} className="block text-muted">
              {formatDaysAgo(due.dueOn, today)}
            </time>
          </span>
        );
      },
    },
  ];
  return (
    <DataTable
      caption="Your couples"
      columns={columns}
      data={rows}
      sorting={{ mode: "server", sort }}
      pagination={{ page, noun: ["couple", "couples"], pageSizes }}
      getRowId={(row) => row.id}
      emptyMessage="No couples match this view."
      visibilityStorageKey="mend:caseload-columns"
    />
  );
}
