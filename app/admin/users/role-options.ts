/** The two roles as radio choices, each with what it may do (inviting and changing a user). */
export const ROLE_OPTIONS = [
  {
    value: "council_editor",
    label: "Council editor",
    hint: "Keeps one organisation's arrangements up to date and submits them for approval.",
  },
  {
    value: "admin",
    label: "Administrator",
    hint: "Reviews submissions for every organisation and manages users.",
  },
];
