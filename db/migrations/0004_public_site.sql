CREATE TABLE "cache_invalidations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cache_invalidations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tag" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "total_pence" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_text, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "arrangement_revisions_search_idx" ON "arrangement_revisions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "arrangement_revisions_published_history_idx" ON "arrangement_revisions" USING btree ("arrangement_id","reviewed_at") WHERE "arrangement_revisions"."state" IN ('approved', 'superseded');--> statement-breakpoint
CREATE INDEX "arrangement_revisions_queue_idx" ON "arrangement_revisions" USING btree ("submitted_at") WHERE "arrangement_revisions"."state" = 'submitted';--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
-- Savings totals per revision, kept by the database itself so every writer (the workspace, the
-- CSV import, the seed, the benchmark's generator) agrees with the savings lines to the penny.
CREATE FUNCTION refresh_revision_total_pence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r
  SET total_pence = COALESCE((SELECT SUM(s.amount_pence) FROM revision_savings s WHERE s.revision_id = r.id), 0)
  WHERE r.id IN (SELECT DISTINCT changed_rows.revision_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revision_savings_total_after_insert AFTER INSERT ON revision_savings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_total_pence();
--> statement-breakpoint
CREATE TRIGGER revision_savings_total_after_update AFTER UPDATE ON revision_savings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_total_pence();
--> statement-breakpoint
CREATE TRIGGER revision_savings_total_after_delete AFTER DELETE ON revision_savings
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_total_pence();
--> statement-breakpoint
-- The words full-text search finds a revision by besides its own title and description: the names
-- of its organisations and of its categories. Kept by triggers, so it is right whoever writes.
CREATE FUNCTION revision_search_text(revision integer) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ',
    (SELECT string_agg(o.name || ' ' || o.short_name, ' ' ORDER BY o.name)
       FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
      WHERE rp.revision_id = revision),
    (SELECT c.name FROM arrangement_revisions r JOIN service_categories c ON c.id = r.main_category_id
      WHERE r.id = revision),
    (SELECT string_agg(c.name, ' ' ORDER BY c.name)
       FROM revision_categories rc JOIN service_categories c ON c.id = rc.category_id
      WHERE rc.revision_id = revision))
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_revision_search_text_from_children() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r SET search_text = revision_search_text(r.id)
  WHERE r.id IN (SELECT DISTINCT changed_rows.revision_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_revision_search_text_from_revisions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r SET search_text = revision_search_text(r.id)
  WHERE r.id IN (SELECT changed_rows.id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revision_partners_search_after_insert AFTER INSERT ON revision_partners
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_search_text_from_children();
--> statement-breakpoint
CREATE TRIGGER revision_partners_search_after_delete AFTER DELETE ON revision_partners
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_search_text_from_children();
--> statement-breakpoint
CREATE TRIGGER revision_categories_search_after_insert AFTER INSERT ON revision_categories
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_search_text_from_children();
--> statement-breakpoint
CREATE TRIGGER revision_categories_search_after_delete AFTER DELETE ON revision_categories
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_search_text_from_children();
--> statement-breakpoint
CREATE TRIGGER arrangement_revisions_search_after_insert AFTER INSERT ON arrangement_revisions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_revision_search_text_from_revisions();
--> statement-breakpoint
CREATE FUNCTION refresh_revision_search_text_on_category() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions SET search_text = revision_search_text(NEW.id) WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER arrangement_revisions_search_after_category AFTER UPDATE OF main_category_id ON arrangement_revisions
  FOR EACH ROW EXECUTE FUNCTION refresh_revision_search_text_on_category();
--> statement-breakpoint
CREATE FUNCTION refresh_revision_search_text_on_organisation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r SET search_text = revision_search_text(r.id)
  WHERE r.id IN (SELECT rp.revision_id FROM revision_partners rp WHERE rp.organisation_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_search_after_rename AFTER UPDATE OF name, short_name ON organisations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name)
  EXECUTE FUNCTION refresh_revision_search_text_on_organisation();
--> statement-breakpoint
UPDATE arrangement_revisions r SET
  total_pence = COALESCE((SELECT SUM(s.amount_pence) FROM revision_savings s WHERE s.revision_id = r.id), 0),
  search_text = revision_search_text(r.id);
--> statement-breakpoint
-- Revisions superseded before this column existed: none had been (nothing approved a second
-- revision before the review workflow), but fill it from the next approval if any exist.
UPDATE arrangement_revisions r SET superseded_at = (
  SELECT MIN(n.reviewed_at) FROM arrangement_revisions n
  WHERE n.arrangement_id = r.arrangement_id AND n.version > r.version AND n.state IN ('approved', 'superseded'))
WHERE r.state = 'superseded' AND r.superseded_at IS NULL;
