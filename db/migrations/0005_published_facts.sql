ALTER TABLE "arrangement_revisions" ADD COLUMN "actual_pence" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "last_financial_year" smallint;--> statement-breakpoint
ALTER TABLE "arrangement_revisions" ADD COLUMN "organisation_kinds" "organisation_kind"[] DEFAULT '{}'::organisation_kind[] NOT NULL;--> statement-breakpoint
-- INCLUDE is hand-written (drizzle-kit cannot say it): the public figures read these columns from
-- the index alone (an index-only scan) instead of the wide rows with their text and tsvector.
CREATE INDEX "arrangement_revisions_published_cover_idx" ON "arrangement_revisions" USING btree ("id")
  INCLUDE ("arrangement_id", "title", "main_category_id", "stage", "start_date", "end_date", "total_pence",
           "actual_pence", "last_financial_year", "organisation_kinds", "reviewed_at")
  WHERE "arrangement_revisions"."state" = 'approved';--> statement-breakpoint
-- The savings trigger (0004) now keeps the actual part and the latest year beside the total.
CREATE OR REPLACE FUNCTION refresh_revision_total_pence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r
  SET total_pence = COALESCE(t.total, 0), actual_pence = COALESCE(t.actual, 0), last_financial_year = t.last_year
  FROM (
    SELECT ids.revision_id, SUM(s.amount_pence) AS total,
           SUM(s.amount_pence) FILTER (WHERE s.kind = 'actual') AS actual,
           MAX(s.financial_year) AS last_year
    FROM (SELECT DISTINCT changed_rows.revision_id FROM changed_rows) ids
    LEFT JOIN revision_savings s ON s.revision_id = ids.revision_id
    GROUP BY ids.revision_id
  ) t
  WHERE r.id = t.revision_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION revision_organisation_kinds(revision integer) RETURNS organisation_kind[]
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT o.kind ORDER BY o.kind), '{}')
  FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
  WHERE rp.revision_id = revision
$$;
--> statement-breakpoint
-- Partners and categories (0004) now keep the organisation kinds beside the search text.
CREATE OR REPLACE FUNCTION refresh_revision_search_text_from_children() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r
  SET search_text = revision_search_text(r.id), organisation_kinds = revision_organisation_kinds(r.id)
  WHERE r.id IN (SELECT DISTINCT changed_rows.revision_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_revision_search_text_on_organisation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE arrangement_revisions r
  SET search_text = revision_search_text(r.id), organisation_kinds = revision_organisation_kinds(r.id)
  WHERE r.id IN (SELECT rp.revision_id FROM revision_partners rp WHERE rp.organisation_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER organisations_search_after_rename ON organisations;
--> statement-breakpoint
CREATE TRIGGER organisations_search_after_change AFTER UPDATE OF name, short_name, kind ON organisations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name
                     OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION refresh_revision_search_text_on_organisation();
--> statement-breakpoint
UPDATE arrangement_revisions r SET
  actual_pence = COALESCE((SELECT SUM(s.amount_pence) FROM revision_savings s WHERE s.revision_id = r.id AND s.kind = 'actual'), 0),
  last_financial_year = (SELECT MAX(s.financial_year) FROM revision_savings s WHERE s.revision_id = r.id),
  organisation_kinds = revision_organisation_kinds(r.id);
