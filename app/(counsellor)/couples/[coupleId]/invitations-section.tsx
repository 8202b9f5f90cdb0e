import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { InvitationSummary } from "@/lib/dal/invitations";
import { INVITATION_STATUS_LABELS } from "@/lib/labels";
import { reissueInvitationAction } from "./actions";
import { ReissueForm } from "./couple-controls";

/** Each invited partner's latest link and whether they joined; a waiting or expired link can be reissued. */
export function InvitationsSection({ coupleId, invitations }: { coupleId: string; invitations: InvitationSummary[] }) {
  if (invitations.length === 0) return null;
  return (
    <Card aria-labelledby="invitations-heading">
      <CardTitle id="invitations-heading">Invitations</CardTitle>
      <ul className="mt-2 divide-y divide-line">
        {invitations.map((inv) => (
          // Keyed by address: a reissued link replaces the row's invitation but keeps the new link on screen.
          <li key={inv.email} className="space-y-1 py-2 text-sm">
            <p>
              <span className="font-medium">{inv.name}</span> <span className="text-muted">{inv.email}</span>{" "}
              <Badge tone={inv.status === "accepted" ? "ok" : inv.status === "pending" ? "brand" : "neutral"}>{INVITATION_STATUS_LABELS[inv.status]}</Badge>
            </p>
            {inv.status === "pending" || inv.status === "expired" ? (
              <ReissueForm action={reissueInvitationAction.bind(null, coupleId, inv.id)} name={inv.name} />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
