import type { Metadata } from "next";
import Link from "next/link";

// Written out whole: this file sits in the root layout's own segment, which its title template
// may not reach (it applies to child segments).
export const metadata: Metadata = {
  title: { absolute: "Page not found – Council Shared Services Map" },
};

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">If you typed the web address, check it is correct.</p>
      <p className="mt-2">If you pasted the web address, check you copied the entire address.</p>
      <p className="mt-2">
        You can <Link href="/arrangements">search the register</Link> or go to the{" "}
        <Link href="/">national picture</Link>.
      </p>
    </div>
  );
}
