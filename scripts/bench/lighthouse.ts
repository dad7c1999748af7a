// Lighthouse 12.2.3 on the main public pages, in Debian's Chromium (or CHROME_PATH).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, chromiumPath } from "../lib/chromium";
// The same settings as `lighthouse --preset=desktop` (desktop screen and throttling).
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export type LighthouseScores = {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
};

const FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

export async function runLighthouse(
  base: string,
  pages: { page: string; path: string }[],
): Promise<LighthouseScores[]> {
  const chromePath = process.env.CHROME_PATH ?? chromiumPath();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS });
  const scores: LighthouseScores[] = [];
  try {
    for (const { page, path } of pages) {
      // Once to fill the page cache, then three measured runs: the median of each score.
      await fetch(`${base}${path}`);
      const runs: Omit<LighthouseScores, "page">[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await lighthouse(
          `${base}${path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
          },
          desktopConfig,
        );
        const categories = result?.lhr.categories;
        const score = (key: string) => Math.round((categories?.[key]?.score ?? 0) * 100);
        runs.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
        });
      }
      const median = (key: keyof Omit<LighthouseScores, "page">) =>
        runs.map((r) => r[key]).sort((a, b) => a - b)[1]!;
      scores.push({
        page,
        performance: median("performance"),
        accessibility: median("accessibility"),
        bestPractices: median("bestPractices"),
      });
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}
