// bt-record: records a program and all its descendants (or a running process) into a trace.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { callerEnvironment } from './caller-env.js';
import { RecordError, type RecordErrorCode } from './errors.js';
import { preload } from './native-loader.js';
import type { CallFilter } from './call-filter.js';
import type { Recording, RecordOptions, RecordStats, Target } from './recording.js';

const HELP = `Usage: bt-record [OPTIONS] [--] PROGRAM [ARGS...]
       bt-record [OPTIONS] -p PID[,PID...] [-p PID...]
       bt-record [OPTIONS] --cgroup PATH | --container ID

Records every syscall of PROGRAM and of all its children and threads (or of a
running process, until Ctrl-C) into a beetrace trace: on stdout, or in FILE with -o.
Replay it with bt-show. Needs root (or CAP_BPF and CAP_PERFMON).

Options:
  -o FILE              write the trace to FILE (mode 0600; '-' is stdout, the default)
  -p PID[,PID...]      attach to running processes and their future children
                       (repeatable); Ctrl-C detaches and leaves them running; a
                       process that exited before it could be traced is told about
                       and left out (exit 1 when none is left)
      --cgroup PATH    record every process of the cgroup v2 directory PATH
                       (absolute, or under the v2 mount) and below it, and every
                       process that joins it, until Ctrl-C or SIGTERM
      --container ID   the same for the cgroup docker, containerd or podman made
                       for container ID (the full id or a unique prefix)
  -e trace=SET         record only these syscalls in full, filtered in the kernel
                       (bt-show's sets: NAME,... %file %network %process ... !SET);
                       calls outside it that change fds, the cwd or processes are
                       kept in compact form, so bt-show -y still names every fd
  -e status=SET        only calls that ended so: successful, failed, unfinished,
                       detached (comma-separated, all, none, !SET)
  -s N                 capture strings and buffers up to N bytes (sets both limits below)
      --string-max N   longest string captured (default 4096)
      --buffer-max N   longest buffer captured, e.g. read/write data (default 256)
      --no-data        capture no data buffers: nothing read, written, sent or
                       received (strings, structs, addresses and argv still)
      --buffer-size N  kernel ring buffer size, power of two, K/M suffix (default 16M)
      --fail-on-loss   exit 3 when any record was lost (the ring buffer was full)
      --program-stdout FILE
                       where the program's stdout goes (default: the terminal, or
                       bt-record's stderr, when the trace is on stdout; else stdout)
      --flight SIZE    flight recorder: keep the last SIZE (K/M/G) of the trace in
                       memory; write it to FILE (-o) when recording ends, and on
                       each SIGUSR1 to FILE.1, FILE.2... (last.1.pb for -o
                       last.pb), recording going on
      --max-size SIZE --rotate N
                       a new file each time the trace reaches SIZE: FILE is the
                       newest, FILE.1 the one before...; at most N files are kept
  -q                   no summary line on stderr
  -f                   follow children and threads (always on; accepted for strace's sake)
  -h, --help           this help
      --version        print the version and the BPF object's build id

Exit status: the recorded program's own (128+N when signal N killed it); 0 after
-p detaches or --cgroup ends; 1 when recording failed (no such process, cgroup or
container, or an ambiguous container id); 2 for usage errors; 3 with --fail-on-loss
when records were lost; 126 and 127 when PROGRAM cannot be run or found; 141
when the reader of a trace on stdout went away (the program is stopped).

Examples:
  bt-record ./prog arg1 > run.pb          record prog, trace on stdout
  bt-record -o run.pb -- make -j2         record a build into run.pb
  bt-record -p 4242 -o attach.pb          record a running process until Ctrl-C
  bt-record -p 4242,4243 -o two.pb        two running processes and their children
  bt-record --flight 256M -p 4242 -o last.pb
                                          the last 256 MiB, written on SIGUSR1
                                          (last.1.pb...), Ctrl-C or the end of 4242
  bt-record --max-size 1G --rotate 5 -p 4242 -o svc.pb
                                          svc.pb, svc.1.pb ... svc.4.pb
  bt-record -e trace=%file,connect -e status=failed -o fails.pb -- make -j2
  bt-record --cgroup system.slice/nginx.service -o nginx.pb
  bt-record -o run.pb --no-data -- ./srv  no buffer contents in the trace
  bt-record -- ls -l | bt-show -          record and show at once
`;

const EXIT: Record<RecordErrorCode, number> = {
  NOT_FOUND: 127, NOT_EXECUTABLE: 126, USAGE: 2,
  NOT_PERMITTED: 1, NO_BTF: 1, NO_SUCH_PROCESS: 1, NO_SUCH_CGROUP: 1, NO_SUCH_CONTAINER: 1, OUTPUT: 1, SPAWN: 1, BPF: 1, ADDON: 1,
};

class UsageError extends Error {}

interface Args {
  output?: string;
  pids?: number[];
  cgroup?: string;
  container?: string;
  filter: string[];
  // --flight, --max-size, --rotate
  flight?: number;
  maxSize?: number;
  rotate?: number;
  argv: string[];
  opts: { stringMax?: number; bufferMax?: number; captureBuffers?: boolean; ringBytes?: number };
  failOnLoss: boolean;
  programStdout?: string;
  quiet: boolean;
}

function parseSize(opt: string, text: string, suffixes: boolean): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!m || (!suffixes && m[2])) throw new UsageError(`${opt}: '${text}' is not a ${suffixes ? 'size' : 'number'}`);
  const mul = { '': 1, k: 1024, m: 1 << 20, g: 1 << 30 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mul;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const a: Args = { argv: [], filter: [], opts: {}, failOnLoss: false, quiet: false };
  let i = 0;
  const value = (opt: string): string => {
    if (i + 1 >= argv.length) throw new UsageError(`option ${opt} needs a value`);
    return argv[++i]!;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    switch (arg) {
      case '-h': case '--help': return 'help';
      case '--version': return 'version';
      case '-o': a.output = value(arg); break;
      case '-p': {
        for (const v of value(arg).split(',')) {
          if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 4194304) throw new UsageError(`-p: '${v}' is not a process id`);
          (a.pids ??= []).push(Number(v));
        }
        break;
      }
      case '--flight': a.flight = parseSize(arg, value(arg), true); break;
      case '--max-size': a.maxSize = parseSize(arg, value(arg), true); break;
      case '--rotate': a.rotate = parseSize(arg, value(arg), false); break;
      case '--cgroup': a.cgroup = value(arg); break;
      case '--container': a.container = value(arg); break;
      case '-e': a.filter.push(value(arg)); break;
      case '-s': a.opts.stringMax = a.opts.bufferMax = parseSize(arg, value(arg), false); break;
      case '--string-max': a.opts.stringMax = parseSize(arg, value(arg), false); break;
      case '--buffer-max': a.opts.bufferMax = parseSize(arg, value(arg), false); break;
      case '--no-data': a.opts.captureBuffers = false; break;
      case '--buffer-size': a.opts.ringBytes = parseSize(arg, value(arg), true); break;
      case '--fail-on-loss': a.failOnLoss = true; break;
      case '--program-stdout': a.programStdout = value(arg); break;
      case '-q': a.quiet = true; break;
      case '-f': case '-ff': break;
      default: throw new UsageError(`unknown option '${arg}'`);
    }
  }
  a.argv = argv.slice(i);
  const targets = [a.pids !== undefined && '-p', a.cgroup !== undefined && '--cgroup', a.container !== undefined && '--container', a.argv.length > 0 && 'a program to run'].filter(Boolean);
  if (targets.length > 1) throw new UsageError(`${targets.join(' and ')} are mutually exclusive`);
  if (targets.length === 0) throw new UsageError('must have PROGRAM [ARGS], -p PID, --cgroup PATH or --container ID');
  checkSegments(a);
  return a;
}

/** --flight, --max-size and --rotate: sizes in range, the pair given together, a file to write. */
function checkSegments(a: Args): void {
  if ((a.maxSize === undefined) !== (a.rotate === undefined)) throw new UsageError(a.rotate === undefined ? '--max-size needs --rotate N' : '--rotate needs --max-size SIZE');
  if (a.flight !== undefined && a.rotate !== undefined) throw new UsageError('--flight and --rotate are mutually exclusive');
  if (a.flight === undefined && a.rotate === undefined) return;
  const what = a.flight !== undefined ? '--flight' : '--rotate';
  if (a.output === undefined || a.output === '-') throw new UsageError(`${what} needs -o FILE: it writes files of its own`);
  if (a.rotate !== undefined && (a.rotate < 1 || a.rotate > 1000)) throw new UsageError(`--rotate: '${a.rotate}' is not from 1 to 1000`);
  const size = a.flight ?? a.maxSize!;
  if (size < 64 << 10) throw new UsageError(`${a.flight !== undefined ? '--flight' : '--max-size'}: '${size}' bytes is less than 64K`);
}

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1 << 20) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
}

function summary(s: RecordStats, flight: boolean): string {
  const events = s.syscalls + s.stateCalls + s.processEvents;
  // --flight: the bytes are those of the last file, not of every event.
  const perEvent = events && !flight ? ` (${(s.bytes / events).toFixed(1)} B/event)` : '';
  // -e: the calls outside the filter kept for the fd and process state are counted apart.
  const state = s.stateCalls ? `, ${s.stateCalls} state-only outside -e` : '';
  return `bt-record: ${events} events (${s.syscalls} syscalls${state}), ${s.processes} process${s.processes === 1 ? '' : 'es'}, ` +
    `${s.lost} lost, ${human(s.bytes)}${perEvent}, ${s.seconds.toFixed(2)} s`;
}

/** The BPF object's build id: the start of its sha256, computed at build time (scripts/write-build-data.mjs). */
function bpfBuildId(): string {
  try {
    const info = JSON.parse(readFileSync(new URL('./build-info.json', import.meta.url), 'utf8')) as { bpfObjectSha256: string };
    return `sha256:${info.bpfObjectSha256.slice(0, 16)}`;
  } catch {
    return 'unknown (no build-info.json: run pnpm build)';
  }
}

/**
 * node:tty loads node:net (~2.5 ms at start-up), so it is loaded where a terminal matters: a trace on
 * stdout is checked before the BPF load, stderr's progress line after it has started (never with -q).
 */
function isatty(fd: number): boolean {
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

function fail(message: string, code: number): never {
  process.stderr.write(`bt-record: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) fail(`${e.message}\nFor help: bt-record --help`, 2);
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`bt-record ${(await import('./recording.js')).RECORDER_VERSION} (BPF object ${bpfBuildId()})\n`);
    return 0;
  }
  const toStdout = args.output === undefined || args.output === '-';
  if (toStdout && isatty(1)) {
    fail('refusing to write a binary trace to a terminal: use -o FILE or redirect stdout\nFor help: bt-record --help', 2);
  }
  // What to record, and the -e filter (which loads the syscall table), before the BPF load that bakes them in.
  let target: Target;
  let filter: CallFilter | undefined;
  try {
    if (args.cgroup !== undefined || args.container !== undefined) {
      const { findContainer, resolveCgroup } = await import('./cgroup.js');
      target = args.container !== undefined
        ? { cgroup: findContainer(args.container), container: args.container }
        : { cgroup: resolveCgroup(args.cgroup!) };
    } else {
      target = args.pids !== undefined ? { pids: args.pids } : { argv: args.argv };
    }
    if (args.filter.length > 0) filter = (await import('./call-filter.js')).compileFilter(args.filter);
  } catch (e) {
    if (e instanceof RecordError) fail(e.code === 'USAGE' ? `${e.message}\nFor help: bt-record --help` : e.message, EXIT[e.code]);
    throw e;
  }
  // Load the BPF programs on a native thread while the rest of bt-record's modules load.
  try {
    preload(args.opts, { ...(filter ? { calls: filter } : {}), ...('cgroup' in target ? { cgroup: true } : {}) });
  } catch (e) {
    if (e instanceof RecordError) fail(e.code === 'USAGE' ? `${e.message}\nFor help: bt-record --help` : e.message, EXIT[e.code]);
    throw e;
  }
  const { Recording } = await import('./recording.js');
  // The program's stdout must not mix into a trace written to stdout.
  let programStdout = 1;
  let openedFd: number | undefined;
  if (args.programStdout !== undefined) {
    try {
      programStdout = openedFd = openSync(args.programStdout, 'w', 0o644);
    } catch (e) {
      fail(`cannot open '${args.programStdout}': ${(e as Error).message.replace(/^\w+: /, '')}`, 1);
    }
  } else if (toStdout) {
    try {
      programStdout = openedFd = openSync('/dev/tty', 'w');
    } catch {
      programStdout = 2;
    }
  }
  const live = !args.quiet && !process.env['CI'] && isatty(2);
  let lastLine = '';
  let prev = { events: 0, seconds: 0 };
  const opts: RecordOptions = {
    ...args.opts,
    ...(filter ? { filter } : {}),
    output: toStdout ? 1 : args.output!,
    // The program's environment is the caller's, whatever started bt-record (caller-env.ts).
    env: callerEnvironment(),
    stdio: [0, programStdout, 2],
    ...(args.flight !== undefined ? { flight: args.flight } : {}),
    ...(args.rotate !== undefined ? { rotate: { maxBytes: args.maxSize!, files: args.rotate } } : {}),
    onNotice: (line: string) => {
      if (!(args.quiet && line.startsWith('--flight: wrote'))) process.stderr.write(`${lastLine ? '\n' : ''}bt-record: ${line}\n`);
    },
    ...(live ? {
      onProgress: (s: RecordStats) => {
        // The rate over the last interval, not since the start.
        const events = s.syscalls + s.stateCalls + s.processEvents;
        const rate = s.seconds > prev.seconds ? Math.round((events - prev.events) / (s.seconds - prev.seconds)) : 0;
        prev = { events, seconds: s.seconds };
        lastLine = `\r${events} events, ${rate}/s, ${s.lost} lost  `;
        process.stderr.write(lastLine);
      },
    } : {}),
  };
  // The handlers come first: a signal that arrives as soon as the recording has started (its
  // header written) stops it too; a handler runs once the synchronous start has returned.
  let rec: Recording | undefined;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => rec?.stop());
  // --flight: each SIGUSR1 writes what is kept (FILE.1, FILE.2...); without it, SIGUSR1 does what it always does.
  if (args.flight !== undefined) process.on('SIGUSR1', () => rec?.dump());
  try {
    rec = new Recording(target, opts);
  } catch (e) {
    if (e instanceof RecordError) fail(e.message, EXIT[e.code]);
    throw e;
  }
  // -p: as strace says it (not with -q); every call from here on is recorded.
  if (!args.quiet) for (const pid of rec.attached) process.stderr.write(`bt-record: Process ${pid} attached\n`);
  const result = await rec.finished;
  if (openedFd !== undefined) closeSync(openedFd);
  if (lastLine) process.stderr.write(`\r${' '.repeat(lastLine.length)}\r`);
  // The reader of the trace went away (bt-record ... | bt-show - | head): stop quietly, as
  // SIGPIPE would have stopped a C program, with the shell's status for it.
  if (result.outputError?.errno === 'EPIPE' && toStdout) return 128 + 13;
  if (result.outputError) {
    fail(`${result.outputError.message}; the program was stopped, the trace holds what was written before`, 1);
  }
  if (!args.quiet) process.stderr.write(`${summary(result, args.flight !== undefined)}\n`);
  // BT_BPF_STATS=1: what each BPF program cost (every process's syscalls run the syscall hooks).
  for (const p of result.programStats ?? []) {
    if (p.name === 'consumer') process.stderr.write(`bt-record: consumer thread: ${(p.ns / 1e9).toFixed(3)} s CPU\n`);
    else process.stderr.write(`bt-record: bpf ${p.name}: ${p.runs} runs, ${p.ns} ns${p.runs ? ` (${(p.ns / p.runs).toFixed(1)} ns/run)` : ''}\n`);
  }
  if (args.failOnLoss && result.lost > 0) {
    process.stderr.write(`bt-record: ${result.lost} records lost (--fail-on-loss); a larger --buffer-size may help\n`);
    return 3;
  }
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => fail(e instanceof Error ? e.message : String(e), 1),
);
