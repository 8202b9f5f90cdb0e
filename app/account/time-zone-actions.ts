"use server";

import { formAction } from "@/lib/actions/action";
import { setMyTimeZone } from "@/lib/dal/time-zones";
import { myTimeZoneSchema } from "@/lib/validations/time-zone";

/** Sets the signed-in person's own time zone, or returns them to their clinic's. */
export const setMyTimeZoneAction = formAction({
  name: "set-my-time-zone",
  schema: myTimeZoneSchema,
  invalidMessage: "Please choose a time zone from the list.",
  // "Today" on every page follows the new zone.
  revalidate: [{ path: "/", type: "layout" }],
  handler: async ({ input }) => {
    const { changed } = await setMyTimeZone(input.timeZone);
    if (!changed) return { message: "That is already your time zone." };
    return { message: input.timeZone ? `Saved. Your days now follow ${input.timeZone}.` : "Saved. Your days now follow your clinic's time zone." };
  },
});
