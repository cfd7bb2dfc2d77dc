// Store benchmarks: ingest rate, database size and peak memory for the 1M-syscall
// storm trace; query latency on a store of 10M syscalls (the storm trace stored
// ten times, each copy made distinct by its header's host name so the content
// hash differs: the 1M syscall rows of every copy are the real recording's).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHeader, pb, WireReader } from '@beetrace/format';
import { openStore, runQuery } from '@beetrace/store';
import type { BenchContext, BenchModule, BenchRow } from './common.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Ingests `files` in a fresh node process (the code bt-store add runs); its timings and peak RSS. */
function ingestChild(db: string, files: readonly string[]): { calls: number[]; seconds: number[]; cpu: number[]; maxRssKb: number } {
  const store = import.meta.resolve('@beetrace/store');
  const script = `
    import { openStore, ingestFile } from ${JSON.stringify(store)};
    const db = openStore(process.argv[1], { create: true });
    const out = { calls: [], seconds: [], cpu: [] };
    for (const f of process.argv.slice(2)) {
      const c0 = process.cpuUsage(); const t0 = performance.now();
      const r = await ingestFile(db, f);
      const cu = process.cpuUsage(c0);
      out.seconds.push((performance.now() - t0) / 1000); out.cpu.push((cu.user + cu.system) / 1e6); out.calls.push(r.syscalls);
    }
    db.close();
    out.maxRssKb = process.resourceUsage().maxRSS;
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, db, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { calls: number[]; seconds: number[]; cpu: number[]; maxRssKb: number };
}

/** A copy of the trace whose header names another host: same events, different content hash. */
function distinctCopy(trace: Buffer, out: string, i: number): void {
  const r = new WireReader(trace);
  const rec = pb.Record.decode(r.bytes());
  const header = { ...rec.header!, hostname: `${rec.header!.hostname ?? ''}-copy${i}` };
  writeFileSync(out, Buffer.concat([Buffer.from(encodeHeader(header)), trace.subarray(r.pos)]));
}

function timeQuery(dbPath: string, sql: string, params: readonly string[] = []): { first: number; best: number; rows: number } {
  let first = 0;
  let best = Infinity;
  let rows = 0;
  for (let k = 0; k < 3; k++) {
    const db = openStore(dbPath, { readonly: true });
    const text = params.reduce((s, p) => s.replace('?', `'${p.replace(/'/g, "''")}'`), sql);
    const t0 = performance.now();
    const r = runQuery(db, text, { write: false });
    rows = 0;
    for (const _ of r.rows) rows++;
    const ms = performance.now() - t0;
    db.close();
    if (k === 0) first = ms;
    best = Math.min(best, ms);
  }
  return { first, best, rows };
}

const bench: BenchModule = async (ctx: BenchContext): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  const n = ctx.stormSyscalls;

  // 1. Ingest of the storm trace into a fresh file database, three times.
  const runs: { rate: number; cpuRate: number; bytes: number; rss: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const db = join(ctx.dir, `ingest-${k}.db`);
    const r = ingestChild(db, [ctx.stormTrace]);
    runs.push({ rate: r.calls[0]! / r.seconds[0]!, cpuRate: r.calls[0]! / r.cpu[0]!, bytes: statSync(db).size / r.calls[0]!, rss: r.maxRssKb / 1024 });
    rmSync(db, { force: true });
  }
  runs.sort((a, b) => a.rate - b.rate);
  const med = runs[1]!;
  rows.push({
    what: `bt-store add, ${fmt(n)}-syscall storm trace into a file db`, value: `${fmt(med.rate)} syscalls/s`, target: '>= 400,000 syscalls/s',
    ok: med.rate >= 400_000, how: `median of 3 fresh databases (${runs.map((r) => fmt(r.rate)).join(', ')}; per CPU-second ${runs.map((r) => fmt(r.cpuRate)).join(', ')}), hashing and one transaction included; CPU counts both threads (SQLite and fd tracking on the ingesting thread, reading and decoding on its worker)`,
  });
  rows.push({ what: 'store size per syscall', value: `${med.bytes.toFixed(1)} bytes`, target: '', how: 'database file after the ingest (WAL checkpointed), all indexes included' });
  rows.push({ what: 'bt-store add peak RSS', value: `${Math.round(Math.max(...runs.map((r) => r.rss)))} MiB`, target: '', how: 'maxRSS of the ingesting process, both threads (64 MiB SQLite page cache, reading worker at most 8 batches ahead)' });

  // 2. A store of 10 copies: 10M syscalls.
  const trace = readFileSync(ctx.stormTrace);
  const copies: string[] = [];
  for (let i = 0; i < 10; i++) {
    const p = join(ctx.dir, `copy-${i}.pb`);
    distinctCopy(trace, p, i);
    copies.push(p);
  }
  const big = join(ctx.dir, 'big.db');
  const r10 = ingestChild(big, copies);
  for (const p of copies) rmSync(p, { force: true });
  const total = r10.calls.reduce((a, b) => a + b, 0);
  rows.push({
    what: `10th ingest into a store already holding ${fmt(total - r10.calls[9]!)} syscalls`, value: `${fmt(r10.calls[9]! / r10.seconds[9]!)} syscalls/s`, target: '',
    how: `10 distinct copies of the storm trace (header host name changed), ${fmt(total)} syscalls, ${(statSync(big).size / 2 ** 20).toFixed(0)} MiB`,
  });
  const q = (what: string, sql: string, params: readonly string[] = [], target = ''): void => {
    const t = timeQuery(big, sql, params);
    rows.push({ what, value: `${t.best.toFixed(1)} ms (first ${t.first.toFixed(1)} ms, ${fmt(t.rows)} rows)`, target, ...(target ? { ok: t.best < 1000 } : {}), how: sql.replace(/\s+/g, ' ') });
  };
  q('summary of every trace, 10M-syscall store', 'SELECT * FROM summary ORDER BY trace_id, total_ns DESC', [], '< 1 s');
  const ro = openStore(big, { readonly: true });
  const libc = (ro.prepare("SELECT path FROM paths WHERE path LIKE '%libc.so%' LIMIT 1").pluck().get() as string | undefined) ?? '/etc/ld.so.cache';
  ro.close();
  q('file_access lookup by path, 10M-syscall store', 'SELECT * FROM file_access WHERE path = ?', [libc], '< 1 s');
  q('file_access count of the storm\'s /dev/zero (10M rows)', "SELECT count(*), sum(ret) FROM file_access WHERE path = '/dev/zero'");
  q('per-name filter, 10M-syscall store', "SELECT * FROM syscalls WHERE name = 'openat'", [], '< 1 s');
  q('per-process filter in one trace, 10M-syscall store', "SELECT name, count(*) FROM syscalls WHERE trace_id = 5 AND pid = (SELECT root_pid FROM traces WHERE id = 5) GROUP BY 1");
  q('failures of one trace, 10M-syscall store', 'SELECT * FROM failures WHERE trace_id = 7', [], '< 1 s');
  rmSync(big, { force: true });
  return rows;
};

export default bench;
