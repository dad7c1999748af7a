CREATE TABLE "feedback_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text,
	"email" text,
	"message" text NOT NULL,
	"page" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_id" integer,
	CONSTRAINT "feedback_messages_message_check" CHECK (length("feedback_messages"."message") between 1 and 5000),
	CONSTRAINT "feedback_messages_handled_check" CHECK (("feedback_messages"."handled_at" IS NULL) = ("feedback_messages"."handled_by_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_messages_received_idx" ON "feedback_messages" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);