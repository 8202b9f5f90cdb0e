ALTER TABLE "audit_events" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "user_second_factors" ADD COLUMN "last_used_step" integer;