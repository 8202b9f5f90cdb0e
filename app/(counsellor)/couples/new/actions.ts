"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { createCoupleWithInvitations } from "@/lib/dal/invitations";
import { formValues } from "../[coupleId]/form-state";
import type { NewCoupleState } from "./new-couple-state";

export async function createCoupleAction(_prev: NewCoupleState, formData: FormData): Promise<NewCoupleState> {
  const values = formValues(formData);
  try {
    const result = await createCoupleWithInvitations({
      name: values.name ?? "",
      startedOn: values.startedOn ?? "",
      partners: [
        { name: values["partners.0.name"] ?? "", email: values["partners.0.email"] ?? "" },
        { name: values["partners.1.name"] ?? "", email: values["partners.1.email"] ?? "" },
      ],
    });
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: "Please check the highlighted fields.", values };
    revalidatePath("/caseload");
    return {
      ok: true,
      coupleId: result.coupleId,
      invitations: result.invitations.map((i) => ({ name: i.name, email: i.email, url: i.url, emailed: i.emailed, expiresOn: i.expiresAt.toISOString().slice(0, 10) })),
    };
  } catch (error) {
    unstable_rethrow(error);
    console.error("[mend] creating a couple failed:", error instanceof Error ? error.message : error);
    return { message: "Something went wrong on our side and nothing was saved. Please try again in a moment.", values };
  }
}
