"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/auth/access";
import { markHandledAction } from "./actions";

/** One message's "Mark handled" button (a form of its own; it works without JavaScript). */
export function HandledForm({ id }: { id: number }) {
  const form = useActionState(markHandledAction, {} as FormState);
  return (
    <ActionForm
      form={form}
      submitLabel={`Mark message ${id} handled`}
      submitClassName="button-secondary"
      hidden={{ id }}
    />
  );
}
