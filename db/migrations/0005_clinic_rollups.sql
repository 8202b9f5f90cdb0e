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
ALTER TABLE "couple_check_in_weeks" ADD CONSTRAINT "couple_check_in_weeks_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The roll-ups follow check_ins by triggers, in the writing transaction, for the app, the seed and
-- COPY alike. A changed (couple, day) is recounted from check_ins itself rather than adjusted by a
-- delta, so an insert, an edit, an upsert, a delete or a membership change all take one path.
CREATE FUNCTION mend_refresh_check_in_rollups(couple_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per couple at a time (two partners checking in at once would otherwise recount the
  -- same day from two snapshots). NO KEY UPDATE does not wait for the foreign-key checks of the
  -- check-ins themselves, so this cannot deadlock with them. Ordered, so two writers of several
  -- couples take the locks in the same order.
  PERFORM 1 FROM couples WHERE id IN (SELECT unnest(couple_ids)) ORDER BY id FOR NO KEY UPDATE;

  -- Each changed day recounted. Couples deleted in this transaction (a cascade) are left alone.
  WITH changed AS (
    SELECT DISTINCT u.couple_id, u.day
    FROM unnest(couple_ids, days) AS u(couple_id, day) JOIN couples c ON c.id = u.couple_id
  ), fresh AS (
    SELECT ch.couple_id, ch.day,
      (count(*) FILTER (WHERE m.slot = 'A'))::int AS partner_a,
      (count(*) FILTER (WHERE m.slot = 'B'))::int AS partner_b,
      count(ci.id)::int AS check_ins,
      coalesce(sum(ci.trust), 0)::int AS trust_sum
    FROM changed ch
    LEFT JOIN check_ins ci ON ci.couple_id = ch.couple_id AND ci.date = ch.day
    LEFT JOIN couple_members m ON m.user_id = ci.user_id AND m.couple_id = ci.couple_id
    GROUP BY ch.couple_id, ch.day
  ), gone AS (
    DELETE FROM couple_check_in_days d USING fresh f
    WHERE d.couple_id = f.couple_id AND d.day = f.day AND f.check_ins = 0
  )
  INSERT INTO couple_check_in_days AS d (couple_id, day, partner_a, partner_b, check_ins, trust_sum,
    partner_a_to_date, partner_b_to_date, check_ins_to_date, trust_sum_to_date)
  SELECT couple_id, day, partner_a, partner_b, check_ins, trust_sum, 0, 0, 0, 0 FROM fresh WHERE check_ins > 0
  ON CONFLICT (couple_id, day) DO UPDATE SET partner_a = excluded.partner_a, partner_b = excluded.partner_b,
    check_ins = excluded.check_ins, trust_sum = excluded.trust_sum;

  -- Running totals again from each couple's first changed day: today's check-in touches one row.
  WITH starts AS (
    SELECT u.couple_id, min(u.day) AS from_day FROM unnest(couple_ids, days) AS u(couple_id, day) GROUP BY u.couple_id
  ), base AS (
    SELECT s.couple_id, s.from_day, coalesce(p.a, 0) AS a, coalesce(p.b, 0) AS b, coalesce(p.n, 0) AS n, coalesce(p.t, 0) AS t
    FROM starts s
    LEFT JOIN LATERAL (
      SELECT partner_a_to_date AS a, partner_b_to_date AS b, check_ins_to_date AS n, trust_sum_to_date AS t
      FROM couple_check_in_days d WHERE d.couple_id = s.couple_id AND d.day < s.from_day
      ORDER BY d.day DESC LIMIT 1
    ) p ON true
  ), running AS (
    SELECT d.couple_id, d.day,
      (b.a + sum(d.partner_a) OVER w)::int AS a, (b.b + sum(d.partner_b) OVER w)::int AS b,
      (b.n + sum(d.check_ins) OVER w)::int AS n, (b.t + sum(d.trust_sum) OVER w)::int AS t
    FROM couple_check_in_days d JOIN base b ON b.couple_id = d.couple_id AND d.day >= b.from_day
    WINDOW w AS (PARTITION BY d.couple_id ORDER BY d.day)
  )
  UPDATE couple_check_in_days d
  SET partner_a_to_date = r.a, partner_b_to_date = r.b, check_ins_to_date = r.n, trust_sum_to_date = r.t
  FROM running r
  WHERE d.couple_id = r.couple_id AND d.day = r.day
    AND (d.partner_a_to_date, d.partner_b_to_date, d.check_ins_to_date, d.trust_sum_to_date) IS DISTINCT FROM (r.a, r.b, r.n, r.t);

  -- The ISO weeks (Monday start) of the changed days, summed again from the day rows.
  WITH weeks AS (
    SELECT DISTINCT u.couple_id, date_trunc('week', u.day::timestamp)::date AS week_start
    FROM unnest(couple_ids, days) AS u(couple_id, day) JOIN couples c ON c.id = u.couple_id
  ), fresh AS (
    SELECT w.couple_id, w.week_start, coalesce(sum(d.check_ins), 0)::int AS check_ins
    FROM weeks w
    LEFT JOIN couple_check_in_days d ON d.couple_id = w.couple_id AND d.day BETWEEN w.week_start AND w.week_start + 6
    GROUP BY w.couple_id, w.week_start
  ), gone AS (
    DELETE FROM couple_check_in_weeks cw USING fresh f
    WHERE cw.couple_id = f.couple_id AND cw.week_start = f.week_start AND f.check_ins = 0
  )
  INSERT INTO couple_check_in_weeks AS cw (couple_id, week_start, check_ins)
  SELECT couple_id, week_start, check_ins FROM fresh WHERE check_ins > 0
  ON CONFLICT (couple_id, week_start) DO UPDATE SET check_ins = excluded.check_ins;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_check_ins_rollups_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_check_in_rollups(array_agg(couple_id), array_agg(date))
  FROM (SELECT DISTINCT couple_id, date FROM new_rows) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_check_ins_rollups_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_check_in_rollups(array_agg(couple_id), array_agg(date))
  FROM (SELECT couple_id, date FROM old_rows UNION SELECT couple_id, date FROM new_rows) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_check_ins_rollups_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_check_in_rollups(array_agg(couple_id), array_agg(date))
  FROM (SELECT DISTINCT couple_id, date FROM old_rows) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_check_ins_rollups_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM couple_check_in_days;
  DELETE FROM couple_check_in_weeks;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A partner's check-ins count for the slot they hold: a membership change recounts the couple.
CREATE FUNCTION mend_refresh_couple_check_in_rollups(couple_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_check_in_rollups(array_agg(ci.couple_id), array_agg(ci.date))
  FROM (SELECT DISTINCT couple_id, date FROM check_ins WHERE couple_id IN (SELECT unnest(couple_ids))) ci;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_couple_members_rollups_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_couple_check_in_rollups((SELECT array_agg(DISTINCT couple_id) FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_couple_members_rollups_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_couple_check_in_rollups(
    (SELECT array_agg(couple_id) FROM (SELECT couple_id FROM old_rows UNION SELECT couple_id FROM new_rows) s));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION mend_couple_members_rollups_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mend_refresh_couple_check_in_rollups((SELECT array_agg(DISTINCT couple_id) FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER check_ins_rollups_insert AFTER INSERT ON check_ins
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_check_ins_rollups_inserted();
--> statement-breakpoint
CREATE TRIGGER check_ins_rollups_update AFTER UPDATE ON check_ins
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_check_ins_rollups_updated();
--> statement-breakpoint
CREATE TRIGGER check_ins_rollups_delete AFTER DELETE ON check_ins
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_check_ins_rollups_deleted();
--> statement-breakpoint
CREATE TRIGGER check_ins_rollups_truncate AFTER TRUNCATE ON check_ins
  FOR EACH STATEMENT EXECUTE FUNCTION mend_check_ins_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER couple_members_rollups_insert AFTER INSERT ON couple_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_couple_members_rollups_inserted();
--> statement-breakpoint
CREATE TRIGGER couple_members_rollups_update AFTER UPDATE ON couple_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_couple_members_rollups_updated();
--> statement-breakpoint
CREATE TRIGGER couple_members_rollups_delete AFTER DELETE ON couple_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mend_couple_members_rollups_deleted();
--> statement-breakpoint
-- Existing check-ins, counted once. The triggers above already hold check_ins against writes
-- until this migration commits, so no check-in slips between the count and the triggers.
INSERT INTO couple_check_in_days (couple_id, day, partner_a, partner_b, check_ins, trust_sum,
  partner_a_to_date, partner_b_to_date, check_ins_to_date, trust_sum_to_date)
SELECT couple_id, day, partner_a, partner_b, check_ins, trust_sum,
  (sum(partner_a) OVER w)::int, (sum(partner_b) OVER w)::int, (sum(check_ins) OVER w)::int, (sum(trust_sum) OVER w)::int
FROM (
  SELECT ci.couple_id, ci.date AS day,
    (count(*) FILTER (WHERE m.slot = 'A'))::int AS partner_a,
    (count(*) FILTER (WHERE m.slot = 'B'))::int AS partner_b,
    count(*)::int AS check_ins,
    sum(ci.trust)::int AS trust_sum
  FROM check_ins ci
  LEFT JOIN couple_members m ON m.user_id = ci.user_id AND m.couple_id = ci.couple_id
  GROUP BY ci.couple_id, ci.date
) per_day
WINDOW w AS (PARTITION BY couple_id ORDER BY day);
--> statement-breakpoint
INSERT INTO couple_check_in_weeks (couple_id, week_start, check_ins)
SELECT couple_id, date_trunc('week', day::timestamp)::date, sum(check_ins)::int
FROM couple_check_in_days
GROUP BY 1, 2;
