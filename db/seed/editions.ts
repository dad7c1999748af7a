/**
 * Demo editions: three moments that match editions of the LGA's shared services map, so a
 * newcomer sees this register's figures beside the LGA's on /editions at once. An edition stores
 * only its name and moment; its figures come from the demo data's approval history (approved
 * between 2012 and 2017), so the 2017 edition shows the full demo set: 486 arrangements, £643m.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const DEMO_EDITIONS = [
  {
    name: "2013 edition",
    // The LGA relaunched its map on 19 March 2013 (lga_published_editions.csv, 2013-03).
    asOf: "2013-03-19T23:59:00Z",
    description:
      "Demo edition: the register as it stood on the day the LGA published its March 2013 figures.",
  },
  {
    name: "2015 edition",
    asOf: "2015-12-31T23:59:00Z",
    description:
      "Demo edition: the register at the end of 2015, the year of the LGA's 2015 figures.",
  },
  {
    name: "2017 edition",
    asOf: "2017-12-31T23:59:00Z",
    description:
      "Demo edition: the register at the end of 2017, the year of the LGA's release of 486 arrangements and £643m saved.",
  },
] as const;

/** Inserts the demo editions that are not there yet; returns how many it inserted. */
export async function insertDemoEditions(tx: Tx): Promise<number> {
  const values = DEMO_EDITIONS.map(
    (e) => sql`(${e.name}, ${e.description}, ${e.asOf}::timestamptz)`,
  );
  const result = await tx.execute(sql`
    INSERT INTO editions (name, description, as_of)
    VALUES ${sql.join(values, sql`, `)}
    ON CONFLICT (name) DO NOTHING`);
  return result.count;
}
