/** Says plainly, on an illustrative demo record's own page, that it is not real. */
export function IllustrativeNotice() {
  return (
    <aside
      aria-labelledby="illustrative-notice-title"
      className="my-6 border-l-8 border-notice bg-notice-bg px-4 py-4 sm:px-6"
      data-testid="illustrative-notice"
    >
      <p id="illustrative-notice-title" className="text-lg font-bold text-notice">
        Demo data: this is an illustrative record
      </p>
      <p className="mt-2">
        It was generated to resemble the Local Government Association&rsquo;s 2017 picture of shared
        services, between real councils. The arrangement, its figures and its contact are not real
        data.
      </p>
    </aside>
  );
}

/** Marks an illustrative demo record in a list, in words (not colour alone). */
export function IllustrativeTag() {
  return (
    <span className="inline-block border-2 border-notice bg-notice-bg px-1.5 text-sm font-semibold text-notice">
      Illustrative
    </span>
  );
}
