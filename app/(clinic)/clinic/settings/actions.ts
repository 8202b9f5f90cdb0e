"use server";

import { formAction } from "@/lib/actions/action";
import { setClinicTimeZone } from "@/lib/dal/time-zones";
import { clinicTimeZoneSchema } from "@/lib/validations/time-zone";

/** Sets the clinic's time zone; every page's "today" follows it from the next view. */
export const setClinicTimeZoneAction = formAction({
  name: "set-clinic-time-zone",
  schema: clinicTimeZoneSchema,
  invalidMessage: "Please choose a time zone from the list.",
  // Every page that counts days reads the zone, so refresh them all.
  revalidate: [{ path: "/", type: "layout" }],
  handler: async ({ input }) => {
    const { changed } = await setClinicTimeZone(input.timeZone);
    return { message: changed ? `Saved. The clinic's days now follow ${input.timeZone}.` : `The clinic already uses ${input.timeZone}.` };
  },
});
