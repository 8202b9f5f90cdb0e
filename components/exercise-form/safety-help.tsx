import { Alert } from "@/components/ui/alert";

/** Where to find help, in our own words: shown after a safety screen is sent (and at once when it suggests risk). */
export function SafetyHelp() {
  return (
    <Alert tone="info" className="space-y-2 font-normal!">
      <p className="font-semibold">If you ever feel unsafe, you are not alone, and help is there.</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>If you are in danger right now, call the emergency services: 999 in the UK, 112 in Europe, 911 in North America.</li>
        <li>
          A domestic abuse helpline can listen and help you plan, free and in confidence — in the UK, the National Domestic Abuse
          Helpline on 0808 2000 247, day or night.
        </li>
        <li>You can talk to your counsellor on your own. Your answers go only to them; nothing is shown to your partner.</li>
      </ul>
    </Alert>
  );
}
