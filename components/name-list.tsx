import Link from "next/link";
import { Fragment } from "react";

/** Names on one line, each a link: "A", "A and B", "A, B and C". */
export function LinkedNames({
  items,
  href,
}: {
  items: readonly { code: string; name: string }[];
  href: (code: string) => string;
}) {
  return (
    <>
      {items.map((item, i) => (
        <Fragment key={item.code}>
          {i > 0 ? (i === items.length - 1 ? " and " : ", ") : ""}
          <Link href={href(item.code)}>{item.name}</Link>
        </Fragment>
      ))}
    </>
  );
}
