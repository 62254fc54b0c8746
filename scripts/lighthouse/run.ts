/** Lighthouse runs of one page (median of `runs`, with retries) and the layout shifts of a run's trace. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lighthouse, { generateReport, type Flags, type Result } from 'lighthouse';
import { CATEGORIES, metric, score100, type Page, type PageResult, type Shift } from './shared.ts';

/** Attempts per Lighthouse run before the script gives up. */
const MAX_ATTEMPTS = 3;

/**
 * The layout shifts in a run's trace. Lighthouse's own "layout-shifts" audit (which names the
 * elements) needs its trace engine, which fails on newer Chromium builds; the raw LayoutShift
 * events still give the size and the moved boxes.
 */
function layoutShifts(traceEvents: readonly { name: string; ts: number; args: unknown }[], url: string): Shift[] {
  type NavData = { data?: { documentLoaderURL?: string } };
  type ShiftData = {
    data?: { is_main_frame?: boolean; score?: number; weighted_score_delta?: number; impacted_nodes?: { old_rect?: number[]; new_rect?: number[] }[] };
  };
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && (e.args as NavData).data?.documentLoaderURL === url);
  const t0 = nav?.ts ?? traceEvents[0]?.ts ?? 0;
  return traceEvents
    .filter((e) => e.name === 'LayoutShift' && (e.args as ShiftData).data?.is_main_frame !== false)
    .map((e) => {
      const d = (e.args as ShiftData).data ?? {};
      return {
        ms: Math.round((e.ts - t0) / 1000),
        score: d.weighted_score_delta ?? d.score ?? 0,
        moves: (d.impacted_nodes ?? []).map((n) => ({ from: n.old_rect ?? [], to: n.new_rect ?? [] })),
      };
    })
    .filter((x) => x.score > 0);
}

/** Runs Lighthouse `runs` times on `page` (Chromium on debugging `port`) and keeps the median run by performance score. */
export async function runPage(baseUrl: string, page: Page, port: number, runs: number, saveDir: string | null): Promise<PageResult> {
  const url = `${baseUrl}${page.path}`;
  const results: Result[] = [];
  const shiftsByRun = new Map<Result, Shift[]>();
  const retried: string[] = [];
  for (let i = 1; i <= runs; i++) {
    // A run that Lighthouse itself could not complete (runtimeError, e.g. a trace it could not
    // record on a busy machine) is retried; only repeated failures are a failure of the script.
    let lhr: Result | undefined;
    for (let attempt = 1; !lhr; attempt++) {
      // No config: Lighthouse's default, i.e. mobile form factor with simulated throttling.
      const flags: Flags = { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] };
      const rr = await lighthouse(url, flags);
      if (!rr) throw new Error(`Lighthouse returned no result for ${url}`);
      const problem = rr.lhr.runtimeError
        ? `${rr.lhr.runtimeError.code} ${rr.lhr.runtimeError.message}`
        : CATEGORIES.some((c) => score100(rr.lhr, c) === null)
          ? `no score for ${CATEGORIES.filter((c) => score100(rr.lhr, c) === null).join(', ')} (${rr.lhr.runWarnings.join(' | ')})`
          : null;
      if (!problem) {
        lhr = rr.lhr;
        shiftsByRun.set(lhr, layoutShifts(rr.artifacts.Trace?.traceEvents ?? [], url));
      } else if (attempt < MAX_ATTEMPTS) {
        retried.push(rr.lhr.runtimeError?.code ?? 'NO_SCORE');
        console.warn(`  ${page.name} run ${i}: Lighthouse could not measure ${url} (${problem}); retrying`);
      } else {
        throw new Error(`Lighthouse could not measure ${url} in ${MAX_ATTEMPTS} attempts: ${problem}`);
      }
    }
    results.push(lhr);
    if (saveDir) await writeFile(join(saveDir, `${page.slug}-run${i}.json`), JSON.stringify(lhr));
    console.log(
      `  ${page.name} run ${i}/${runs}: ${CATEGORIES.map((c) => `${c} ${score100(lhr!, c)}`).join(', ')}` +
        ` (LCP ${metric(lhr, 'largest-contentful-paint')}, TBT ${metric(lhr, 'total-blocking-time')}, CLS ${metric(lhr, 'cumulative-layout-shift')})`,
    );
  }
  const sorted = [...results].sort((a, b) => (score100(a, 'performance') ?? 0) - (score100(b, 'performance') ?? 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (saveDir) await writeFile(join(saveDir, `${page.slug}-median.html`), generateReport(median, 'html'));
  return { page, lhr: median, perfRuns: results.map((r) => score100(r, 'performance') ?? 0), shifts: shiftsByRun.get(median) ?? [], retried };
}
