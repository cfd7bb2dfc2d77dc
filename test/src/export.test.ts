// bt-export end to end: real recordings of real programs exported to Perfetto's
// protobuf format (decoded back with our message definitions and checked for
// the structure Perfetto needs) and to Chrome JSON, compared call for call with
// bt-show; bad input, unwritable outputs, usage errors, --no-data, file modes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { perfetto } from '@beetrace/analyze';
import { bin, fixture, run, showCounts, tempDir } from './helpers.js';

process.umask(0o022);

function record(dir: string, name: string, cmd: string[], status = 0): string {
  const trace = join(dir, `${name}.pb`);
  const r = spawnSync(process.execPath, [bin.record, '-q', '-o', trace, '--', ...cmd], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  assert.equal(r.status, status, `bt-record: ${r.stderr}`);
  return trace;
}

interface Track { uuid: number; parent?: number; pid?: number; tid?: number; name?: string; process: boolean }
interface SliceSeen { track: number; name: string; begin: number; end: number; ann: Map<string, string | boolean>; flowIds: number[]; terminating: number[] }
interface InstantSeen { track: number; name: string; ts: number; ann: Map<string, string | boolean>; terminating: number[] }

/**
 * Decodes a Perfetto file with our definitions and checks what Perfetto needs:
 * interned names defined before use on the one sequence, every event on a
 * described track, every thread track under a process track, timestamps never
 * going back on a track, every slice ending on the track where it began.
 */
function decodePerfetto(file: string): { tracks: Map<number, Track>; slices: SliceSeen[]; instants: InstantSeen[] } {
  const trace = perfetto.Trace.decode(readFileSync(file));
  const tracks = new Map<number, Track>();
  const names = new Map<number, string>();
  const keys = new Map<number, string>();
  const cats = new Map<number, string>();
  const open = new Map<number, { name: string; begin: number; ann: Map<string, string | boolean>; flowIds: number[]; terminating: number[] }[]>();
  const lastTs = new Map<number, number>();
  const slices: SliceSeen[] = [];
  const instants: InstantSeen[] = [];
  let first = true;
  for (const p of trace.packet) {
    assert.equal(p.trustedPacketSequenceId, 1, 'one packet sequence');
    if (first) {
      assert.equal((p.sequenceFlags ?? 0) & 1, 1, 'the first packet clears the incremental state');
      first = false;
    }
    for (const e of p.internedData?.eventNames ?? []) names.set(Number(e.iid), e.name!);
    for (const e of p.internedData?.debugAnnotationNames ?? []) keys.set(Number(e.iid), e.name!);
    for (const e of p.internedData?.eventCategories ?? []) cats.set(Number(e.iid), e.name!);
    if (p.trackDescriptor) {
      const d = p.trackDescriptor;
      const t: Track = { uuid: Number(d.uuid), process: !!d.process };
      if (d.parentUuid != null) t.parent = Number(d.parentUuid);
      if (d.process) { t.pid = d.process.pid!; t.name = d.process.processName!; }
      if (d.thread) { t.pid = d.thread.pid!; t.tid = d.thread.tid!; t.name = d.thread.threadName!; }
      tracks.set(t.uuid, t);
      continue;
    }
    const e = p.trackEvent;
    if (!e) continue;
    const track = Number(e.trackUuid);
    assert.ok(tracks.has(track), `event on track ${track} before its descriptor`);
    const ts = Number(p.timestamp);
    assert.ok(ts >= (lastTs.get(track) ?? 0), `timestamp goes back on track ${track}: ${ts} < ${lastTs.get(track)}`);
    lastTs.set(track, ts);
    const ann = new Map<string, string | boolean>();
    for (const a of e.debugAnnotations ?? []) {
      const k = keys.get(Number(a.nameIid));
      assert.ok(k !== undefined, `annotation name iid ${a.nameIid} used before it was interned`);
      ann.set(k, a.stringValue ?? a.boolValue ?? '');
    }
    const name = e.nameIid != null ? names.get(Number(e.nameIid)) : undefined;
    for (const c of e.categoryIids ?? []) assert.ok(cats.has(Number(c)), `category iid ${c} used before it was interned`);
    const flowIds = (e.flowIds ?? []).map(Number);
    const terminating = (e.terminatingFlowIds ?? []).map(Number);
    if (e.type === perfetto.TrackEvent.Type.TYPE_SLICE_BEGIN) {
      assert.ok(name, 'a slice has a name');
      const stack = open.get(track) ?? [];
      stack.push({ name, begin: ts, ann, flowIds, terminating });
      open.set(track, stack);
    } else if (e.type === perfetto.TrackEvent.Type.TYPE_SLICE_END) {
      const s = open.get(track)?.pop();
      assert.ok(s, `a slice ends on track ${track} where none began`);
      slices.push({ track, name: s.name, begin: s.begin, end: ts, ann: s.ann, flowIds: s.flowIds, terminating: s.terminating });
    } else if (e.type === perfetto.TrackEvent.Type.TYPE_INSTANT) {
      assert.ok(name, 'an instant has a name');
      instants.push({ track, name, ts, ann, terminating });
    } else assert.fail(`unexpected event type ${e.type}`);
  }
  for (const [track, stack] of open) assert.equal(stack.length, 0, `slices left open on track ${track}`);
  for (const t of tracks.values()) {
    if (t.process) continue;
    assert.ok(t.parent !== undefined && tracks.get(t.parent)?.process, `thread track ${t.uuid} (tid ${t.tid}) has no process track as parent`);
    assert.equal(tracks.get(t.parent!)!.pid, t.pid, 'a thread track is under its own process');
  }
  return { tracks, slices, instants };
}

test('perfetto: a forking, threaded, exec-ing run decodes against the definitions, one slice per call on the right track', (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'run', ['sh', '-c', `${fixture('forktree')} 3 2; ls / > /dev/null; cat /nonexistent-file; true`]);
  const out = join(dir, 'run.pftrace');
  const r = run(bin.export, ['--format', 'perfetto', trace, '-o', out]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(r.stderr.length, 0);
  assert.equal(statSync(out).mode & 0o777, 0o600, 'created 0600 with umask 022');
  const { tracks, slices, instants } = decodePerfetto(out);
  const counts = showCounts(trace);
  assert.equal(slices.length, counts.total, 'one slice per call bt-show -c counts');
  const byName = new Map<string, number>();
  for (const s of slices) byName.set(s.name, (byName.get(s.name) ?? 0) + 1);
  assert.deepEqual(new Map([...byName].sort()), new Map([...counts.byName].sort()));

  // Tracks named by program and tid: the same threads bt-show shows.
  const json = run(bin.show, ['--json', trace]).stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const tids = new Set(json.filter((o) => o.type === 'syscall').map((o) => o.tid as number));
  const threadTracks = [...tracks.values()].filter((x) => !x.process);
  assert.deepEqual(new Set(threadTracks.map((x) => x.tid)), tids);
  const programOf = (tid: number): string | undefined => threadTracks.filter((x) => x.tid === tid).pop()?.name;
  const forkPids = new Set(json.filter((o) => o.type === 'exec' && String(o.filename).endsWith('/forktree')).map((o) => o.pid as number));
  assert.equal(forkPids.size, 1);
  for (const o of json) if (o.type === 'syscall' && forkPids.has(o.pid as number)) assert.equal(programOf(o.tid as number), 'forktree');
  assert.ok(json.some((o) => o.type === 'exec' && programOf(o.tid as number) === 'ls'));

  // Arguments, return value and errno as annotations, named after the table's arguments.
  const failed = slices.find((s) => s.name === 'openat' && s.ann.get('filename') === '"/nonexistent-file"');
  assert.ok(failed, 'the failed openat of cat');
  assert.equal(failed.ann.get('errno'), 'ENOENT');
  assert.match(String(failed.ann.get('ret')), /^-1 ENOENT/);
  const read = slices.find((s) => s.name === 'read' && String(s.ann.get('fd')).includes('</'));
  assert.ok(read, 'a read with its fd path (-y)');

  // Flows: every fork/clone to the child's first event, every execve to the new program.
  const forks = json.filter((o) => o.type === 'fork').length;
  const execs = json.filter((o) => o.type === 'exec').length;
  const starts = new Map<number, SliceSeen>();
  for (const s of slices) for (const id of s.flowIds) starts.set(id, s);
  const ends = new Map<number, number>();
  for (const s of slices) for (const id of s.terminating) ends.set(id, s.begin);
  for (const i of instants) for (const id of i.terminating) ends.set(id, i.ts);
  assert.equal(starts.size, forks + execs, 'a flow from each fork and exec');
  for (const [id, s] of starts) {
    assert.ok(ends.has(id), `flow ${id} from ${s.name} has an end`);
    assert.ok(ends.get(id)! >= s.begin, 'a flow goes forward in time');
    assert.match(s.name, /^(clone|clone3|fork|vfork|execve)$/);
  }
  // Instants: an exit for every thread, named as bt-show's +++ line says.
  const exits = instants.filter((i) => /^(exited|killed)/.test(i.name));
  assert.equal(exits.length, json.filter((o) => o.type === 'exited' || o.type === 'killed').length);
  assert.ok(instants.some((i) => i.name === 'SIGCHLD' && String(i.ann.get('line')).startsWith('--- SIGCHLD')));
});

test('perfetto: a call that never returned ends with its thread, marked unfinished', (t) => {
  const dir = tempDir(t);
  // exit_group never returns: its thread ends inside it.
  const trace = record(dir, 'killed', [fixture('killself')], 137);
  const out = join(dir, 'k.pftrace');
  assert.equal(run(bin.export, [trace, '-o', out]).status, 0);
  const { tracks, slices, instants } = decodePerfetto(out);
  const killed = instants.find((i) => i.name === 'killed by SIGKILL');
  assert.ok(killed, 'the thread\'s end');
  assert.equal(tracks.get(killed.track)!.name, 'killself');
  const last = slices.filter((s) => s.track === killed.track).pop()!;
  assert.equal(last.name, 'kill');
  assert.ok(last.end <= killed.ts);

  const trace2 = record(dir, 'sh', ['sh', '-c', `${fixture('threads')} 2 1`]);
  const out2 = join(dir, 't.pftrace');
  assert.equal(run(bin.export, [trace2, '-o', out2]).status, 0);
  const d = decodePerfetto(out2);
  const exits = d.slices.filter((s) => s.name === 'exit_group' || s.name === 'exit');
  assert.ok(exits.length >= 2);
  for (const s of exits) {
    assert.equal(s.ann.get('unfinished'), true, `${s.name} is marked unfinished`);
    assert.equal(s.ann.get('ret'), '?');
    const end = d.instants.find((i) => i.track === s.track && /^(exited|killed)/.test(i.name));
    assert.ok(end, 'its thread ended');
    assert.equal(s.end, end.ts, 'closed at the thread\'s end');
  }
});

test('perfetto: a call still in progress when the recording stopped ends with the recording, marked unfinished', (t) => {
  const dir = tempDir(t);
  // The recording stops when sh exits; its background sleep is then inside clock_nanosleep (sh waits until it is).
  const wchan = 'cat /proc/$!/wchan 2>/dev/null';
  const trace = record(dir, 'bg', ['sh', '-c', `sleep 30 & while [ "$(${wchan})" != hrtimer_nanosleep ] && [ "$(${wchan})" != do_nanosleep ]; do :; done`]);
  const out = join(dir, 'bg.pftrace');
  assert.equal(run(bin.export, [trace, '-o', out]).status, 0);
  const { tracks, slices, instants } = decodePerfetto(out);
  const sleep = slices.find((s) => s.name === 'clock_nanosleep' && s.ann.get('unfinished') === true);
  assert.ok(sleep, 'the sleep that outlived the recording');
  const pid = tracks.get(sleep.track)!.pid!;
  t.after(() => { try { process.kill(pid); } catch { /* gone */ } });
  assert.equal(tracks.get(sleep.track)!.name, 'sleep');
  assert.ok(!instants.some((i) => i.track === sleep.track && /^(exited|killed)/.test(i.name)), 'its thread did not end');
  const last = Math.max(...slices.map((s) => s.end), ...instants.map((i) => i.ts));
  assert.equal(sleep.end, last, 'it ends with the recording');
  assert.ok(sleep.end > sleep.begin);
});

test('chrome-json: the same content as complete events, metadata, instants and flows', (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'run', ['sh', '-c', `${fixture('threads')} 3 2; cat /nonexistent-file; true`]);
  const out = join(dir, 'run.json');
  const r = run(bin.export, [trace, '-o', out]); // the .json suffix picks the format
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(statSync(out).mode & 0o777, 0o600);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: Record<string, unknown>[]; displayTimeUnit: string };
  const ev = doc.traceEvents;
  const x = ev.filter((e) => e.ph === 'X');
  const counts = showCounts(trace);
  assert.equal(x.length, counts.total);
  for (const e of x) {
    assert.equal(typeof e.ts, 'number');
    assert.ok((e.dur as number) >= 0);
    assert.ok(typeof e.pid === 'number' && typeof e.tid === 'number');
  }
  const threadNames = ev.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const tids = new Set(x.map((e) => e.tid));
  for (const tid of tids) assert.ok(threadNames.some((m) => m.tid === tid), `thread ${tid} is named`);
  assert.ok(threadNames.some((m) => (m.args as { name: string }).name === 'threads'));
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'process_name' && (e.args as { name: string }).name === 'cat'));
  const failed = x.find((e) => e.name === 'openat' && (e.args as Record<string, string>).errno === 'ENOENT');
  assert.ok(failed);
  const s = ev.filter((e) => e.ph === 's');
  const f = ev.filter((e) => e.ph === 'f');
  assert.ok(s.length >= 4, 'flows for the 3 threads and the forks');
  for (const start of s) assert.ok(f.some((end) => end.id === start.id && (end.ts as number) >= (start.ts as number)), `flow ${start.id} ends`);
  assert.ok(ev.some((e) => e.ph === 'i' && String(e.name).startsWith('exited')));
});

test('a cut-off trace exports what was readable and says where it stopped; bad -o and usage errors', (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'storm', [fixture('storm'), '30000']);
  const whole = readFileSync(trace);
  const cut = join(dir, 'cut.pb');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const out = join(dir, 'cut.pftrace');
  let r = run(bin.export, ['--format', 'perfetto', cut, '-o', out]);
  assert.equal(r.status, 1);
  const err = r.stderr.toString();
  assert.match(err, /^bt-export: .*cut\.pb: (stopped at byte \d+|.*\(\d+ bytes read\))/);
  assert.equal(err.trim().split('\n').length, 1, 'one line');
  const { slices } = decodePerfetto(out);
  assert.ok(slices.length > 0 && slices.length < showCounts(trace).total, 'the readable part was exported, closed properly');
  r = run(bin.export, ['--format', 'chrome-json', cut, '-o', join(dir, 'cut.json')]);
  assert.equal(r.status, 1);
  assert.ok(JSON.parse(readFileSync(join(dir, 'cut.json'), 'utf8')).traceEvents.length > 0);

  r = run(bin.export, [trace, '-o', '/nonexistent-dir/x.pftrace']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.toString(), 'bt-export: cannot write /nonexistent-dir/x.pftrace: no such directory\n');
  r = run(bin.export, ['--format', 'svg', trace, '-o', out]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.toString(), "bt-export: unknown format 'svg' (valid: perfetto, chrome-json)\nFor help: bt-export --help\n");
  r = run(bin.export, ['-o', out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /^bt-export: no trace file given\nFor help: bt-export --help\n$/);
  r = run(bin.export, ['-s', 'x', trace]);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /'x' is not a number/);
  r = run(bin.export, [join(dir, 'missing.pb'), '-o', out]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.toString(), `bt-export: ${join(dir, 'missing.pb')}: no such file\n`);
  r = run(bin.export, ['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout.toString(), /EXAMPLES/);
  // A trace on stdin, the export on stdout.
  r = run(bin.export, ['--format', 'chrome-json', '-'], { input: whole });
  assert.equal(r.status, 0, r.stderr.toString());
  assert.ok(JSON.parse(r.stdout.toString()).traceEvents.length > 0);
});

test('--no-data leaves captured data out of both exports; strings and addresses stay', (t) => {
  const dir = tempDir(t);
  const secret = `pw-${randomBytes(8).toString('hex')}`;
  writeFileSync(join(dir, 'secret.txt'), secret);
  // The fixture moves the secret through read, writev/readv, sendmsg/recvmsg, sendto/recvfrom and write
  // (split over two iovecs in places: its tail is in every copy).
  const trace = record(dir, 'secret', [fixture('secret'), 'secret.txt']);
  const tail = secret.slice(4);
  for (const format of ['perfetto', 'chrome-json']) {
    const withData = join(dir, `with.${format}`);
    const without = join(dir, `without.${format}`);
    assert.equal(run(bin.export, ['--format', format, trace, '-o', withData]).status, 0);
    assert.equal(run(bin.export, ['--format', format, '--no-data', trace, '-o', without]).status, 0);
    assert.ok(readFileSync(withData).includes(tail), `${format}: the data is there by default`);
    const bytes = readFileSync(without);
    assert.ok(!bytes.includes(tail), `${format}: --no-data leaves it out`);
    assert.ok(bytes.includes('secret.txt'), `${format}: paths (strings) stay`);
    assert.ok(bytes.includes('inet_addr(\\"127.0.0.1\\")') || bytes.includes('inet_addr("127.0.0.1")'), `${format}: socket addresses stay`);
    assert.match(bytes.toString('latin1'), /0x7f[0-9a-f]{8,}/, `${format}: a buffer left out prints as its address, as strace prints memory it did not read`);
    assert.equal(statSync(without).mode & 0o777, 0o600);
  }
});
