// The native recorder's failures, each thrown as a RecorderError with its code
// (real BPF loads, real child processes), and the argument checks' exact messages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Delivery, NativeRecorder, RecorderError, waitChild } from './native.js';
import { beginLoad, builtCaptureTable, checkCapture } from './native-loader.js';
import { recordError } from './recording.js';

const capture = checkCapture({});
const specs = builtCaptureTable();
const env = Object.entries(process.env).map(([k, v]) => `${k}=${v}`);

/** Asserts that `call` throws a RecorderError with this code (and errno, when given). */
function throwsCode(call: () => unknown, code: string, errno?: number): RecorderError {
  let caught: unknown;
  try {
    call();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof RecorderError, `a RecorderError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (errno !== undefined) assert.equal(caught.errno, errno, caught.message);
  return caught;
}

/** Every call but close() on this recorder throws `code`. */
function allThrow(rec: NativeRecorder, code: string): void {
  throwsCode(() => rec.attach(specs), code);
  throwsCode(() => rec.spawn('/bin/true', ['true'], env, '', 0, 1, 2), code);
  throwsCode(() => rec.trace(process.pid), code);
  throwsCode(() => rec.untrace(process.pid), code);
  throwsCode(() => rec.start(() => undefined, -1), code);
  throwsCode(() => rec.stop(), code);
  throwsCode(() => rec.lost(), code);
}

/** The pids of this process's children (all threads'), from /proc. */
function children(): string[] {
  const task = `/proc/${process.pid}/task`;
  return readdirSync(task).flatMap((t) => readFileSync(join(task, t, 'children'), 'utf8').split(' ').filter(Boolean));
}

test('close() is safe twice; on a closed recorder every call throws CLOSED, attach and spawn too', () => {
  const never = beginLoad(capture);
  never.close();
  never.close();
  allThrow(never, 'CLOSED');

  const attached = beginLoad(capture);
  attached.attach(specs);
  attached.close();
  attached.close();
  // Attaching a closed recorder does not "succeed"; spawning on one is not an exec failure.
  const e = throwsCode(() => attached.attach(specs), 'CLOSED');
  assert.equal(e.message, 'attach: the recorder is closed');
  assert.equal(throwsCode(() => attached.spawn('/bin/true', ['true'], env, '', 0, 1, 2), 'CLOSED').message, 'spawn: the recorder is closed');
  allThrow(attached, 'CLOSED');
});

test('calls out of order throw STATE: before attach, attach twice, stop before start, start twice', async () => {
  const rec = beginLoad(capture);
  try {
    for (const call of [() => rec.spawn('/bin/true', ['true'], env, '', 0, 1, 2), () => rec.trace(process.pid),
      () => rec.untrace(process.pid), () => rec.start(() => undefined, -1), () => rec.stop(), () => rec.lost()]) {
      assert.match(throwsCode(call, 'STATE').message, /^\w+: the recorder is not attached$/);
    }
    rec.attach(specs);
    assert.equal(throwsCode(() => rec.attach(specs), 'STATE').message, 'attach: the recorder is already attached');
    assert.equal(throwsCode(() => rec.stop(), 'STATE').message, 'stop: the recorder is not started');
    assert.deepEqual(rec.lost().every((n) => n === 0), true);
    let done!: () => void;
    const drained = new Promise<void>((r) => (done = r));
    rec.start((d: Delivery | null) => { if (d === null) done(); }, -1);
    assert.equal(throwsCode(() => rec.start(() => undefined, -1), 'STATE').message, 'start: the recorder is already started');
    rec.stop();
    await drained;
  } finally {
    rec.close();
  }
  allThrow(rec, 'CLOSED');
});

test('a program that cannot run: EXEC (or CWD) with the errno, the child reaped; bt-record maps ENOENT to 127, the rest to 126', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-native-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const garbage = join(dir, 'garbage');
  writeFileSync(garbage, 'not a program\0\x01\x02');
  chmodSync(garbage, 0o755);
  const rec = beginLoad(capture);
  try {
    rec.attach(specs);
    const before = children();
    const missing = throwsCode(() => rec.spawn(join(dir, 'missing'), ['missing'], env, '', 0, 1, 2), 'EXEC', constants.errno.ENOENT);
    assert.equal(missing.message, `cannot execute '${join(dir, 'missing')}': No such file or directory`);
    const denied = throwsCode(() => rec.spawn('/etc/passwd', ['passwd'], env, '', 0, 1, 2), 'EXEC', constants.errno.EACCES);
    const format = throwsCode(() => rec.spawn(garbage, ['garbage'], env, '', 0, 1, 2), 'EXEC', constants.errno.ENOEXEC);
    assert.equal(format.message, `cannot execute '${garbage}': Exec format error`);
    const cwd = throwsCode(() => rec.spawn('/bin/true', ['true'], env, join(dir, 'no-such-dir'), 0, 1, 2), 'CWD', constants.errno.ENOENT);
    assert.equal(cwd.message, `cannot change to directory '${join(dir, 'no-such-dir')}': No such file or directory`);
    assert.deepEqual(children(), before, 'the failed children were reaped');
    // What bt-record makes of them: exit 127 for a program not found, 126 for one that cannot run.
    assert.deepEqual([missing, denied, format, cwd].map((e) => recordError(e).code), ['NOT_FOUND', 'NOT_EXECUTABLE', 'NOT_EXECUTABLE', 'SPAWN']);
    // The recorder still works.
    const pid = rec.spawn('/bin/true', ['true'], env, dir, 0, 1, 2);
    assert.deepEqual(await waitChild(pid), { status: 0, exited: true, code: 0, signal: 0, core: false });
    assert.deepEqual(children(), before);
  } finally {
    rec.close();
  }
});

test('loading fails with NO_BTF when the kernel types cannot be read, PERMISSION when not root; the recorder is then closed', () => {
  const noBtf = new NativeRecorder({ ...capture, coreBtf: '/nonexistent/core.btf' });
  const e = throwsCode(() => noBtf.attach(specs), 'NO_BTF');
  assert.match(e.message, /\(no BTF at \/nonexistent\/core\.btf\)$/);
  assert.equal(recordError(e).code, 'NO_BTF');
  allThrow(noBtf, 'CLOSED');
  noBtf.close();

  // A process without root or capabilities: the kernel refuses the load.
  const dist = fileURLToPath(new URL('.', import.meta.url));
  const script = `import { beginLoad, builtCaptureTable, checkCapture } from '${dist}native-loader.js';
try { beginLoad(checkCapture({})).attach(builtCaptureTable()); console.log('attached'); }
catch (e) { console.log(e.name, e.code, e.errno); }`;
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
    process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `RecorderError PERMISSION ${constants.errno.EPERM}\n`);
});

test('where the kernel refuses the tp_btf programs, the syscall hooks load as raw_tp ones', () => {
  // Tracepoint BTF ids that are not this kernel's make the tp_btf load fail. In a process of
  // its own: the ids are registered once per process.
  const dist = fileURLToPath(new URL('.', import.meta.url));
  const script = `import { builtCaptureTable } from '${dist}native-loader.js';
import { NativeRecorder } from '${dist}native.js';
const rec = new NativeRecorder({ ringBytes: 1 << 20, stringMax: 64, bufferMax: 64, captureBuffers: true, tpBtfIds: { sys_enter: 1, sys_exit: 1 }, programStats: true });
rec.attach(builtCaptureTable());
console.log(rec.programStats().map((p) => p.name).join(' '));
rec.close();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const loaded = r.stdout.trim().split(' ');
  assert.ok(loaded.includes('bt_sys_enter_raw') && loaded.includes('bt_sys_exit_raw'), r.stdout);
  assert.ok(!loaded.includes('bt_sys_enter') && !loaded.includes('bt_sys_exit'), r.stdout);
});

test('arguments are checked before the addon sees them, with exact messages', async () => {
  const rec = beginLoad(capture);
  try {
    const bad = (call: () => unknown, type: typeof TypeError, message: string): void => {
      assert.throws(call, (e: unknown) => e instanceof type && e.constructor === type && e.message === message, message);
    };
    const size = specs.length;
    bad(() => rec.attach('specs' as unknown as Uint8Array), TypeError, 'attach: specs must be a Uint8Array');
    bad(() => rec.attach(new Uint8Array(3)), RangeError, `attach: specs must be the capture table of ${size} bytes, got 3`);
    rec.attach(specs);
    bad(() => rec.trace('1' as unknown as number), TypeError, 'trace: pid must be a number, got string');
    bad(() => rec.trace(0), RangeError, 'trace: pid must be an integer from 1 to 4194304, got 0');
    bad(() => rec.untrace(1.5), RangeError, 'untrace: pid must be an integer from 1 to 4194304, got 1.5');
    bad(() => rec.spawn('', [], env, '', 0, 1, 2), TypeError, 'spawn: path must be a non-empty string');
    bad(() => rec.spawn('/bin/true', [1] as unknown as string[], env, '', 0, 1, 2), TypeError, 'spawn: argv must be an array of strings');
    bad(() => rec.spawn('/bin/true', ['true'], 'A=1' as unknown as string[], '', 0, 1, 2), TypeError, 'spawn: envp must be an array of strings');
    bad(() => rec.spawn('/bin/true', ['true'], env, '', 0, -1, 2), RangeError, 'spawn: stdout must be a file descriptor, got -1');
    bad(() => rec.start(null as unknown as () => void, -1), TypeError, 'start: onDelivery must be a function');
    bad(() => rec.start(() => undefined, -2), RangeError, 'start: outputFd must be a file descriptor or -1, got -2');
    bad(() => new NativeRecorder({ ...capture, ringBytes: -1 }), RangeError, 'NativeRecorder: ringBytes must be an integer from 0 to 4294967295, got -1');
    bad(() => new NativeRecorder({ ...capture, captureBuffers: 1 as unknown as boolean }), TypeError, 'NativeRecorder: captureBuffers must be a boolean');
    bad(() => void waitChild(-5), RangeError, 'waitChild: pid must be an integer from 1 to 4194304, got -5');
    // Nothing was left half done: the recorder still traces and untraces.
    rec.trace(process.pid);
    rec.untrace(process.pid);
    rec.untrace(process.pid); // not traced: no failure
  } finally {
    rec.close();
  }
});
