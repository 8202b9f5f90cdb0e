ALTER TABLE "clinics" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "couples" ADD COLUMN "joint_work_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "couples" ADD COLUMN "joint_work_paused_by" uuid;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "effective_from" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "effective_until" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "replaces_id" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_joint_work_paused_by_users_id_fk" FOREIGN KEY ("joint_work_paused_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_replaces_id_agreements_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "couples_joint_work_paused_by_idx" ON "couples" USING btree ("joint_work_paused_by");--> statement-breakpoint
CREATE INDEX "agreements_couple_effective_idx" ON "agreements" USING btree ("couple_id","effective_from");--> statement-breakpoint
CREATE INDEX "agreements_replaces_idx" ON "agreements" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "assignments_cancelled_by_idx" ON "assignments" USING btree ("cancelled_by");--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_effective_order" CHECK ("agreements"."effective_until" is null or "agreements"."effective_from" is null or "agreements"."effective_until" >= "agreements"."effective_from");--> statement-breakpoint
-- Accepted agreements start on the day they were accepted (clinics start in UTC). Of the
-- contact agreements (those that set a check-in frequency), each ends on the day the next starts.
UPDATE "agreements" SET "effective_from" = (coalesce("responded_at", "created_at") AT TIME ZONE 'UTC')::date
WHERE "status" = 'accepted';--> statement-breakpoint
UPDATE "agreements" a SET "effective_until" = n."next_from", "replaces_id" = NULL
FROM (
  SELECT "id", lead("effective_from") OVER (PARTITION BY "couple_id" ORDER BY "effective_from", "responded_at", "id") AS "next_from"
  FROM "agreements" WHERE "status" = 'accepted' AND "check_ins_per_week" IS NOT NULL
) n
WHERE a."id" = n."id" AND n."next_from" IS NOT NULL;--> statement-breakpoint
UPDATE "assignments" SET "cancelled_at" = "updated_at" WHERE "status" = 'cancelled';
