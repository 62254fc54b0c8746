import type { Reporter, TestModule } from 'vitest/node';

/**
 * Lists every skipped test at the end of a run with the reason it gave (`ctx.skip('why')`), so a
 * test that did not run never passes unnoticed.
 */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const lines: string[] = [];
    for (const m of modules) {
      for (const test of m.children.allTests('skipped')) {
        const result = test.result();
        const note = (result.state === 'skipped' && result.note) || 'no reason given: skip with ctx.skip("why")';
        lines.push(`  ↓ ${m.relativeModuleId} › ${test.fullName}: ${note}`);
      }
    }
    if (lines.length) process.stdout.write(`\nSkipped (${lines.length}):\n${lines.join('\n')}\n`);
  }
}
