/**
 * The ten-step program as data: steps, exercise kinds (one file each under `kinds/`), the
 * field builders their answers are written with, and the values check-ins and visibility use.
 * Import from `@/lib/program`.
 */
export * from "./check-in";
export { hasNoNul, LIST_MAX_ITEMS, NUL_REFUSED, TEXT_MAX, TEXTAREA_MAX, type FieldSpec } from "./fields";
export type { KindDefinition } from "./define-kind";
export * from "./kinds";
export { checkInSchema, type CheckInAnswer } from "./kinds/daily-check-in";
export { questionForDate, SHARING_QUESTIONS } from "./kinds/daily-sharing";
export { isSafetyConcern, type SafetyScreenAnswer } from "./kinds/safety-screen";
export * from "./steps";
export * from "./visibility";
