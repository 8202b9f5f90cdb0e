CREATE TYPE "public"."agreement_status" AS ENUM('proposed', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('active', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'denied', 'failure');--> statement-breakpoint
CREATE TYPE "public"."contact" AS ENUM('yes', 'no', 'none_agreed');--> statement-breakpoint
CREATE TYPE "public"."couple_status" AS ENUM('invited', 'active', 'paused', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM('very_low', 'low', 'okay', 'good', 'very_good');--> statement-breakpoint
CREATE TYPE "public"."note_format" AS ENUM('soap', 'dap', 'free');--> statement-breakpoint
CREATE TYPE "public"."note_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TYPE "public"."partner_slot" AS ENUM('A', 'B');--> statement-breakpoint
CREATE TYPE "public"."promise_status" AS ENUM('open', 'kept', 'broken', 'released');--> statement-breakpoint
CREATE TYPE "public"."recurrence" AS ENUM('once', 'daily', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."response_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('counsellor', 'partner', 'clinic_admin');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('not_started', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('shared', 'counsellor_only');--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "couple_members" (
	"couple_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"slot" "partner_slot" NOT NULL,
	CONSTRAINT "couple_members_couple_id_slot_pk" PRIMARY KEY("couple_id","slot")
);
--> statement-breakpoint
CREATE TABLE "couples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "couple_status" DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"current_step" integer DEFAULT 1 NOT NULL,
	"check_ins_per_week" integer DEFAULT 7 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "couples_current_step_range" CHECK ("couples"."current_step" between 1 and 10),
	CONSTRAINT "couples_check_ins_per_week_range" CHECK ("couples"."check_ins_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"couple_id" uuid,
	"slot" "partner_slot",
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_progress" (
	"couple_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"status" "step_status" DEFAULT 'not_started' NOT NULL,
	"started_on" date,
	"completed_on" date,
	CONSTRAINT "step_progress_couple_id_step_pk" PRIMARY KEY("couple_id","step"),
	CONSTRAINT "step_progress_step_range" CHECK ("step_progress"."step" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"check_ins_per_week" integer,
	"status" "agreement_status" DEFAULT 'proposed' NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_check_ins_per_week_range" CHECK ("agreements"."check_ins_per_week" is null or "agreements"."check_ins_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"exercise_kind" text NOT NULL,
	"for_user_id" uuid,
	"due_on" date NOT NULL,
	"recurrence" "recurrence" DEFAULT 'once' NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"status" "assignment_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_step_range" CHECK ("assignments"."step" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"trust" smallint NOT NULL,
	"closeness" smallint NOT NULL,
	"mood" "mood" NOT NULL,
	"contact" "contact" NOT NULL,
	"note" text,
	"note_visibility" "visibility" DEFAULT 'shared' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_trust_range" CHECK ("check_ins"."trust" between 0 and 10),
	CONSTRAINT "check_ins_closeness_range" CHECK ("check_ins"."closeness" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "exercise_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"couple_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"exercise_kind" text NOT NULL,
	"occurrence_on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"visibility" "visibility" DEFAULT 'shared' NOT NULL,
	"status" "response_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"made_by" uuid NOT NULL,
	"text" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" "promise_status" DEFAULT 'open' NOT NULL,
	"confirmed_by" uuid,
	"resolved_at" timestamp with time zone,
	"release_requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"response_id" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_by" uuid,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"format" "note_format" NOT NULL,
	"body" jsonb NOT NULL,
	"status" "note_status" DEFAULT 'draft' NOT NULL,
	"signed_at" timestamp with time zone,
	"addendum_to" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"couple_id" uuid,
	"outcome" "audit_outcome" DEFAULT 'success' NOT NULL,
	"metadata" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_members" ADD CONSTRAINT "couple_members_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_members" ADD CONSTRAINT "couple_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_counsellor_id_users_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_progress" ADD CONSTRAINT "step_progress_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_for_user_id_users_id_fk" FOREIGN KEY ("for_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_responses" ADD CONSTRAINT "exercise_responses_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_responses" ADD CONSTRAINT "exercise_responses_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_responses" ADD CONSTRAINT "exercise_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_release_requested_by_users_id_fk" FOREIGN KEY ("release_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_concerns" ADD CONSTRAINT "safety_concerns_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_concerns" ADD CONSTRAINT "safety_concerns_response_id_exercise_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."exercise_responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_concerns" ADD CONSTRAINT "safety_concerns_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_addendum_to_notes_id_fk" FOREIGN KEY ("addendum_to") REFERENCES "public"."notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_clinic_role_idx" ON "users" USING btree ("clinic_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "couple_members_user_key" ON "couple_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "couples_counsellor_idx" ON "couples" USING btree ("counsellor_id","status");--> statement-breakpoint
CREATE INDEX "couples_clinic_idx" ON "couples" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_clinic_idx" ON "invitations" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "invitations_couple_idx" ON "invitations" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "invitations_created_by_idx" ON "invitations" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "step_progress_step_status_idx" ON "step_progress" USING btree ("step","status");--> statement-breakpoint
CREATE INDEX "agreements_couple_status_idx" ON "agreements" USING btree ("couple_id","status");--> statement-breakpoint
CREATE INDEX "agreements_proposed_by_idx" ON "agreements" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "agreements_responded_by_idx" ON "agreements" USING btree ("responded_by");--> statement-breakpoint
CREATE INDEX "assignments_couple_status_due_idx" ON "assignments" USING btree ("couple_id","status","due_on");--> statement-breakpoint
CREATE INDEX "assignments_for_user_idx" ON "assignments" USING btree ("for_user_id");--> statement-breakpoint
CREATE INDEX "assignments_created_by_idx" ON "assignments" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_user_date_key" ON "check_ins" USING btree ("user_id","date");--> statement-breakpoint
CREATE INDEX "check_ins_couple_date_idx" ON "check_ins" USING btree ("couple_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_responses_occurrence_key" ON "exercise_responses" USING btree ("assignment_id","user_id","occurrence_on");--> statement-breakpoint
CREATE INDEX "exercise_responses_couple_idx" ON "exercise_responses" USING btree ("couple_id","exercise_kind");--> statement-breakpoint
CREATE INDEX "exercise_responses_user_idx" ON "exercise_responses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "promises_couple_status_idx" ON "promises" USING btree ("couple_id","status","resolved_at");--> statement-breakpoint
CREATE INDEX "promises_made_by_idx" ON "promises" USING btree ("made_by");--> statement-breakpoint
CREATE INDEX "promises_confirmed_by_idx" ON "promises" USING btree ("confirmed_by");--> statement-breakpoint
CREATE INDEX "promises_release_requested_by_idx" ON "promises" USING btree ("release_requested_by");--> statement-breakpoint
CREATE INDEX "safety_concerns_couple_idx" ON "safety_concerns" USING btree ("couple_id","cleared_at");--> statement-breakpoint
CREATE INDEX "safety_concerns_response_idx" ON "safety_concerns" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "safety_concerns_cleared_by_idx" ON "safety_concerns" USING btree ("cleared_by");--> statement-breakpoint
CREATE INDEX "notes_couple_created_idx" ON "notes" USING btree ("couple_id","created_at");--> statement-breakpoint
CREATE INDEX "notes_author_idx" ON "notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "notes_addendum_to_idx" ON "notes" USING btree ("addendum_to");--> statement-breakpoint
CREATE INDEX "audit_events_clinic_at_idx" ON "audit_events" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_couple_idx" ON "audit_events" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("clinic_id","action");