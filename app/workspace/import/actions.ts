"use server";

import { z } from "zod";
import {
  DECLARATION_REQUIRED,
  SUBMIT_ALL_MAX,
  submitAllForReview,
} from "@/lib/arrangements/commands";
import { userAction } from "@/lib/auth/access";
import { runImportStep } from "./import-step";
import type { SubmitAllState } from "./state";

const list = (item: z.ZodString) =>
  z
    .union([item, z.array(item).max(50)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** One organisation code, or "" for "none of these". */
const matchCode = z.string().regex(/^[A-Za-z0-9_-]{0,40}$/, "Choose an organisation from the list");

const importSchema = z.object({
  step: z.enum(["preview", "import"]).catch("preview"),
  token: z.string().max(12_000_000).optional(),
  // The preview's choice per partner name not found: matchKey[i] is matched by matchCode[i].
  matchKey: list(z.string().max(300)),
  matchCode: list(matchCode),
});

/** Upload → preview, or (with the signed token from the preview) import the valid rows. */
export const importAction = userAction(importSchema, async (input, { user, request, formData }) =>
  runImportStep(user, request, input, formData),
);

const submitAllSchema = z.object({
  arrangementId: z
    .union([z.coerce.number().int().positive(), z.array(z.coerce.number().int().positive())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.number()).min(1).max(SUBMIT_ALL_MAX)),
  declaration: z.string().optional(),
});

/** "Submit all N for review" after an import: each one through the one submit command. */
export const submitAllAction = userAction(
  submitAllSchema,
  async (input, { user, request }): Promise<SubmitAllState> => {
    if (input.declaration !== "yes")
      return { message: "There is a problem", errors: { declaration: DECLARATION_REQUIRED } };
    const result = await submitAllForReview(user, input.arrangementId, request, true);
    return { ok: result.refused.length === 0, ...result };
  },
);
