-- Audit actions follow one naming scheme, <entity>.<verb>. Events already recorded keep their
-- meaning under the new names; a list of notes opened is told apart from one note read.
UPDATE "audit_events" SET "action" = 'safety_concern.clear' WHERE "action" = 'safety.clear';--> statement-breakpoint
UPDATE "audit_events" SET "action" = 'auth.change_password' WHERE "action" = 'auth.password_change';--> statement-breakpoint
UPDATE "audit_events" SET "action" = 'export.download_by_counsellor' WHERE "action" = 'export.by_counsellor';--> statement-breakpoint
UPDATE "audit_events" SET "action" = 'export.download_audit_log' WHERE "action" = 'export.audit_log';--> statement-breakpoint
UPDATE "audit_events" SET "action" = 'note.list' WHERE "action" = 'note.read' AND "entity_type" = 'note_list';--> statement-breakpoint
-- An audit-log export records the action it was filtered by: that name moves too.
UPDATE "audit_events"
SET "metadata" = jsonb_set("metadata", '{action}', to_jsonb(CASE "metadata"->>'action'
    WHEN 'safety.clear' THEN 'safety_concern.clear'
    WHEN 'auth.password_change' THEN 'auth.change_password'
    WHEN 'export.by_counsellor' THEN 'export.download_by_counsellor'
    WHEN 'export.audit_log' THEN 'export.download_audit_log'
  END))
WHERE "action" = 'export.download_audit_log'
  AND "metadata"->>'action' IN ('safety.clear', 'auth.password_change', 'export.by_counsellor', 'export.audit_log');
