CREATE TYPE "public"."measure_source" AS ENUM('mend', 'imported');--> statement-breakpoint
CREATE TABLE "measure_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"couple_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"occasion_on" date NOT NULL,
	"measure_version_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"subscales" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"measure_key" text NOT NULL,
	"every_weeks" smallint DEFAULT 2 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	"stopped_by" uuid,
	CONSTRAINT "measure_schedules_every_weeks_range" CHECK ("measure_schedules"."every_weeks" between 1 and 12),
	CONSTRAINT "measure_schedules_ends_after_start" CHECK ("measure_schedules"."ends_on" is null or "measure_schedules"."ends_on" >= "measure_schedules"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "measure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"validated" boolean NOT NULL,
	"source" "measure_source" NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_versions_clinic_key_version_key" UNIQUE NULLS NOT DISTINCT("clinic_id","key","version"),
	CONSTRAINT "measure_versions_version_positive" CHECK ("measure_versions"."version" >= 1),
	CONSTRAINT "measure_versions_source_owner" CHECK (("measure_versions"."source" = 'mend') = ("measure_versions"."clinic_id" is null)),
	CONSTRAINT "measure_versions_mend_not_validated" CHECK ("measure_versions"."source" = 'imported' or not "measure_versions"."validated")
);
--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_schedule_id_measure_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."measure_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_measure_version_id_measure_versions_id_fk" FOREIGN KEY ("measure_version_id") REFERENCES "public"."measure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_stopped_by_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD CONSTRAINT "measure_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD CONSTRAINT "measure_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_responses_occasion_key" ON "measure_responses" USING btree ("schedule_id","user_id","occasion_on");--> statement-breakpoint
CREATE INDEX "measure_responses_couple_idx" ON "measure_responses" USING btree ("couple_id","occasion_on");--> statement-breakpoint
CREATE INDEX "measure_responses_user_idx" ON "measure_responses" USING btree ("user_id","occasion_on");--> statement-breakpoint
CREATE INDEX "measure_responses_version_idx" ON "measure_responses" USING btree ("measure_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_schedules_live_key" ON "measure_schedules" USING btree ("couple_id","measure_key") WHERE "measure_schedules"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "measure_schedules_couple_idx" ON "measure_schedules" USING btree ("couple_id","created_at");--> statement-breakpoint
CREATE INDEX "measure_schedules_created_by_idx" ON "measure_schedules" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "measure_schedules_stopped_by_idx" ON "measure_schedules" USING btree ("stopped_by");--> statement-breakpoint
CREATE INDEX "measure_versions_key_idx" ON "measure_versions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "measure_versions_imported_by_idx" ON "measure_versions" USING btree ("imported_by");--> statement-breakpoint
-- A measure version and a partner's answer are records others rely on (a score is read with the
-- version it was given under; an answer is a signed clinical record): written once, never changed.
CREATE FUNCTION mend_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed; write a new one instead', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER measure_versions_no_update BEFORE UPDATE ON measure_versions
  FOR EACH ROW EXECUTE FUNCTION mend_refuse_update();
--> statement-breakpoint
CREATE TRIGGER measure_responses_no_update BEFORE UPDATE ON measure_responses
  FOR EACH ROW EXECUTE FUNCTION mend_refuse_update();
