// The report's parts on a real recorded trace (fixtures/traces/echo.pb) and on
// exact values. The page itself is tested in a real browser (test/src/report.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ProcessModel } from '../decode/model.js';
import type { ProcessInfo } from '../export/timeline.js';
import { bytes, duration, shellJoin, treeOrder } from './html.js';
import { buildReport } from './report.js';

const trace = readFileSync(new URL('../../../../fixtures/traces/echo.pb', import.meta.url));

test('a report of a real trace: self-contained, its data embedded, the facts right', async () => {
  const { html, result } = await buildReport(trace, { name: 'echo.pb' });
  assert.equal(result.complete, true);
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'nothing to fetch');
  assert.ok(html.includes('<h1 id="command">/bin/echo beetrace</h1>'));
  assert.ok(html.includes('<dd id="fact-exit-status">exited 0</dd>'));
  const data = JSON.parse(/<script type="application\/json" id="bt-data">(.*?)<\/script>/s.exec(html)![1]!) as { calls: number; lanes: { label: string; b: number[] }[]; lines: string[] };
  assert.equal(data.calls, result.syscalls);
  assert.equal(data.lanes.length, 1);
  assert.match(data.lanes[0]!.label, /^echo \d+$/);
  assert.equal(data.lanes[0]!.b.length, result.syscalls, 'a small run: every call drawn');
  assert.ok(data.lines.includes('write(1, "beetrace\\n", 9) = 9'));
  assert.ok(html.includes('<code>fd 1 (opened before the recording)</code></td><td class="n"></td><td class="n">9 B</td>'), 'bytes written to stdout');
});

test('the process tree puts children under their parent (the model\'s parent: a reused pid is another process)', () => {
  const p = (pid: number, parent: ProcessInfo | undefined, startNs: number): ProcessInfo => ({
    uuid: pid * 100 + startNs, model: {} as ProcessModel, pid, parent, program: String(pid), programs: [String(pid)], startNs, endNs: undefined,
    exit: undefined, threads: 1, calls: 0, failed: 0,
  });
  const root = p(1, undefined, 0);
  const a = p(2, root, 1);
  const b = p(3, a, 2);
  const c = p(4, root, 3);
  const again = p(2, root, 9); // pid 2 reused
  const d = p(5, again, 10); // child of the second pid 2
  assert.deepEqual(treeOrder([root, a, b, c, again, d]).map((x) => [x.p.uuid, x.depth]), [
    [root.uuid, 0], [a.uuid, 1], [b.uuid, 2], [c.uuid, 1], [again.uuid, 1], [d.uuid, 2],
  ]);
});

test('numbers as people read them', () => {
  assert.equal(duration(950), '950 ns');
  assert.equal(duration(1500), '1.5 µs');
  assert.equal(duration(2_500_000), '2.5 ms');
  assert.equal(duration(1_234_567_890), '1.235 s');
  assert.equal(bytes(512), '512 B');
  assert.equal(bytes(1536), '1.5 KiB');
  assert.equal(shellJoin(['sh', '-c', "echo 'hi' > x"]), `sh -c 'echo '\\''hi'\\'' > x'`);
});
