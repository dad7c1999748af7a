/**
 * Seeds reference data (organisations, service categories) and, on request, the demo users
 * and demo arrangements. Idempotent: running it again inserts nothing that is already there,
 * and everything happens in one transaction so a failure leaves no half-seeded database.
 */
import { hash, type Algorithm } from "@node-rs/argon2";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, organisations, serviceCategories, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-log/actions";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { deriveSuccessions, generateDemoArrangements } from "./demo";
import { insertDemoEditions } from "./editions";
import { chunks, CHUNK, insertDemoArrangements } from "./insert-demo";
import { loadOrganisations, type ReferenceOrganisation } from "./reference";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Demo accounts, with their plain passwords so the README and tests can sign in. They are
 * created only with the demo data (`seed(db, { demo: true })`), never by `--no-demo`.
 */
export const DEMO_USERS = [
  {
    email: "admin@example.org",
    name: "Demo administrator",
    role: "admin",
    organisationCode: null,
    password: "Ledger-Harbour-Quill-2017",
  },
  {
    email: "editor@devon.example.org",
    name: "Devon County Council editor (demo)",
    role: "council_editor",
    organisationCode: "E10000008",
    password: "Moorland-Lantern-Tide-48",
  },
  {
    email: "editor@somerset.example.org",
    // Somerset County Council ceased on 31 March 2023; Somerset Council took over.
    name: "Somerset Council editor (demo)",
    role: "council_editor",
    organisationCode: "E06000066",
    password: "Willow-Levels-Beacon-63",
  },
  {
    email: "editor@brent.example.org",
    name: "Brent Council editor (demo)",
    role: "council_editor",
    organisationCode: "E09000005",
    password: "Canal-Orchard-Signal-29",
  },
  {
    email: "editor@harrow.example.org",
    name: "Harrow Council editor (demo)",
    role: "council_editor",
    organisationCode: "E09000015",
    password: "Hilltop-Ember-Compass-57",
  },
  {
    email: "editor@westsussex.example.org",
    name: "West Sussex County Council editor (demo)",
    role: "council_editor",
    organisationCode: "E10000032",
    password: "Downland-Ferry-Thistle-81",
  },
] as const satisfies readonly {
  email: string;
  name: string;
  role: "admin" | "council_editor";
  organisationCode: string | null;
  password: string;
}[];

/** Algorithm.Argon2id: the package's const enum cannot be read under isolatedModules. */
const ARGON2ID: Algorithm = 2;

/** OWASP's recommended Argon2id settings; the sign-in code verifies whatever the hash records. */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export type SeedCounts = { inserted: number; updated: number; unchanged: number };

export type SeedSummary = {
  organisations: SeedCounts & { replacedByLinked: number; successions: number };
  serviceCategories: SeedCounts;
  users: { inserted: number; present: number };
  arrangements: { inserted: number; present: number };
  revisions: { inserted: number };
  revisionPartners: { inserted: number };
  revisionCategories: { inserted: number };
  revisionSavings: { inserted: number };
  editions: { inserted: number };
};

export async function seed(db: Db, options: { demo: boolean }): Promise<SeedSummary> {
  const reference = loadOrganisations();
  const demo = options.demo
    ? generateDemoArrangements({ organisations: reference, categories: SERVICE_CATEGORIES })
    : [];

  return db.transaction(async (tx) => {
    // Two seeds at once (parallel test workers, two start-ups) would race on the same rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shared-services-map:seed'))`);

    const summary: SeedSummary = {
      organisations: await upsertOrganisations(tx, reference),
      serviceCategories: await upsertCategories(tx),
      users: { inserted: 0, present: 0 },
      arrangements: { inserted: 0, present: 0 },
      revisions: { inserted: 0 },
      revisionPartners: { inserted: 0 },
      revisionCategories: { inserted: 0 },
      revisionSavings: { inserted: 0 },
      editions: { inserted: 0 },
    };

    const orgIds = new Map(
      (await tx.select({ id: organisations.id, code: organisations.code }).from(organisations)).map(
        (r) => [r.code, r.id],
      ),
    );
    if (options.demo) {
      // Demo accounts have published passwords: they come only with the demo data set.
      summary.users = await insertDemoUsers(tx, orgIds);
      const categoryIds = new Map(
        (
          await tx
            .select({ id: serviceCategories.id, slug: serviceCategories.slug })
            .from(serviceCategories)
        ).map((r) => [r.slug, r.id]),
      );
      Object.assign(summary, await insertDemoArrangements(tx, demo, orgIds, categoryIds));
      summary.editions.inserted = await insertDemoEditions(tx);
    }

    const changed =
      summary.organisations.inserted +
      summary.organisations.updated +
      summary.organisations.replacedByLinked +
      summary.organisations.successions +
      summary.serviceCategories.inserted +
      summary.serviceCategories.updated +
      summary.users.inserted +
      summary.arrangements.inserted +
      summary.editions.inserted;
    if (changed > 0) {
      await tx.insert(auditEvents).values({
        action: "seed" satisfies AuditAction,
        entityType: "database",
        after: { ...summary, demo: options.demo },
      });
    }
    return summary;
  });
}

/* Organisations and categories ------------------------------------------------------------- */

/** `(a, b, ...) IS DISTINCT FROM (excluded.a, excluded.b, ...)`: update only what changed. */
function differs(columns: { column: SQL; excluded: string }[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => c.column),
    sql`, `,
  )}) IS DISTINCT FROM (${sql.raw(columns.map((c) => `excluded.${c.excluded}`).join(", "))})`;
}

/**
 * An organisation an administrator has edited, marked replaced or whose successors' shares they
 * changed (lib/organisations): the seed re-applies the reference files to every other
 * organisation, but never undoes an admin's edit.
 */
const editedByAnAdministrator = (id: SQL) => sql`EXISTS (
  SELECT 1 FROM audit_events e
  WHERE e.entity_type = 'organisation' AND e.entity_id = ${id}::text
    AND e.action IN ('organisation.updated', 'organisation.replaced', 'organisation.shares_changed'))`;

async function upsertOrganisations(
  tx: Tx,
  rows: readonly ReferenceOrganisation[],
): Promise<SeedSummary["organisations"]> {
  const o = organisations;
  const columns = [
    { column: sql`${o.gssCode}`, excluded: "gss_code" },
    { column: sql`${o.formerGssCodes}`, excluded: "former_gss_codes" },
    { column: sql`${o.kind}`, excluded: "kind" },
    { column: sql`${o.councilType}`, excluded: "council_type" },
    { column: sql`${o.name}`, excluded: "name" },
    { column: sql`${o.shortName}`, excluded: "short_name" },
    { column: sql`${o.region}`, excluded: "region" },
    { column: sql`${o.parentCode}`, excluded: "parent_code" },
    { column: sql`${o.startDate}`, excluded: "start_date" },
    { column: sql`${o.endDate}`, excluded: "end_date" },
    { column: sql`${o.population}`, excluded: "population" },
  ];
  let inserted = 0;
  let updated = 0;
  for (const chunk of chunks(rows, CHUNK)) {
    const result = await tx
      .insert(o)
      .values(
        chunk.map((r) => ({
          code: r.code,
          gssCode: r.gssCode,
          formerGssCodes: r.formerGssCodes,
          kind: r.kind,
          councilType: r.councilType,
          name: r.name,
          shortName: r.shortName,
          region: r.region,
          parentCode: r.parentCode,
          startDate: r.startDate,
          endDate: r.endDate,
          population: r.population,
        })),
      )
      .onConflictDoUpdate({
        target: o.code,
        set: {
          gssCode: sql`excluded.gss_code`,
          formerGssCodes: sql`excluded.former_gss_codes`,
          kind: sql`excluded.kind`,
          councilType: sql`excluded.council_type`,
          name: sql`excluded.name`,
          shortName: sql`excluded.short_name`,
          region: sql`excluded.region`,
          parentCode: sql`excluded.parent_code`,
          startDate: sql`excluded.start_date`,
          endDate: sql`excluded.end_date`,
          population: sql`excluded.population`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${differs(columns)} AND NOT ${editedByAnAdministrator(sql`${o.id}`)}`,
      })
      // xmax is 0 on a freshly inserted row version and set on an updated one.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const r of result) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }

  // Successors are resolved once every organisation has an id.
  const links = rows.filter((r) => r.replacedByCode);
  let replacedByLinked = 0;
  if (links.length) {
    const result = await tx.execute(sql`
      UPDATE organisations AS o
      SET replaced_by_id = r.id, updated_at = now()
      FROM (VALUES ${sql.join(
        links.map((l) => sql`(${l.code}, ${l.replacedByCode})`),
        sql`, `,
      )}) AS v(code, replaced_code)
      JOIN organisations AS r ON r.code = v.replaced_code
      WHERE o.code = v.code AND o.replaced_by_id IS DISTINCT FROM r.id
        AND NOT ${editedByAnAdministrator(sql`o.id`)}
    `);
    replacedByLinked = result.count;
  }
  return {
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
    replacedByLinked,
    successions: await upsertSuccessions(tx, rows),
  };
}

/**
 * Every succession the reference data gives (mergers and the two splits, shares by population:
 * deriveSuccessions), inserted or brought up to date; those of a council an administrator has
 * edited or recorded as replaced are left as the administrator made them.
 */
async function upsertSuccessions(tx: Tx, rows: readonly ReferenceOrganisation[]): Promise<number> {
  const successions = deriveSuccessions(rows);
  if (successions.length === 0) return 0;
  const result = await tx.execute(sql`
    INSERT INTO organisation_successions AS s (predecessor_id, successor_id, effective_date, share_bp)
    SELECT p.id, n.id, v.effective_date::date, v.share_bp::int
    FROM (VALUES ${sql.join(
      successions.map(
        (x) => sql`(${x.predecessorCode}, ${x.successorCode}, ${x.effectiveDate}, ${x.shareBp})`,
      ),
      sql`, `,
    )}) AS v(predecessor_code, successor_code, effective_date, share_bp)
    JOIN organisations p ON p.code = v.predecessor_code
    JOIN organisations n ON n.code = v.successor_code
    WHERE NOT ${editedByAnAdministrator(sql`p.id`)}
    ON CONFLICT (predecessor_id, successor_id) DO UPDATE
      SET effective_date = excluded.effective_date, share_bp = excluded.share_bp
      WHERE (s.effective_date, s.share_bp) IS DISTINCT FROM (excluded.effective_date, excluded.share_bp)
  `);
  return result.count;
}

async function upsertCategories(tx: Tx): Promise<SeedCounts> {
  const c = serviceCategories;
  const result = await tx
    .insert(c)
    .values(
      SERVICE_CATEGORIES.map((s) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        area: s.area,
        sortOrder: s.sortOrder,
      })),
    )
    .onConflictDoUpdate({
      target: c.slug,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        area: sql`excluded.area`,
        sortOrder: sql`excluded.sort_order`,
      },
      setWhere: differs([
        { column: sql`${c.name}`, excluded: "name" },
        { column: sql`${c.description}`, excluded: "description" },
        { column: sql`${c.area}`, excluded: "area" },
        { column: sql`${c.sortOrder}`, excluded: "sort_order" },
      ]),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const inserted = result.filter((r) => r.inserted).length;
  const updated = result.length - inserted;
  return { inserted, updated, unchanged: SERVICE_CATEGORIES.length - inserted - updated };
}

/* Users ------------------------------------------------------------------------------------- */

async function insertDemoUsers(
  tx: Tx,
  orgIds: ReadonlyMap<string, number>,
): Promise<SeedSummary["users"]> {
  const emails = DEMO_USERS.map((u) => u.email.toLowerCase());
  const present = new Set(
    (
      await tx
        .select({ email: sql<string>`lower(${users.email})` })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, emails))
    ).map((r) => r.email),
  );
  const missing = DEMO_USERS.filter((u) => !present.has(u.email.toLowerCase()));
  if (missing.length === 0) return { inserted: 0, present: present.size };

  // Hashing is the slow part, so only accounts that do not exist yet are hashed.
  const hashes = await Promise.all(missing.map((u) => hash(u.password, PASSWORD_HASH_OPTIONS)));
  const values = missing.map((u, i) => {
    const organisationId = u.organisationCode ? orgIds.get(u.organisationCode) : null;
    if (u.organisationCode && organisationId === undefined) {
      throw new Error(`Demo user ${u.email}: organisation ${u.organisationCode} is missing`);
    }
    return sql`(${u.email}, ${u.name}, ${u.role}::user_role, ${organisationId ?? null}::int, 'active'::user_status, ${hashes[i]!})`;
  });
  const result = await tx.execute(sql`
    INSERT INTO users (email, name, role, organisation_id, status, password_hash)
    VALUES ${sql.join(values, sql`, `)}
    ON CONFLICT (lower(email)) DO NOTHING
  `);
  return { inserted: result.count, present: present.size + missing.length - result.count };
}
