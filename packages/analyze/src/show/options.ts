// bt-show's command line, with strace's letters and meanings.
import { FilterSyntaxError, parseStatusSet, parseTraceSet, type SyscallTable, type TraceFilter } from '@beetrace/format';
import { signalName } from '../decode/structs.js';
import { SORT_KEYS, type SortBy } from './summary.js';

export class UsageError extends Error {}

export interface ShowOptions {
  file: string;
  follow: boolean | undefined; // -f; undefined: automatic
  timestamps: 0 | 1 | 2 | 3;
  relative: boolean;
  syscallTimes: boolean;
  strSize: number;
  xflag: 0 | 1 | 2;
  fdPaths: boolean;
  quiet: number;
  trace: TraceFilter | undefined;
  status: Set<string> | undefined;
  signals: SignalFilter | undefined;
  summary: 'none' | 'only' | 'also';
  sortBy: SortBy;
  output: string | undefined;
  pids: Set<number> | undefined;
  /** --pidns: the pids the processes saw in their pid namespaces (strace's --pidns-translation). */
  pidns: boolean;
  json: boolean;
  /** Print the calls a filtered recording kept for the state only (bt-record -e). */
  stateCalls: boolean;
  help: boolean;
}

export type { TraceFilter };

export interface SignalFilter {
  readonly signals: ReadonlySet<number>;
  readonly negate: boolean;
}


export const HELP = `Usage: bt-show [OPTIONS] TRACE
Print a beetrace recording as strace -f would have printed the run.
TRACE is a file written by bt-record, or - for standard input.

Output format:
  -f            prefix lines with the thread id (default: on when the trace has
                more than one process)
  -t, -tt, -ttt wall-clock time of each call (seconds, microseconds, epoch)
  -r            time since the previous line
  -T            time spent in each call
  -s N          longest string printed (default 32)
  -x, -xx       non-ASCII strings in hex, all strings in hex
  -y            print the path of each fd, rebuilt from the trace's own history
  -q, -qq       -qq: leave out "+++ exited with N +++" lines
  --pidns       a thread in a pid namespace of its own: its lines start with the
                tid it saw there, then the host's ("1/4243"), and a pid it names
                or gets is followed by the host's ("= 2 /* 4250 on the host */");
                implies -f (strace's --pidns-translation)
  --json        one JSON object per event and line (schema in the README)
Filtering:
  -e trace=SET  only these syscalls: NAME,...  %file %process %network %signal
                %ipc %desc %memory %creds %clock %stat %lstat %fstat %%stat
                %statfs %fstatfs %%statfs %pure; all; none; !SET negates
  -e status=SET successful, failed, unfinished (comma-separated)
  -e signal=SET only these signals (SIGCHLD,SIGTERM,... or all/none, !SET)
  -z, -Z        only successful / only failed calls
  -p PID        only this process (repeatable, or PID,PID)
  --state-calls also the calls a filtered recording (bt-record -e) kept only
                for the fd and process state, marked /* state only */
Statistics:
  -c            a count/time/error summary instead of the calls
  -C            the calls and the summary
  -S SORTBY     sort the summary by time (default), calls, name, errors,
                avg-time, nothing
Output:
  -o FILE       write to FILE instead of standard output
  -h, --help    this help

Exit status: 0, or 1 when the trace is corrupt or cut off (everything readable
is printed first, then one line on stderr says where), 2 for a usage error.

EXAMPLES
  bt-show run.pb
  bt-show -tt -T -e trace=%file run.pb
  bt-show -c run.pb
  bt-show -y -s 64 run.pb
  bt-show -e trace=openat,read -e status=failed run.pb
  bt-show --json run.pb | jq .name
  bt-record -o - -- ./prog | bt-show -
`;

function int(flag: string, v: string | undefined, min: number, max: number): number {
  if (v === undefined) throw new UsageError(`option ${flag} needs a number`);
  if (!/^\d+$/.test(v)) throw new UsageError(`option ${flag}: '${v}' is not a number`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`option ${flag}: '${v}' is out of range (${min}..${max})`);
  return n;
}

function parseTrace(spec: string, table: SyscallTable | undefined): TraceFilter {
  try {
    return parseTraceSet(spec, table);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new UsageError(e.message);
    throw e;
  }
}

function parseSignals(spec: string): SignalFilter {
  let negate = false;
  if (spec.startsWith('!')) { negate = true; spec = spec.slice(1); }
  const signals = new Set<number>();
  if (spec === 'all') return { signals, negate: !negate };
  if (spec === 'none' || spec === '') return { signals, negate };
  for (const item of spec.split(',')) {
    let n: number | undefined;
    if (/^\d+$/.test(item)) n = Number(item);
    else {
      const want = item.toUpperCase().startsWith('SIG') ? item.toUpperCase() : 'SIG' + item.toUpperCase();
      for (let s = 1; s <= 64; s++) if (signalName(s) === want) n = s;
    }
    if (n === undefined || n < 1 || n > 64) throw new UsageError(`-e signal: unknown signal '${item}' (e.g. SIGCHLD, CHLD, 17, all, none)`);
    signals.add(n);
  }
  return { signals, negate };
}

export function parseArgs(argv: readonly string[], table: SyscallTable | undefined): ShowOptions {
  const o: ShowOptions = {
    file: '', follow: undefined, timestamps: 0, relative: false, syscallTimes: false, strSize: 32, xflag: 0,
    fdPaths: false, quiet: 0, trace: undefined, status: undefined, signals: undefined, summary: 'none',
    sortBy: 'time', output: undefined, pids: undefined, pidns: false, json: false, stateCalls: false, help: false,
  };
  const files: string[] = [];
  const expr = (e: string): void => {
    const eq = e.indexOf('=');
    const key = eq < 0 ? 'trace' : e.slice(0, eq);
    const val = eq < 0 ? e : e.slice(eq + 1);
    switch (key) {
      case 'trace': case 't': o.trace = parseTrace(val, table); break;
      case 'status':
        try {
          o.status = parseStatusSet(val);
        } catch (e) {
          if (e instanceof FilterSyntaxError) throw new UsageError(e.message);
          throw e;
        }
        break;
      case 'signal': case 'signals': case 's': o.signals = parseSignals(val); break;
      default:
        throw new UsageError(`-e: unknown qualifier '${key}' (valid: trace, status, signal)`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-' || !a.startsWith('-')) { files.push(a); continue; }
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      if (a === '--json') o.json = true;
      else if (a === '--pidns') o.pidns = true;
      else if (a === '--state-calls') o.stateCalls = true;
      else if (a === '--help') o.help = true;
      else throw new UsageError(`unknown option '${a}'`);
      continue;
    }
    // short options, possibly bundled (-ff, -tt, -xx, -s64, -e trace=...)
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!;
      const rest = a.slice(j + 1);
      const value = (): string => {
        if (rest) return rest;
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`option -${ch} needs a value`);
        return v;
      };
      switch (ch) {
        case 'f': o.follow = true; break;
        case 't': o.timestamps = Math.min(3, o.timestamps + 1) as 1 | 2 | 3; break;
        case 'r': o.relative = true; break;
        case 'T': o.syscallTimes = true; break;
        case 'x': o.xflag = Math.min(2, o.xflag + 1) as 1 | 2; break;
        case 'y': o.fdPaths = true; break;
        case 'q': o.quiet++; break;
        case 'c': o.summary = 'only'; break;
        case 'C': o.summary = 'also'; break;
        case 'z': o.status = new Set(['successful']); break;
        case 'Z': o.status = new Set(['failed']); break;
        case 'h': o.help = true; break;
        case 's': o.strSize = int('-s', value(), 0, 1 << 20); j = a.length; break;
        case 'e': expr(value()); j = a.length; break;
        case 'o': o.output = value(); j = a.length; break;
        case 'S': {
          const v = value();
          const key = v === 'count' ? 'calls' : v === 'avg_time' ? 'avg-time' : v;
          if (!SORT_KEYS.includes(key)) throw new UsageError(`-S: unknown sort key '${v}' (valid: ${SORT_KEYS.join(', ')})`);
          o.sortBy = key as SortBy;
          j = a.length;
          break;
        }
        case 'p': {
          const v = value();
          o.pids ??= new Set();
          for (const p of v.split(',')) o.pids.add(int('-p', p, 1, 0x3fffffff));
          j = a.length;
          break;
        }
        default:
          throw new UsageError(`unknown option '-${ch}'`);
      }
    }
  }
  if (o.help) return o;
  if (files.length === 0) throw new UsageError('no trace given (a file, or - for standard input)');
  if (files.length > 1) throw new UsageError(`one trace at a time (got ${files.length}: ${files.join(' ')})`);
  o.file = files[0]!;
  return o;
}
