import "server-only";
import { and, asc, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/ready";
import { checkIns, couples, type CoupleStatus } from "@/db/schema";
import type { CaseloadQuery } from "@/lib/validations/caseload";
import { escapeLike, qualified } from "./sql";
import { requireRole } from "./viewer";

export type CaseloadRow = {
  id: string;
  name: string;
  status: CoupleStatus;
  currentStep: number;
  lastCheckIn: string | null;
};

export type CaseloadPage = { rows: CaseloadRow[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * The signed-in counsellor's couples, one page at a time, sorted and filtered in SQL.
 * Two queries per page whatever its size.
 */
export async function listCaseload(query: CaseloadQuery): Promise<CaseloadPage> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const lastCheckIn = sql<string | null>`(select max(ci.date) from ${checkIns} ci where ci.couple_id = ${qualified(couples.id)})`;

  const filters: SQL[] = [eq(couples.counsellorId, viewer.id), eq(couples.clinicId, viewer.clinicId)];
  if (query.q) filters.push(ilike(couples.name, `%${escapeLike(query.q)}%`));
  if (query.status) filters.push(eq(couples.status, query.status));
  const where = and(...filters);

  const sortColumn = {
    name: couples.name,
    status: couples.status,
    step: couples.currentStep,
    lastCheckIn: lastCheckIn,
  }[query.sort];
  const order = query.dir === "desc" ? sql`${desc(sortColumn)} nulls last` : sql`${asc(sortColumn)} nulls first`;

  const [[{ total }], rows] = await Promise.all([
    database.select({ total: count() }).from(couples).where(where),
    database
      .select({
        id: couples.id,
        name: couples.name,
        status: couples.status,
        currentStep: couples.currentStep,
        lastCheckIn,
      })
      .from(couples)
      .where(where)
      .orderBy(order, asc(couples.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ]);
  return {
    rows,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
