// bt-report's speed and size: a 100,000-syscall trace (the storm fixture) to a
// report (target: under 3 s, whole command), the 1M-syscall storm trace's report
// (target: under 20 MB), and how long each takes to open (load event) in
// headless Chromium (target: under 2 s).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fixture } from '../helpers.js';
import type { BenchModule, BenchRow } from './common.js';

const CHROMIUM = '/usr/bin/chromium';

const bench: BenchModule = async (ctx) => {
  const rows: BenchRow[] = [];
  const small = join(ctx.dir, 'storm-100k.pb');
  const rec = spawnSync(process.execPath, [ctx.bin.record, '-q', '-o', small, '--', fixture('storm'), '100000'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (rec.status !== 0) throw new Error('recording the 100k storm failed');
  const reports: { what: string; file: string }[] = [];
  for (const [what, trace, name] of [['100,000-syscall trace', small, 'r100k.html'], ['1M-syscall trace', ctx.stormTrace, 'r1m.html']] as const) {
    const out = join(ctx.dir, name);
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [ctx.bin.report, trace, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`bt-report failed: ${r.stderr}`);
    const mb = statSync(out).size / 1e6;
    if (trace === small) {
      rows.push({ what: `bt-report, ${what}`, value: `${s.toFixed(2)} s`, target: '< 3 s', ok: s < 3, how: `whole process; ${mb.toFixed(1)} MB page` });
    } else {
      rows.push({ what: `bt-report, ${what}: page size`, value: `${mb.toFixed(1)} MB`, target: '< 20 MB', ok: mb < 20, how: `made in ${s.toFixed(2)} s, whole process` });
    }
    reports.push({ what, file: out });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const { what, file } of reports) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const t = performance.now();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        times.push((performance.now() - t) / 1000);
        await page.close();
      }
      const s = Math.max(...times);
      rows.push({ what: `report of the ${what} opens in headless Chromium`, value: `${s.toFixed(2)} s`, target: '< 2 s', ok: s < 2, how: `load event, slowest of 3 (${times.map((x) => x.toFixed(2)).join(', ')} s)` });
    }
  } finally {
    await browser.close();
  }
  return rows;
};

export default bench;
