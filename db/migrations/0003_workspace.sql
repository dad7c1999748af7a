ALTER TABLE "arrangement_revisions" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "arrangements" ADD COLUMN "lock_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangements" ADD COLUMN "updated_by_id" integer;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrangement_revisions_idempotency_key" ON "arrangement_revisions" USING btree ("idempotency_key");