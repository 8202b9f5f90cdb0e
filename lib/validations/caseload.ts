import { z } from "zod";
import { coupleStatusEnum } from "@/db/schema/enums";
import { FLAG_IDS } from "@/lib/metrics/flags";
import { urlText } from "./url-params";

export const CASELOAD_SORTS = [
  "name",
  "status",
  "step",
  "lastCheckIn",
  "adherence",
  "keepRate",
  "trust",
  "trustChange",
  "flags",
  "nextDue",
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** "attention" lists every couple with at least one flag; a flag id lists the couples with that flag. */
export const CASELOAD_FLAG_FILTERS = ["attention", ...FLAG_IDS] as const;
export type CaseloadFlagFilter = (typeof CASELOAD_FLAG_FILTERS)[number];

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
  q: urlText(100).catch(""),
  status: z.enum(coupleStatusEnum.enumValues).optional().catch(undefined),
  step: z.coerce.number().int().min(1).max(10).optional().catch(undefined),
  flag: z.enum(CASELOAD_FLAG_FILTERS).optional().catch(undefined),
});

export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;
