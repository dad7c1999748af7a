/**
 * A plan is one arrangement's life before it is written out: its group, its dates and the
 * moments its revisions were approved, each with the stage, dates and range of savings years it
 * recorded. Savings amounts (savings.ts, calibrate.ts) and words (wording.ts) come later.
 */
import type { Group } from "./groups";
import type { DemoStage } from "./types";

/** Why an arrangement records no savings: set up to improve services, or other reasons. */
export type NoSavings = "improve" | "other" | null;

export type EventKind =
  "first" | "update" | "started" | "ended" | "merged" | "successors" | "quantified" | "backfill";

export type PlanEvent = {
  at: Date;
  kind: EventKind;
  stage: DemoStage;
  startDate: string;
  endDate: string | null;
  /** Savings lines run from `from` to `through` (financial years); null when there are none. */
  from: number | null;
  through: number | null;
  /** The day the partners' successors took over, when this revision says so. */
  successorsFrom: string | null;
};

export type Plan = {
  group: Group;
  /** The organisations named, lead first. */
  codes: string[];
  noSavings: NoSavings;
  events: PlanEvent[];
  /** A hand-made case (deliberate.ts), described by its own title. */
  title?: string;
};
