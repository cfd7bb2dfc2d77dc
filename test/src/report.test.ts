// bt-report end to end, in a real browser: Debian's chromium, headless, driven
// by playwright-core. Reports of real recorded runs are opened from disk and
// checked for what a person sees: no console errors, no network requests, the
// process rows and their programs, the per-syscall table's calls equal to
// bt-show -c's, a timeline that draws and answers the pointer, a screenshot that
// is not blank (kept in test/output/report/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bin, fixture, outputDir, run, showCounts, tempDir } from './helpers.js';

process.umask(0o022);

/** Debian's chromium (scripts/setup.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];

let browser: Browser;
before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

function record(dir: string, name: string, cmd: string[], status = 0): string {
  const trace = join(dir, `${name}.pb`);
  // A ring that holds the whole run (the storm's 200,000 calls are ~30 MB): with both CPUs busy the
  // consumer may not run for a while, and a lost record would change the counts this file checks.
  const ring = ['--buffer-size', '64M', '--fail-on-loss'];
  const r = spawnSync(process.execPath, [bin.record, '-q', ...ring, '-o', trace, '--', ...cmd], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  assert.equal(r.status, status, `bt-record: ${r.stderr}`);
  return trace;
}

interface Opened { page: Page; errors: string[]; requests: string[] }

/** Opens a report from disk, noting console errors, page errors and every request. */
async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

/** Distinct colours and the share of non-white pixels of a PNG, decoded by the browser itself. */
async function pngStats(page: Page, png: Buffer): Promise<{ colors: number; inked: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colors = new Set<number>();
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      colors.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) inked++;
    }
    return { colors: colors.size, inked: inked / (d.length / 4) };
  }, png.toString('base64'));
}

test('a report of a real run, in Chromium: facts, process rows and programs, the syscall table, a live timeline', async (t) => {
  const dir = tempDir(t);
  const out = outputDir('report');
  // A shell that runs programs (one fails to open a file), a threaded fixture and a refused TCP connection.
  copyFileSync(fixture('threads'), join(dir, 'threads'));
  chmodSync(join(dir, 'threads'), 0o755);
  const script = 'ls -l /usr/share > /dev/null; cat /etc/hostname /nonexistent-file; ./threads 3 5; '
    + 'bash -c "echo hi > /dev/tcp/127.0.0.1/9" 2>/dev/null; exit 0';
  const trace = record(dir, 'run', ['sh', '-c', script]);
  const html = join(dir, 'report.html');
  const r = run(bin.report, [trace, '-o', html]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(r.stderr.length, 0);
  assert.equal(statSync(html).mode & 0o777, 0o600, 'created 0600 with umask 022');

  const { page, errors, requests } = await open(html);
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(requests, [pathToFileURL(html).href], 'no request but the page itself');

  const counts = showCounts(trace);
  assert.equal(await page.locator('#command').textContent(), `sh -c '${script.replace(/'/g, `'\\''`)}'`);
  assert.equal(await page.locator('#fact-exit-status').textContent(), 'exited 0');
  assert.equal(await page.locator('#fact-syscalls').textContent(), counts.total.toLocaleString('en-US'));

  // Process rows: one per process bt-show saw, each with the program it ran last.
  const json = run(bin.show, ['--json', trace]).stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const pids = new Set(json.filter((o) => o.type === 'syscall').map((o) => o.pid as number));
  const program = new Map<number, string>();
  for (const o of json) if (o.type === 'exec') program.set(o.pid as number, String(o.filename).split('/').pop()!);
  const rows = await page.locator('#process-tree tr.proc').evaluateAll((trs) => trs.map((tr) => ({
    pid: Number(tr.getAttribute('data-pid')), program: tr.querySelector('.program')?.textContent ?? '',
  })));
  assert.deepEqual(new Set(rows.map((x) => x.pid)), pids);
  for (const row of rows) if (program.has(row.pid)) assert.equal(row.program, program.get(row.pid), `pid ${row.pid}`);
  assert.deepEqual([...new Set(rows.map((x) => x.program))].sort(), ['bash', 'cat', 'ls', 'sh', 'threads']);

  // One timeline lane per thread bt-show saw.
  const lanes = await page.locator('#bt-data').evaluate((e) => (JSON.parse(e.textContent!) as { lanes: { tid: number }[] }).lanes.map((l) => l.tid));
  assert.deepEqual(new Set(lanes), new Set(json.filter((o) => o.type === 'syscall').map((o) => o.tid as number)));
  assert.equal(lanes.length, new Set(lanes).size);

  // The per-syscall table counts what bt-show -c counts, row by row.
  const table = await page.locator('#syscall-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[5]!.textContent!, Number(tr.children[3]!.textContent)] as const));
  assert.deepEqual(new Map([...table].sort()), new Map([...counts.byName].sort()));
  assert.equal(Number(await page.locator('#syscall-table tfoot td').nth(3).textContent()), counts.total);

  // Files, network, failures.
  assert.ok((await page.locator('#files').textContent())!.includes('/etc/hostname'));
  assert.match((await page.locator('#network').textContent())!, /127\.0\.0\.1.*connect ×1/s);
  const failures = (await page.locator('#failures').textContent())!;
  assert.ok(failures.includes('ENOENT') && failures.includes('/nonexistent-file'));
  assert.ok(failures.includes('ECONNREFUSED'));
  assert.equal(await page.locator('#latency svg').count(), 6);

  // The timeline drew calls; the pointer over one shows its bt-show line.
  const spot = await page.locator('#tl-canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const ratio = c.width / c.getBoundingClientRect().width;
    for (let y = 30; y < c.height; y += 2) {
      for (let x = Math.round(200 * ratio); x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        // A class colour: saturated (not grey, not white).
        if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 60) return { x: x / ratio, y: y / ratio };
      }
    }
    return undefined;
  });
  assert.ok(spot, 'the timeline drew coloured calls');
  const box = (await page.locator('#tl-canvas').boundingBox())!;
  await page.mouse.move(box.x + spot.x + 0.5, box.y + spot.y);
  const tip = page.locator('#tip');
  assert.equal(await tip.isVisible(), true);
  assert.match((await tip.textContent())!, /^\w+\(.*\) = .*\n.* pid \d+ tid \d+/s);
  const before = await page.locator('#tl-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await page.mouse.wheel(0, -400);
  const zoomed = await page.locator('#tl-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  assert.notEqual(zoomed, before, 'the wheel zooms');
  await page.locator('#zoom-reset').click();
  await page.mouse.move(0, 0);

  const png = await page.screenshot({ path: join(out, 'report.png') });
  const stats = await pngStats(page, png);
  assert.ok(stats.colors >= 20 && stats.inked > 0.05, `a screenshot that is not blank: ${JSON.stringify(stats)}`);
  await page.screenshot({ path: join(out, 'report-full.png'), fullPage: true });
  assert.deepEqual(errors, [], 'no console errors after the interaction');
  await page.close();
});

test('a run too big to draw call by call: aggregated, said so, counts still exact', async (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'storm', [fixture('storm'), '200000']);
  const html = join(dir, 'storm.html');
  const r = run(bin.report, [trace, '-o', html]);
  assert.equal(r.status, 0, r.stderr.toString());
  const { page, errors, requests } = await open(html);
  assert.deepEqual(errors, []);
  assert.equal(requests.length, 1);
  const note = (await page.locator('#timeline-note').textContent())!;
  assert.match(note, /^This run has [\d,]+ calls: the timeline draws [\d,]+ of them one by one .* per \d/);
  const counts = showCounts(trace);
  assert.equal(Number(await page.locator('#syscall-table tfoot td').nth(3).textContent()), counts.total);
  assert.ok(counts.total > 200_000);
  const png = await page.screenshot({ path: join(outputDir('report'), 'storm.png') });
  const stats = await pngStats(page, png);
  assert.ok(stats.colors >= 10 && stats.inked > 0.03, JSON.stringify(stats));
  await page.close();
});

test('a cut-off trace: the report shows what was readable and says so; exit 1 with one line; --no-data; bad -o', async (t) => {
  const dir = tempDir(t);
  const secret = 'beetrace-secret-5d21e8';
  writeFileSync(join(dir, 'secret.txt'), `${secret}\n`);
  const trace = record(dir, 'sh', ['sh', '-c', `read line < secret.txt; echo "$line" > copy.txt; ${fixture('storm')} 30000`]);
  const whole = readFileSync(trace);
  const cut = join(dir, 'cut.pb');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
  const html = join(dir, 'cut.html');
  let r = run(bin.report, [cut, '-o', html]);
  assert.equal(r.status, 1);
  assert.match(r.stderr.toString(), /^bt-report: .*cut\.pb: .*\n$/);
  const { page, errors } = await open(html);
  assert.deepEqual(errors, []);
  assert.match((await page.locator('.warn').first().textContent())!, /cut short or is damaged/);
  await page.close();

  const withData = join(dir, 'with.html');
  const without = join(dir, 'without.html');
  assert.equal(run(bin.report, [trace, '-o', withData]).status, 0);
  assert.equal(run(bin.report, ['--no-data', trace, '-o', without]).status, 0);
  assert.ok(readFileSync(withData, 'utf8').includes(secret));
  const text = readFileSync(without, 'utf8');
  assert.ok(!text.includes(secret));
  assert.ok(text.includes('secret.txt') && text.includes('--no-data'));

  r = run(bin.report, [trace, '-o', '/nonexistent-dir/r.html']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.toString(), 'bt-report: cannot write /nonexistent-dir/r.html: no such directory\n');
  r = run(bin.report, ['--bogus', trace]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.toString(), "bt-report: unknown option '--bogus'\nFor help: bt-report --help\n");
});
