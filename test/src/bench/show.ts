// bt-show's speed on the 1M-syscall storm trace: lines per second to /dev/null,
// and the time of the -c summary.
import { spawnSync } from 'node:child_process';
import type { BenchModule, BenchRow } from './common.js';

const bench: BenchModule = async (ctx) => {
  const rows: BenchRow[] = [];
  let t = process.hrtime.bigint();
  let r = spawnSync(process.execPath, [ctx.bin.show, '-f', '-o', '/dev/null', ctx.stormTrace], { stdio: ['ignore', 'ignore', 'pipe'] });
  let s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`bt-show failed: ${r.stderr}`);
  const rate = ctx.stormSyscalls / s;
  rows.push({
    what: 'bt-show, 1M-syscall trace to /dev/null',
    value: `${Math.round(rate).toLocaleString('en-US')} lines/s`,
    target: '>= 500,000 lines/s',
    ok: rate >= 500_000,
    how: `${ctx.stormSyscalls} syscalls in ${s.toFixed(2)} s, whole process (start-up included)`,
  });
  t = process.hrtime.bigint();
  r = spawnSync(process.execPath, [ctx.bin.show, '-c', '-o', '/dev/null', ctx.stormTrace], { stdio: ['ignore', 'ignore', 'pipe'] });
  s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`bt-show -c failed: ${r.stderr}`);
  rows.push({ what: 'bt-show -c on the 1M-syscall trace', value: `${s.toFixed(2)} s`, target: '< 2 s', ok: s < 2, how: 'whole process' });
  return rows;
};

export default bench;
