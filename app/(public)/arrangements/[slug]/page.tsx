import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { nowPartOf } from "@/lib/organisations/successors";
import { getPublishedArrangement } from "@/lib/public/arrangements";
import { getArrangementHistory } from "@/lib/public/history";
import { ArrangementArticle } from "./arrangement-article";

// Cached whole per arrangement, rendered on first request (the build has no database), and
// dropped when the register changes (lib/cache/public-cache.ts).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

// One read per request for the page and its metadata.
const load = cache((slug: string) => getPublishedArrangement(slug));

function firstSentences(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const arrangement = await load((await params).slug);
  if (!arrangement) return { title: "Arrangement not found" };
  return {
    title: arrangement.title,
    description: firstSentences(arrangement.description),
  };
}

export default async function ArrangementPage({ params }: Props) {
  const slug = (await params).slug;
  const [a, history] = await Promise.all([load(slug), getArrangementHistory(slug)]);
  if (!a) notFound();
  const successors = await nowPartOf(a.organisations.map((o) => o.code));

  return <ArrangementArticle arrangement={a} successors={successors} history={history} />;
}
