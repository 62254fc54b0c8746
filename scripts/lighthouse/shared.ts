/** What the runner (run.ts) and the report (report.ts) of scripts/lighthouse.ts share. */
import type { Result } from 'lighthouse';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const TARGETS: Partial<Record<Category, number>> = { performance: 90, accessibility: 95 };
export const PROCEDURE_CODE = '1.001193'; // Đăng ký khai sinh

export interface Page {
  name: string;
  /** File-name stem for --save. */
  slug: string;
  path: string;
}

/** A layout shift of the main frame: when, how much, and which boxes moved (CSS px). */
export interface Shift {
  ms: number;
  score: number;
  moves: { from: number[]; to: number[] }[];
}

export interface PageResult {
  page: Page;
  /** The median run (by performance score). */
  lhr: Result;
  /** Performance score (0–100) of every run, in run order. */
  perfRuns: number[];
  /** The median run's layout shifts, read from its trace. */
  shifts: Shift[];
  /** Runs Lighthouse could not complete and that were repeated (their error codes). */
  retried: string[];
}

export const score100 = (lhr: Result, c: Category): number | null => {
  const s = lhr.categories[c]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};

export function metric(lhr: Result, id: string): string {
  const a = lhr.audits[id];
  if (!a || a.numericValue === undefined) return 'n/a';
  if (id === 'cumulative-layout-shift') return a.numericValue.toFixed(3);
  if (a.numericUnit === 'millisecond' && id !== 'total-blocking-time') return `${(a.numericValue / 1000).toFixed(1)} s`;
  return `${Math.round(a.numericValue)} ms`;
}
