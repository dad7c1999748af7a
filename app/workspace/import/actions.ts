"use server";

import { z } from "zod";
import { userAction } from "@/lib/auth/access";
import { runImportStep } from "./import-step";

const importSchema = z.object({
  step: z.enum(["preview", "import"]).catch("preview"),
  token: z.string().max(12_000_000).optional(),
});

/** Upload → preview, or (with the signed token from the preview) import the valid rows. */
export const importAction = userAction(importSchema, async (input, { user, request, formData }) =>
  runImportStep(user, request, input, formData),
);
