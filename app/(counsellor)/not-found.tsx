import { NotFoundMessage } from "@/components/ui/not-found-message";

// Rendered inside this group's layout, whose shell already holds the page's one <main>.
export default function NotFound() {
  return <NotFoundMessage />;
}
