/**
 * The one definition of each derived figure (see DESIGN.md, "Derived figures").
 * Pure functions over calendar days: "today" is always an argument, never the clock.
 */
export * from "./dates";
export * from "./adherence";
export * from "./promises";
export * from "./trust";
export * from "./flags";
export * from "./clinic";
export * from "./streak";
