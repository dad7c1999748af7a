/** The demo data set's shapes: what the generator returns and the seed inserts. */
import type { ReferenceOrganisation } from "../reference";

export type DemoOrganisation = Pick<
  ReferenceOrganisation,
  | "code"
  | "kind"
  | "councilType"
  | "name"
  | "shortName"
  | "gssCode"
  | "formerGssCodes"
  | "parentCode"
  | "startDate"
  | "endDate"
> &
  Partial<Pick<ReferenceOrganisation, "population" | "replacedByCodes">>;

export type DemoCategory = { slug: string; area: string };

export type DemoPartner = { code: string; role: "lead" | "partner" };

export type DemoStage = "planned" | "operational" | "ended";

export type DemoSaving = {
  /** Calendar year the financial year starts in: 2016 means 2016/17. */
  financialYear: number;
  amountPence: bigint;
  kind: "actual" | "forecast";
};

/** One approved version of an arrangement: public from reviewedAt until the next one's. */
export type DemoRevision = {
  version: number;
  /** Submitted for review a few days before it was approved. */
  submittedAt: Date;
  reviewedAt: Date;
  title: string;
  description: string;
  mainCategorySlug: string;
  furtherCategorySlugs: string[];
  stage: DemoStage;
  startDate: string | null;
  endDate: string | null;
  benefits: string[];
  contactName: string;
  contactEmail: string;
  noSavingsReason: string | null;
  savings: DemoSaving[];
};

export type DemoArrangement = {
  slug: string;
  isIllustrative: boolean;
  leadCode: string;
  /** Every organisation in the arrangement, the lead first; the same in every revision. */
  partners: DemoPartner[];
  /** Approved revisions, version 1 first; the last is the published one. */
  revisions: DemoRevision[];
};
