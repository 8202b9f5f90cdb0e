import { CaseloadSkeleton } from "./caseload-skeleton";

export default function Loading() {
  return <CaseloadSkeleton />;
}
