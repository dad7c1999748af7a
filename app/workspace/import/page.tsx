import type { Metadata } from "next";
import { BackLink } from "@/components/page-header";
import { requireUser } from "@/lib/auth/access";
import { IMPORT_MAX_ROWS } from "@/lib/arrangements/import";
import { editorOrganisation } from "@/lib/arrangements/queries";
import { ImportForm } from "./import-form";
import { ImportHelp } from "./import-help";

export const metadata: Metadata = { title: "Import arrangements from a spreadsheet" };

export default async function ImportPage() {
  const user = await requireUser();
  const editor = editorOrganisation(user) !== null;
  return (
    <div>
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <h1 className="text-3xl font-bold">Import arrangements from a spreadsheet</h1>
      {!editor ? (
        <p className="mt-4">Only council editors can import arrangements for their council.</p>
      ) : (
        <>
          <ol className="mt-4 list-decimal pl-6">
            <li>
              Download the{" "}
              <a href="/workspace/import/excel-template" download>
                Excel template
              </a>{" "}
              (with drop-down lists of categories and organisations) or the{" "}
              <a href="/workspace/import/template" download>
                CSV template
              </a>
              : one row per arrangement, with one example row to replace, and a savings column for
              each financial year from 2012/13.
            </li>
            <li>
              Fill it in and save it as an Excel workbook (.xlsx, without macros) or as “CSV UTF-8
              (Comma delimited)”.
            </li>
            <li>
              Upload it (5 MB or smaller, up to {IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows). You
              will see every row and any problems before anything is saved, and can choose from
              suggestions for any partner name that is not recognised.
            </li>
            <li>
              Import the valid rows. They become drafts led by your council: check them, then submit
              them all for review in one step, or one by one from your workspace.
            </li>
          </ol>

          <ImportForm />

          <ImportHelp />
        </>
      )}
    </div>
  );
}
