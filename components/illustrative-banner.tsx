import { DemoNotice } from "./demo-notice";

/**
 * Tells readers that figures include illustrative demo records. Shown wherever such records
 * contribute to what is on the page, and only then: once the register holds only real
 * records the notice disappears by itself.
 */
export function IllustrativeBanner({
  illustrativeCount,
  totalCount,
}: {
  /** Published arrangements behind the page's figures that are illustrative. */
  illustrativeCount: number;
  /** All published arrangements behind the page's figures. */
  totalCount: number;
}) {
  if (illustrativeCount <= 0) return null;
  const count = illustrativeCount.toLocaleString("en-GB");
  const total = totalCount.toLocaleString("en-GB");

  return (
    <DemoNotice
      id="illustrative-banner-title"
      title="Demo data: these figures include illustrative records"
      shortTitle="Illustrative demo data"
      testId="illustrative-banner"
    >
      <p className="mt-2">
        {count} of the {total} arrangement{totalCount === 1 ? "" : "s"} behind these figures{" "}
        {illustrativeCount === 1
          ? "is an illustrative demo record"
          : "are illustrative demo records"}
        , generated to resemble the Local Government Association&rsquo;s 2017 picture of shared
        services. They are not real data.
      </p>
      <p className="mt-2">
        The three arrangements named in the LGA&rsquo;s 2017 release are real: West Sussex County
        Council with West Sussex Fire and Rescue Service (support for vulnerable people at home),
        Devon and Somerset county councils&rsquo; combined trading standards service, and the London
        boroughs of Brent and Harrow&rsquo;s HuB Procurement Services.
      </p>
    </DemoNotice>
  );
}
