"use server";

import { formAction } from "@/lib/actions/action";
import { couplePages } from "@/lib/actions/pages";
import { idArg, noFields } from "@/lib/actions/schemas";
import { scheduleMeasure, stopSchedule } from "@/lib/dal/measure-schedules";
import { getViewerToday } from "@/lib/dal/today";
import { measureScheduleSchema } from "@/lib/validations/measures";

/** Asks both partners to answer a measure on a schedule; bound to the couple id by the page. */
export const scheduleMeasureAction = formAction({
  name: "schedule-measure",
  // A start day is checked against the day the form is sent.
  schema: async () => measureScheduleSchema(await getViewerToday()),
  args: [idArg],
  invalidMessage: "Please check the highlighted fields.",
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ input, args: [coupleId] }) => {
    const { duplicate } = await scheduleMeasure(coupleId, input);
    return { message: duplicate ? "That measure was already scheduled like this." : "Scheduled. Each partner sees it on Today when it is due." };
  },
});

/** Stops a live schedule (answers so far stay); bound to the couple and schedule ids by the page. */
export const stopMeasureScheduleAction = formAction({
  name: "stop-measure-schedule",
  schema: noFields,
  args: [idArg, idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ args: [, scheduleId] }) => {
    const { stopped } = await stopSchedule(scheduleId);
    return { message: stopped ? "Stopped. Nothing more is asked; the answers so far stay." : "This schedule was already stopped." };
  },
});
