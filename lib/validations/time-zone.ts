import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zone";

const UNKNOWN_ZONE = "Please choose a time zone from the list.";

/** The clinic's time zone form: one IANA zone name from the list. */
export const clinicTimeZoneSchema = z.object({
  timeZone: z.string({ error: UNKNOWN_ZONE }).trim().refine(isValidTimeZone, { error: UNKNOWN_ZONE }),
});
export type ClinicTimeZoneInput = z.output<typeof clinicTimeZoneSchema>;

/** The value of the personal zone select that means "follow my clinic's zone". */
export const CLINIC_ZONE_CHOICE = "clinic";

/** A person's own time zone form: a zone from the list, or "clinic" to follow the clinic's (stored as null). */
export const myTimeZoneSchema = z.object({
  timeZone: z
    .string({ error: UNKNOWN_ZONE })
    .trim()
    .refine((value) => value === CLINIC_ZONE_CHOICE || isValidTimeZone(value), { error: UNKNOWN_ZONE })
    .transform((value) => (value === CLINIC_ZONE_CHOICE ? null : value)),
});
export type MyTimeZoneInput = z.output<typeof myTimeZoneSchema>;
