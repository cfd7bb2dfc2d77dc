// Snapshots: a run's normalised behaviour as text, to commit next to a regression test and
// read in code review. The facts of the summary come first, then every process with its
// threads' lines (indented two spaces). A snapshot is compared exactly like a trace.
//
//   # bt-diff snapshot 1 ...
//   arch x86_64
//   exit exited with 0
//   read ./data/a
//   process <key> TAB <position> TAB <program> TAB <exit> [TAB concurrent]
//   thread 1
//     openat(AT_FDCWD, "data/a", O_RDONLY) = 3
import { HashList, IdList, hashLine, mixDigest, nameId } from './hash.js';
import type { FetchText } from './engine.js';
import { emptyFacts, FACT_KINDS, type FactKind, type ProcModel, type RunModel, type ScanOptions, TraceInputError } from './scan.js';
import { NORMALIZATIONS } from './options.js';

export const SNAPSHOT_VERSION = 1;

const FACT_WORDS: Record<FactKind, string> = {
  filesRead: 'read', filesWritten: 'written', filesCreated: 'created', filesDeleted: 'deleted',
  programs: 'program', networkPeers: 'peer', failures: 'failure',
};
const WORD_FACTS = new Map(Object.entries(FACT_WORDS).map(([k, w]) => [w, k as FactKind]));

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

function unesc(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The name a line counts under in --stat: its syscall, or exit / signal. */
export function lineName(text: string): string {
  const t = text.replace(/^\+\d+\.\d+ /, '');
  if (t.startsWith('+++')) return 'exit';
  if (t.startsWith('---')) return 'signal';
  const m = /^([A-Za-z_0-9]+)\(/.exec(t);
  return m ? m[1]! : '?';
}

/** Settings line: which normalisations and ignores produced the snapshot. */
export function settingsText(opts: ScanOptions): string[] {
  const off = NORMALIZATIONS.filter((n) => !opts.normalize[n]);
  const out = [`normalize ${off.length === 0 ? 'all' : 'all-but ' + off.join(',')}`];
  for (const p of opts.ignore) out.push(`ignore ${esc(p)}`);
  for (const p of opts.ignorePaths) out.push(`ignore-paths ${esc(p)}`);
  return out;
}

/** Writes the snapshot text of a run whose every line text is in `texts` (thread name -> lines). */
export function formatSnapshot(run: RunModel, texts: Map<string, Map<number, string>>, opts: ScanOptions): string {
  const out: string[] = [
    `# bt-diff snapshot ${SNAPSHOT_VERSION}: normalised behaviour of a beetrace run.`,
    '# Compare a run with: bt-diff --snapshot THIS_FILE run.pb    Rewrite it with: --update',
    `arch ${run.arch}`,
    `format ${run.formatVersion}`,
    `argv ${esc(JSON.stringify(run.argv))}`,
    ...(run.filter.length ? [`filter ${esc(JSON.stringify(run.filter))}`] : []),
    `exit ${run.exit}`,
    `complete ${run.complete ? 'yes' : 'no'}`,
    ...settingsText(opts),
  ];
  for (const k of FACT_KINDS) for (const v of [...run.facts[k]].sort()) out.push(`${FACT_WORDS[k]} ${esc(v)}`);
  for (const p of run.procs) {
    out.push(`process ${esc(p.key)}\t${p.position}\t${esc(p.program)}\t${p.exit ?? '-'}${p.concurrent ? '\tconcurrent' : ''}`);
    for (const t of p.threads) {
      out.push(`thread ${t.name}`);
      const lines = texts.get(t.name);
      for (let i = 0; i < t.hashes.length; i++) out.push('  ' + (lines?.get(i) ?? ''));
    }
  }
  return out.join('\n') + '\n';
}

export interface ParsedSnapshot {
  readonly run: RunModel;
  readonly fetch: FetchText;
  /** The settings lines, to compare with the current options. */
  readonly settings: string[];
}

/** Reads a snapshot back into a run model. */
export function parseSnapshot(text: string, label: string): ParsedSnapshot {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('# bt-diff snapshot ')) throw new TraceInputError(`${label}: not a bt-diff snapshot (first line should start with "# bt-diff snapshot")`, 'SNAPSHOT');
  const version = Number(/^# bt-diff snapshot (\d+)/.exec(lines[0])?.[1]);
  if (version !== SNAPSHOT_VERSION) throw new TraceInputError(`${label}: snapshot version ${version} is not supported (this bt-diff writes ${SNAPSHOT_VERSION})`, 'SNAPSHOT');
  const facts = emptyFacts();
  const settings: string[] = [];
  let arch = '', formatVersion = 0, exit = 'unknown', complete = true;
  let argv: string[] = [];
  let filter: string[] = [];
  const procs: ProcModel[] = [];
  const texts = new Map<string, Map<number, string>>();
  type MutableThread = { name: string; index: number; hashes: HashList; names: IdList; digest: number; asSet: boolean };
  type MutableProc = Omit<ProcModel, 'threads'> & { threads: MutableThread[] };
  const mprocs: MutableProc[] = [];
  let proc: MutableProc | undefined;
  let thread: MutableThread | undefined;
  let count = 0;
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('  ')) {
      if (!thread) throw new TraceInputError(`${label}:${n + 1}: a call line outside any thread`, 'SNAPSHOT');
      const t = line.slice(2);
      const h = hashLine(t);
      let m = texts.get(thread.name);
      if (!m) texts.set(thread.name, m = new Map());
      m.set(thread.hashes.length, t);
      thread.hashes.push(h);
      thread.names.push(nameId(lineName(t)));
      thread.digest = mixDigest(thread.digest, h);
      count++;
      continue;
    }
    const sp = line.indexOf(' ');
    const word = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1);
    const fact = WORD_FACTS.get(word);
    if (fact) { facts[fact].add(unesc(rest)); continue; }
    switch (word) {
      case 'arch': arch = rest; break;
      case 'format': formatVersion = Number(rest); break;
      case 'argv': argv = JSON.parse(unesc(rest)) as string[]; break;
      case 'filter': filter = JSON.parse(unesc(rest)) as string[]; break;
      case 'exit': exit = rest; break;
      case 'complete': complete = rest === 'yes'; break;
      case 'normalize': case 'ignore': case 'ignore-paths': settings.push(line); break;
      case 'process': {
        const [key, position, program, pexit, conc] = rest.split('\t');
        if (key === undefined || position === undefined || program === undefined) {
          throw new TraceInputError(`${label}:${n + 1}: process line needs key, position, program and exit`, 'SNAPSHOT');
        }
        const k = unesc(key);
        const parent = k.includes('/') ? k.slice(0, k.lastIndexOf('/')) : undefined;
        proc = { key: k, position, program: unesc(program), pid: 0, parentKey: parent, exit: pexit === '-' || pexit === undefined ? undefined : pexit, concurrent: conc === 'concurrent', threads: [] };
        mprocs.push(proc);
        thread = undefined;
        break;
      }
      case 'thread':
        if (!proc) throw new TraceInputError(`${label}:${n + 1}: thread outside any process`, 'SNAPSHOT');
        // "1.2:children": the process's children's calls before their exec, compared as a set (scan.ts).
        thread = { name: rest, index: proc.threads.length, hashes: new HashList(), names: new IdList(), digest: 0, asSet: rest.endsWith(':children') };
        proc.threads.push(thread);
        break;
      default:
        throw new TraceInputError(`${label}:${n + 1}: unknown snapshot line "${line.slice(0, 40)}"`, 'SNAPSHOT');
    }
  }
  for (const p of mprocs) {
    procs.push({ ...p, threads: p.threads.map((t) => ({ name: t.name, index: t.index, hashes: t.hashes.view(), names: t.names.view(), digest: t.digest })) });
  }
  const run: RunModel = {
    label, arch, formatVersion, argv, cwd: '', filter, complete, problem: complete ? undefined : 'the snapshot was taken from a partial trace',
    procs, facts, exit, lines: count, ignoreHits: new Map(), texts: new Map(),
  };
  return { run, settings, fetch: async () => texts };
}
