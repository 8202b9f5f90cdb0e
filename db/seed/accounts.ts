/** The demo clinic's sign-ins, shown on the sign-in page in demo mode only. */
export const DEMO_PASSWORD = "mend-demo";
export const DEMO_CLINIC_NAME = "Harbour Counselling";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.mend.test", label: "Clinic admin" },
  { email: "counsellor@demo.mend.test", label: "Counsellor" },
  { email: "counsellor2@demo.mend.test", label: "Counsellor" },
  { email: "alex@demo.mend.test", label: "Partner (Alex, with Sam)" },
  { email: "sam@demo.mend.test", label: "Partner (Sam, with Alex)" },
] as const;
