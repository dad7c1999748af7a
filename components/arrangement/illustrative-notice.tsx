import { DemoNotice } from "@/components/demo-notice";

/** Says plainly, on an illustrative demo record's own page, that it is not real. */
export function IllustrativeNotice() {
  return (
    <DemoNotice
      id="illustrative-notice-title"
      title="Demo data: this is an illustrative record"
      shortTitle="An illustrative demo record"
      testId="illustrative-notice"
    >
      <p className="mt-2">
        It was generated to resemble the Local Government Association&rsquo;s 2017 picture of shared
        services, between real councils. The arrangement, its figures and its contact are not real
        data.
      </p>
    </DemoNotice>
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
