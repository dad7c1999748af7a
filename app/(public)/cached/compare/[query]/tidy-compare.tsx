"use client";

import { useEffect } from "react";
import { compareHref } from "@/lib/councils/compare-query";

/**
 * Keeps the address of a comparison short: when the picker is sent, go straight to
 * /compare?councils=A,B,C (the councils chosen, less the one removed, plus the one added)
 * instead of the form's councils=A&councils=B&add=C. Without JavaScript the form sends the long
 * form and the page reads it just the same.
 */
export function TidyCompare({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const go = (event: SubmitEvent) => {
      const data = new FormData(form);
      const submitter = event.submitter;
      const removed =
        submitter instanceof HTMLButtonElement && submitter.name === "remove"
          ? submitter.value
          : null;
      const added = removed === null ? String(data.get("add") ?? "").trim() : "";
      const codes = data
        .getAll("councils")
        .map(String)
        .filter((c) => c !== removed);
      if (added && !codes.includes(added)) codes.push(added);
      event.preventDefault();
      window.location.assign(compareHref(codes));
    };
    form.addEventListener("submit", go);
    return () => form.removeEventListener("submit", go);
  }, [formId]);
  return null;
}
