// Lighthouse 12.2.3 on the main public pages, in Debian's Chromium (or CHROME_PATH).
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseScores = {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
};

const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function runLighthouse(
  base: string,
  pages: { page: string; path: string }[],
): Promise<LighthouseScores[]> {
  const chromePath =
    process.env.CHROME_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS });
  const scores: LighthouseScores[] = [];
  try {
    for (const { page, path } of pages) {
      // Once to fill the page cache, then the measured run.
      await fetch(`${base}${path}`);
      const result = await lighthouse(
        `${base}${path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
        },
        {
          extends: "lighthouse:default",
          settings: {
            formFactor: "desktop",
            screenEmulation: { disabled: true },
            throttlingMethod: "simulate",
          },
        },
      );
      const categories = result?.lhr.categories;
      const score = (key: string) => Math.round((categories?.[key]?.score ?? 0) * 100);
      scores.push({
        page,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
      });
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}
