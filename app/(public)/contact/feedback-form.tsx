"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { bindFields } from "@/components/forms/bind-fields";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextareaField } from "@/components/forms/textarea-field";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { HONEYPOT, MESSAGE_MAX } from "@/lib/feedback/schemas";
import { sendFeedbackAction } from "./actions";

const FIELDS = ["message", "page", "name", "email"];

/**
 * The feedback form: a server action, so it works without JavaScript too (the page is sent
 * back with what was typed and the error summary). After a message is sent it is empty again.
 */
export function FeedbackForm() {
  const form = useActionState(sendFeedbackAction, {} as FormState);
  const [state] = form;
  const field = bindFields(state, {}, { clearOnSuccess: true });
  return (
    <ActionForm
      form={form}
      submitLabel="Send feedback"
      fieldOrder={FIELDS}
      labelledBy="feedback-heading"
      success={<SuccessPanel title="Message sent">{state.message}</SuccessPanel>}
    >
      <TextareaField
        {...field("message")}
        label="Your message"
        hint={`What worked, what did not, or what is wrong. Up to ${MESSAGE_MAX.toLocaleString("en-GB")} characters. Do not include personal details about anyone else.`}
        rows={6}
      />
      <TextField
        {...field("page")}
        label="Which page is it about? (optional)"
        hint="Its web address or its title, like /map or ‘Devon County Council’."
        autoComplete="off"
      />
      <TextField
        {...field("name")}
        label="Your name (optional)"
        autoComplete="name"
        spellCheck={false}
      />
      <TextField
        {...field("email")}
        label="Your email address (optional)"
        hint="Only if you would like an answer. We use it for nothing else."
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      {/* A honeypot for bots that fill in every field: hidden from people and screen readers. */}
      <div hidden aria-hidden="true">
        <label htmlFor="feedback-website">Leave this empty</label>
        <input id="feedback-website" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </ActionForm>
  );
}
