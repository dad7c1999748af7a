-- The rule's functions (0008, 0010) read the register at 23:59 London time on a day. An
-- edition is named at any moment, so each function takes that moment as an optional second
-- argument, at_moment; the day is still the day partners and standings are read on. Without
-- it, the moment is 23:59 on the day, as before. DROP + CREATE: a new parameter is a new
-- signature.

DROP FUNCTION register_standing(date);
--> statement-breakpoint
DROP FUNCTION register_participants(date);
--> statement-breakpoint
DROP FUNCTION register_published(date);
--> statement-breakpoint
CREATE FUNCTION register_published(day date, at_moment timestamptz DEFAULT NULL)
RETURNS TABLE (arrangement_id integer, revision_id integer, start_date date, end_date date,
               reading_day date)
LANGUAGE plpgsql STABLE ROWS 1000 SET jit = off AS $$
#variable_conflict use_column
DECLARE
  moment timestamptz := coalesce(at_moment, (day + time '23:59') AT TIME ZONE 'Europe/London');
BEGIN
  RETURN QUERY
  SELECT a.id, r.id, r.start_date, r.end_date,
         greatest(r.start_date, least(coalesce(r.end_date, day), day))
  FROM arrangements a
  JOIN arrangement_revisions r ON r.arrangement_id = a.id
  WHERE r.state IN ('approved', 'superseded')
    AND r.reviewed_at <= moment
    AND (r.superseded_at IS NULL OR r.superseded_at > moment);
END
$$;
--> statement-breakpoint
CREATE FUNCTION register_participants(day date, at_moment timestamptz DEFAULT NULL)
RETURNS TABLE (arrangement_id integer, organisation_id integer, via_organisation_id integer,
               share numeric, effective_date date)
LANGUAGE plpgsql STABLE ROWS 3000 SET jit = off AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH RECURSIVE named AS (
    SELECT p.arrangement_id, p.reading_day, rp.organisation_id,
           1.0 / count(*) OVER (PARTITION BY p.arrangement_id) AS share
    FROM register_published(day, at_moment) p
    JOIN revision_partners rp ON rp.revision_id = p.revision_id
  ),
  -- Every route from a named organisation along successions in effect on the reading day.
  route (arrangement_id, reading_day, named_id, organisation_id, share, effective_date, depth) AS (
    SELECT n.arrangement_id, n.reading_day, n.organisation_id, n.organisation_id, n.share,
           NULL::date, 0
    FROM named n
    UNION ALL
    SELECT r.arrangement_id, r.reading_day, r.named_id, s.successor_id,
           r.share * s.share_bp / 10000, greatest(r.effective_date, s.effective_date), r.depth + 1
    FROM route r
    JOIN organisations o ON o.id = r.organisation_id AND o.end_date < r.reading_day
    JOIN organisation_successions s
      ON s.predecessor_id = r.organisation_id AND s.effective_date <= r.reading_day
    WHERE r.depth < 20
  )
  SELECT r.arrangement_id, r.organisation_id,
         CASE WHEN r.organisation_id = r.named_id THEN NULL ELSE r.named_id END,
         sum(r.share), max(r.effective_date)
  FROM route r
  JOIN organisations o ON o.id = r.organisation_id
  -- Where the routes end: an organisation still there on the reading day, or one nothing
  -- succeeded by then.
  WHERE NOT (o.end_date < r.reading_day AND EXISTS (
    SELECT 1 FROM organisation_successions s
    WHERE s.predecessor_id = o.id AND s.effective_date <= r.reading_day))
  GROUP BY r.arrangement_id, r.organisation_id,
           CASE WHEN r.organisation_id = r.named_id THEN NULL ELSE r.named_id END;
END
$$;
--> statement-breakpoint
CREATE FUNCTION register_standing(day date, at_moment timestamptz DEFAULT NULL)
RETURNS TABLE (arrangement_id integer, revision_id integer, running boolean, participants integer,
               internal boolean, internal_from date)
LANGUAGE plpgsql STABLE ROWS 1000 SET jit = off AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH taking_part AS (
    SELECT x.arrangement_id, count(DISTINCT x.organisation_id)::integer AS participants,
           max(x.effective_date) AS latest
    FROM register_participants(day, at_moment) x
    GROUP BY x.arrangement_id
  ),
  standing AS (
    SELECT p.arrangement_id, p.revision_id,
           (p.start_date IS NULL OR p.start_date <= day)
             AND (p.end_date IS NULL OR p.end_date >= day) AS running,
           coalesce(t.participants, 0) AS participants, t.latest
    FROM register_published(day, at_moment) p
    LEFT JOIN taking_part t ON t.arrangement_id = p.arrangement_id
  )
  SELECT s.arrangement_id, s.revision_id, s.running, s.participants,
         s.running AND s.participants = 1,
         CASE WHEN s.running AND s.participants = 1 THEN s.latest END
  FROM standing s;
END
$$;
