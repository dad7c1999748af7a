/** Sentences and names the demo descriptions are written from. */
import type { Slug } from "./categories";

export const STRUCTURE_SENTENCES = [
  "L hosts the service and employs the staff on behalf of the partners.",
  "Staff transferred to a single team managed by L under a partnership agreement.",
  "A joint committee of the partners oversees the service, with L as lead authority.",
  "The partners signed a section 113 agreement so that officers can work for all of them.",
  "Each partner keeps its own policies and decisions while sharing one team and IT system.",
  "L leads the arrangement under a collaboration agreement reviewed every three years.",
];

/** Sentences an update adds; M is a month and year. */
export const UPDATE_SENTENCES = [
  "The partners renewed their agreement in M.",
  "A review in M confirmed the arrangement should continue.",
  "The partners moved the team onto a single case management system in M.",
  "Service standards were revised in M after a joint review with residents.",
  "In M the partners agreed a new three-year service plan.",
];

export const CONTACT_NAMES = [
  "Shared services team",
  "Partnership manager",
  "Head of shared service",
  "Service manager",
  "Partnership support team",
];

export const IMPROVE_SERVICES_REASONS = [
  "Set up to improve services rather than to save money; no savings figure is recorded.",
  "The aim is a better, more resilient service for residents, not a saving.",
  "Set up to improve outcomes and resilience; any savings are incidental and not measured.",
  "Created to give residents a more joined-up service; savings were not an objective.",
];

export const OTHER_NO_SAVINGS_REASONS = [
  "Savings are not identified separately: efficiencies are absorbed within each partner's budget.",
  "Savings have not yet been quantified.",
  "The arrangement avoids future costs rather than producing cashable savings.",
  "Savings are reported through a wider transformation programme, not by this arrangement.",
];

export const PLANNED_NO_SAVINGS_REASONS = [
  "Planned arrangement: savings will be reported once the service is running.",
  "Business case approved; savings will be measured after the first full year.",
];

export const ENDED_BEFORE_SAVINGS_REASON =
  "The arrangement ended before savings were measured; no savings figure is recorded.";

export const ENDING_REASONS = [
  "the partners brought the service back in house",
  "the contract was re-let separately",
  "the partners chose different delivery models",
];

export const NUMBER_WORDS: Record<number, string> = {
  2: "two",
  3: "three",
  4: "four",
  5: "five",
  6: "six",
  7: "seven",
  8: "eight",
  9: "nine",
  10: "ten",
  11: "eleven",
  12: "twelve",
  13: "thirteen",
  14: "fourteen",
};

export const BENEFIT_HINTS: Record<Slug, string[]> = {
  "revenues-and-benefits": ["resilience", "customer-experience"],
  legal: ["capacity-and-skills", "resilience"],
  "management-teams": ["faster-decisions", "shared-knowledge"],
  "regulatory-services": ["resilience", "capacity-and-skills"],
  "procurement-and-commissioning": ["capacity-and-skills", "shared-knowledge"],
  ict: ["resilience", "service-quality"],
  "hr-and-payroll": ["service-quality", "resilience"],
  "finance-and-audit": ["capacity-and-skills", "resilience"],
  "customer-services": ["customer-experience", "service-quality"],
  "counter-fraud": ["capacity-and-skills", "shared-knowledge"],
  "assets-and-property": ["integration", "customer-experience"],
  "environment-waste-transport": ["service-quality", "customer-experience"],
  "community-safety-emergency-planning": ["integration", "resilience"],
  "adult-social-care": ["integration", "service-quality"],
  "childrens-services-send": ["service-quality", "integration"],
  "public-health": ["integration", "shared-knowledge"],
  housing: ["customer-experience", "integration"],
  planning: ["capacity-and-skills", "faster-decisions"],
  "culture-leisure-libraries": ["customer-experience", "service-quality"],
  other: ["service-quality", "resilience"],
};
