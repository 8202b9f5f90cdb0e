import type { FormState } from "../[coupleId]/form-state";

export type NewCoupleState = FormState & {
  coupleId?: string;
  invitations?: { name: string; email: string; url: string; emailed: boolean; expiresOn: string }[];
};
