"use client";

import { useEffect } from "react";

/**
 * Keeps shared addresses short: when the explorer's form is sent, empty fields and the default
 * sort are left out of the query string (the `formdata` event edits what a GET form sends).
 * Without JavaScript the form sends them all, and the page reads that address just the same.
 */
export function TidyQuery({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const tidy = (event: FormDataEvent) => {
      const data = event.formData;
      for (const [name, value] of [...data.entries()]) {
        if (typeof value === "string" && value.trim() === "") data.delete(name);
      }
      const searching = typeof data.get("q") === "string";
      const sort = data.get("sort");
      if ((searching && sort === "relevance") || (!searching && sort === "newest")) {
        data.delete("sort");
      }
    };
    form.addEventListener("formdata", tidy);
    return () => form.removeEventListener("formdata", tidy);
  }, [formId]);
  return null;
}
