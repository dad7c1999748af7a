import type { Key, ReactNode } from "react";
import { DataTable, type Column } from "./data-table";
import { ListCaption } from "./page-header";
import { Pagination } from "./pagination";

type Page = { total: number; page: number; pages: number };

/**
 * One page of a signed-in list (users, organisations, submissions, messages): a table whose
 * caption says what it holds and which rows are shown, or a sentence when nothing matches, then
 * the links to the other pages, which keep the list's filters (`href`).
 */
export function RecordList<T>({
  id,
  title,
  detail,
  columns,
  rows,
  rowKey,
  list,
  empty,
  href,
  label,
  previous,
  next,
  dense,
}: {
  id: string;
  title: string;
  /** Which rows are shown, under the title ("Showing 1 to 25 of 40"). */
  detail: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  list: Page;
  /** Said instead of the table when nothing matches. */
  empty: string;
  href: (page: number) => string;
  /** Names the page links ("Pages of users"). */
  label: string;
  previous?: ReactNode;
  next?: ReactNode;
  dense?: boolean;
}) {
  return (
    <>
      {list.total === 0 ? (
        <p role="status" className="text-lg">
          {empty}
        </p>
      ) : (
        <DataTable
          id={id}
          dense={dense}
          captionClassName="mb-2 text-left text-lg font-semibold"
          caption={<ListCaption title={title} detail={detail} />}
          columns={columns}
          rows={rows}
          rowKey={rowKey}
        />
      )}
      <Pagination
        page={list.page}
        pages={list.pages}
        href={href}
        label={label}
        previous={previous}
        next={next}
      />
    </>
  );
}
