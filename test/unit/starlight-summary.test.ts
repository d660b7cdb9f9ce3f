// Figures of the Starlight comparison in `npm run bench`: medians, ratios and the targets.
import { describe, expect, it } from 'vitest';
import { buildStageTable, referenceTable, starlightChecks, summarize, type ToolFigures } from '../../scripts/bench/starlight-summary.ts';

const starlight: ToolFigures = {
  tool: 'starlight',
  cold: [{ ms: 14_000, peakMiB: 900, cpuMs: 20_000 }, { ms: 12_000, peakMiB: 1000, cpuMs: 18_000 }, { ms: 20_000, peakMiB: 950, cpuMs: 22_000 }],
  warm: [{ ms: 8000, peakMiB: 800 }, { ms: 7000, peakMiB: 700 }, { ms: 9000, peakMiB: 750 }],
};
const docgraph: ToolFigures = {
  tool: 'docgraph',
  cold: [{ ms: 10_000, peakMiB: 600, cpuMs: 12_000, stages: { load: 200, parse: 4000, site: 4000 } }],
  warm: [{ ms: 2500, peakMiB: 400, stages: { load: 100, parse: 500, site: 1500 } }],
};

describe('starlight summary', () => {
  it('takes medians of the times and the highest peak over cold and warm runs', () => {
    // CPU time only where every run has it: warm runs here have none.
    expect(summarize(starlight)).toEqual({ tool: 'starlight', runs: 3, coldMs: 14_000, warmMs: 8000, coldCpuMs: 20_000, peakMiB: 1000 });
    expect(summarize({ tool: 'docgraph', cold: [], warm: [], error: 'x' })).toBeUndefined();
  });

  it('checks the cold ratio, the warm rebuild and the peak against the targets', () => {
    const checks = starlightChecks(summarize(docgraph), summarize(starlight));
    expect(checks.map((c) => [c.figure.split(' ')[0], c.ok])).toEqual([
      ['0.71x', true],
      ['2.50', false],
      ['600', true],
    ]);
    expect(starlightChecks(summarize(docgraph), undefined)).toHaveLength(1);
  });

  it('prints ratios docgraph/Starlight and the stage times with the startup left over', () => {
    const d = summarize(docgraph)!;
    expect(referenceTable(d, summarize(starlight))).toMatch(/docgraph\/Starlight\s+0\.71x\s+0\.31x\s+0\.60x\s+-\s+0\.60x$/m);
    const stages = buildStageTable(d, docgraph)!;
    expect(stages.split('\n')[0]).toMatch(/load\s+parse\s+site\s+startup\s+total$/);
    expect(stages.split('\n')[2]).toMatch(/^cold\s+0\.20\s+4\.00\s+4\.00\s+1\.80\s+10\.00$/);
  });
});
