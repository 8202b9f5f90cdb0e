CREATE TABLE "clinic_figures" (
	"clinic_id" uuid NOT NULL,
	"range_from" date NOT NULL,
	"range_to" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "clinic_figures_clinic_id_range_from_range_to_pk" PRIMARY KEY("clinic_id","range_from","range_to")
);
--> statement-breakpoint
ALTER TABLE "clinic_figures" ADD CONSTRAINT "clinic_figures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;