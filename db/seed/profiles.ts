import type { Trajectory } from "./types";

/** The shape of a couple's story: when they started, where they are, how trust and check-ins move. */
export type Profile = {
  startDaysAgo: number;
  currentStep: number;
  baseTrust: [number, number];
  slope: [number, number];
  checkInRate: [number, number];
  keepRate: number;
  status: "active" | "paused";
  /** Chance, each day a partner checks in, of then going quiet for 2–5 days; 0.03 when absent. */
  silenceRate?: number;
};

export function profileFor(t: Trajectory, days: number): Profile {
  switch (t) {
    case "improving":
      return { startDaysAgo: days, currentStep: 6, baseTrust: [2.5, 4], slope: [4.5, 3], checkInRate: [0.88, 0.82], keepRate: 0.85, status: "active" };
    case "steady":
      return { startDaysAgo: days, currentStep: 8, baseTrust: [6, 6.5], slope: [1, 0.8], checkInRate: [0.8, 0.78], keepRate: 0.9, status: "active" };
    case "stalled":
      return { startDaysAgo: days, currentStep: 2, baseTrust: [4, 4.5], slope: [0, 0.2], checkInRate: [0.55, 0.6], keepRate: 0.6, status: "active" };
    case "declining":
      return { startDaysAgo: days, currentStep: 7, baseTrust: [6, 6], slope: [-2.5, -1.5], checkInRate: [0.7, 0.65], keepRate: 0.45, status: "active" };
    case "paused":
      return { startDaysAgo: days, currentStep: 4, baseTrust: [4, 5], slope: [0.5, 0], checkInRate: [0.35, 0.3], keepRate: 0.6, status: "paused" };
    case "just_started":
      return { startDaysAgo: 6, currentStep: 1, baseTrust: [3, 4.5], slope: [0, 0], checkInRate: [0.9, 0.85], keepRate: 0.8, status: "active" };
  }
}
