import { z } from "zod";
import { coupleStatusEnum } from "@/db/schema/enums";

export const CASELOAD_SORTS = ["name", "status", "step", "lastCheckIn"] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The caseload view as it lives in the URL; anything unreadable falls back to the default. */
export const caseloadQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
  sort: z.enum(CASELOAD_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(100).catch(""),
  status: z.enum(coupleStatusEnum.enumValues).optional().catch(undefined),
});

export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;
