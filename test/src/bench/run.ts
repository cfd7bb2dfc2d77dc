// pnpm bench: every benchmark of the project in one run, figures side by side.
// Records the 1M-syscall storm trace once and hands it to each module.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTrace } from '@beetrace/format';
import { bin, fixture } from '../helpers.js';
import type { BenchContext, BenchModule, BenchRow } from './common.js';
import recordBench from './record.js';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-'));
  try {
    const storm = fixture('storm');
    const stormTrace = join(dir, 'storm.pb');
    const r = spawnSync(process.execPath, [bin.record, '-q', '-o', stormTrace, '--', storm, '1000000'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('recording the storm trace failed');
    let stormSyscalls = 0;
    for await (const rec of readTrace(stormTrace)) if (rec.kind === 'trailer') stormSyscalls = Number(rec.trailer.syscalls);
    const ctx: BenchContext = { dir, stormTrace, stormSyscalls, bin, storm };
    const rows: BenchRow[] = [];
    const only = process.argv.slice(2);
    const modules: [string, BenchModule | string][] = [
      ['record', recordBench as BenchModule], ['show', './show.js'], ['store', './store.js'], ['diff', './diff.js'],
      ['export', './export.js'], ['report', './report.js'], ['services', './services.js'],
    ];
    for (const [name, mod] of modules) {
      if (only.length && !only.includes(name)) continue;
      let fn: BenchModule;
      if (typeof mod === 'string') {
        const file = new URL(mod, import.meta.url);
        if (!existsSync(file)) continue;
        fn = (await import(pathToFileURL(file.pathname).href) as { default: BenchModule }).default;
      } else fn = mod;
      process.stderr.write(`bench: ${name}...\n`);
      rows.push(...await fn(ctx));
    }
    const w = Math.max(...rows.map((x) => x.what.length));
    console.log(`\n${'measured'.padEnd(w)}  result  [target]`);
    for (const row of rows) {
      const mark = row.ok === undefined ? '    ' : row.ok ? 'ok  ' : 'MISS';
      console.log(`${mark} ${row.what.padEnd(w)}  ${row.value}${row.target ? `  [${row.target}]` : ''}`);
      if (row.how) console.log(`     ${''.padEnd(w)}  (${row.how})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
