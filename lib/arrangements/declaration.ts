/** What an editor declares to submit an arrangement for review (issue 15): pure, for the form too. */
export const DECLARATION = "I confirm these figures are accurate and may be published";
export const DECLARATION_REQUIRED = "Confirm that these figures are accurate and may be published";
