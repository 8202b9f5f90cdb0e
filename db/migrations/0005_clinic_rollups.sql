CREATE TABLE "couple_check_in_days" (
	"couple_id" uuid NOT NULL,
	"day" date NOT NULL,
	"partner_a" integer NOT NULL,
	"partner_b" integer NOT NULL,
	"check_ins" integer NOT NULL,
	"trust_sum" integer NOT NULL,
	"partner_a_to_date" integer NOT NULL,
	"partner_b_to_date" integer NOT NULL,
	"check_ins_to_date" integer NOT NULL,
	"trust_sum_to_date" integer NOT NULL,
	CONSTRAINT "couple_check_in_days_couple_id_day_pk" PRIMARY KEY("couple_id","day")
);
--> statement-breakpoint
CREATE TABLE "couple_check_in_weeks" (
	"couple_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"check_ins" integer NOT NULL,
	CONSTRAINT "couple_check_in_weeks_couple_id_week_start_pk" PRIMARY KEY("couple_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "couple_check_in_days" ADD CONSTRAINT "couple_check_in_days_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_check_in_weeks" ADD CONSTRAINT "couple_check_in_weeks_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;