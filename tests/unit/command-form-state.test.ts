import { describe, expect, it } from "vitest";
import { toFormState } from "@/lib/commands/form-state";
import { conflict, invalid, notAllowed } from "@/lib/commands/result";

/*
 * A command's answer as a form shows it. Field errors stand beside their fields on their own
 * (the error summary already says "There is a problem"); any other failure is one message;
 * what was typed comes back, never a password.
 */

const typed = { name: "Jo", password: "secret-typed-password", confirmPassword: "x" };

describe("toFormState", () => {
  it("confirms a success with its message only", () => {
    const saved = { ok: true as const, message: "Saved", userId: 7 };
    expect(toFormState(saved, typed)).toEqual({
      ok: true,
      message: "Saved",
    });
  });

  it("shows field errors without the generic message, and keeps what was typed but passwords", () => {
    expect(toFormState(invalid({ name: "Enter a full name" }), typed)).toEqual({
      errors: { name: "Enter a full name" },
      values: { name: "Jo" },
    });
  });

  it("shows any other failure as its message", () => {
    expect(toFormState(notAllowed("Only administrators can do this."), typed)).toEqual({
      message: "Only administrators can do this.",
      values: { name: "Jo" },
    });
    expect(toFormState(conflict("Someone else changed it."), {})).toEqual({
      message: "Someone else changed it.",
      values: {},
    });
  });
});
