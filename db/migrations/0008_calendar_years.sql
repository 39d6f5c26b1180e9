CREATE TABLE "calendar_years" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"holidays" jsonb NOT NULL,
	"workdays" jsonb NOT NULL,
	"source" text NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_year_version_pk" PRIMARY KEY("year","version")
);
