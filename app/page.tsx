import { redirect } from "next/navigation";
import { HOME_BY_ROLE, requireViewer } from "@/lib/dal/viewer";

export default async function Home() {
  const viewer = await requireViewer();
  redirect(HOME_BY_ROLE[viewer.role]);
}
