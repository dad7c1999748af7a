CREATE TABLE "organisation_successions" (
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"effective_date" date NOT NULL,
	"share_bp" integer NOT NULL,
	CONSTRAINT "organisation_successions_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "organisation_successions_share_check" CHECK ("organisation_successions"."share_bp" BETWEEN 1 AND 10000),
	CONSTRAINT "organisation_successions_distinct_check" CHECK ("organisation_successions"."predecessor_id" <> "organisation_successions"."successor_id")
);
--> statement-breakpoint
ALTER TABLE "organisation_successions" ADD CONSTRAINT "organisation_successions_predecessor_id_organisations_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_successions" ADD CONSTRAINT "organisation_successions_successor_id_organisations_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_successions_successor_idx" ON "organisation_successions" USING btree ("successor_id");--> statement-breakpoint
-- Hand-written: every recorded replacement becomes a succession of the whole council, effective
-- on the successor's first day (the seed then adds the splits the single pointer could not hold).
INSERT INTO "organisation_successions" ("predecessor_id", "successor_id", "effective_date", "share_bp")
SELECT o.id, o.replaced_by_id, o.end_date + 1, 10000
FROM "organisations" o
WHERE o.replaced_by_id IS NOT NULL AND o.end_date IS NOT NULL AND o.replaced_by_id <> o.id;
