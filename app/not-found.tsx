import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
