"use client";

import { useEffect } from "react";

/**
 * Keeps shared addresses short and sorts a new search sensibly. When the explorer's form is
 * sent (the `formdata` event edits what a GET form sends):
 * - empty fields are left out;
 * - the sort is left out when it is the default, or when the search words changed and the sort
 *   was not touched, so a new search comes back best match first.
 * Without JavaScript the form sends every field and the page reads that address just the same.
 */
export function TidyQuery({
  formId,
  renderedSort,
  renderedSearch,
}: {
  formId: string;
  /** The order and search words of the page the form was rendered on. */
  renderedSort: string;
  renderedSearch: string;
}) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const tidy = (event: FormDataEvent) => {
      const data = event.formData;
      for (const [name, value] of [...data.entries()]) {
        if (typeof value === "string" && value.trim() === "") data.delete(name);
      }
      const q = data.get("q");
      const search = typeof q === "string" ? q.trim() : "";
      const sort = data.get("sort");
      const untouched = sort === renderedSort && search !== renderedSearch.trim();
      const fallback = search ? "relevance" : "newest";
      if (untouched || sort === fallback || (sort === "relevance" && !search)) data.delete("sort");
    };
    form.addEventListener("formdata", tidy);
    return () => form.removeEventListener("formdata", tidy);
  }, [formId, renderedSort, renderedSearch]);
  return null;
}
