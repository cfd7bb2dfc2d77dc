// Generates src/generated/syscalls-<abi>.ts, the syscall table, from three sources:
//   - numbers and names: the kernel's uapi header asm/unistd_64.h (linux-libc-dev);
//   - argument names and C types: the running kernel's own syscall descriptions,
//     tracefs events/syscalls/sys_enter_<name>/format (tracefs is mounted for the
//     duration of the run when it is not already);
//   - classes and what to capture: syscalls/<abi>.tsv, hand-written data.
// The output is committed; CI regenerates it and fails when it differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNISTD = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';

function numbers() {
  const rows = [];
  for (const line of readFileSync(UNISTD, 'utf8').split('\n')) {
    const m = /^#define __NR_(\w+)\s+(\d+)/.exec(line);
    if (m) rows.push({ name: m[1], nr: Number(m[2]) });
  }
  // Syscalls the header is too old to know, when the running kernel has them.
  const newer = join(pkg, 'syscalls', 'x86_64-newer.tsv');
  for (const line of readFileSync(newer, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, nr] = line.split('\t');
    if (!rows.some((r) => r.name === name)) rows.push({ name, nr: Number(nr) });
  }
  return rows.sort((a, b) => a.nr - b.nr);
}

// The kernel's SYSCALL_DEFINE names (and so its tracefs events) that differ from the ABI names.
const KERNEL_NAME = { stat: 'newstat', fstat: 'newfstat', lstat: 'newlstat', uname: 'newuname', sendfile: 'sendfile64', umount2: 'umount' };

function withTracefs(fn) {
  for (const dir of ['/sys/kernel/tracing', '/sys/kernel/debug/tracing']) {
    if (existsSync(join(dir, 'events', 'syscalls'))) return fn(dir);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bt-tracefs-'));
  execFileSync('mount', ['-t', 'tracefs', 'nodev', dir]);
  try {
    return fn(dir);
  } finally {
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  }
}

function argumentsFromKernel(tracefs) {
  const byName = new Map();
  const dir = join(tracefs, 'events', 'syscalls');
  for (const ev of readdirSync(dir)) {
    if (!ev.startsWith('sys_enter_')) continue;
    const text = readFileSync(join(dir, ev, 'format'), 'utf8');
    const args = [];
    for (const m of text.matchAll(/field:([^;]+);\toffset:(\d+);/g)) {
      const decl = m[1].trim();
      if (Number(m[2]) < 16) continue; // common_* fields and __syscall_nr
      const d = /^(.*?)\s*(\w+)$/.exec(decl);
      args.push({ name: d[2], type: d[1].replace(/\s+\*/g, ' *').trim() });
    }
    byName.set(ev.slice('sys_enter_'.length), args);
  }
  return byName;
}

const CLASSES = new Set(['file', 'desc', 'network', 'process', 'signal', 'ipc', 'memory', 'creds',
  'clock', 'stat', 'lstat', 'fstat', 'statfs', 'fstatfs', 'pure']);

// One capture item: ARG:KIND[(PARAMS)], e.g. 1:string, 1:buffer(ret), 1:buffer(arg2),
// 1:struct(144), 1:iovec(arg2), 1:array(arg1,8), 2:buffer(argptr2).
function parseCapture(item, where) {
  const m = /^(\d):(\w+)(?:\(([^)]*)\))?(\+entry)?$/.exec(item);
  if (!m) throw new Error(`${where}: bad capture item '${item}'`);
  const spec = { arg: Number(m[1]), kind: m[2] };
  const params = m[3] ? m[3].split(',') : [];
  const size = (p) => {
    if (p === 'ret') return { from: 'ret' };
    let s = /^arg(\d)$/.exec(p);
    if (s) return { from: 'arg', arg: Number(s[1]) };
    s = /^argptr(\d)$/.exec(p);
    if (s) return { from: 'argptr', arg: Number(s[1]) };
    throw new Error(`${where}: bad size '${p}'`);
  };
  switch (spec.kind) {
    case 'string': case 'strings': case 'count': case 'dirents': case 'msghdr': break;
    case 'buffer': case 'iovec': spec.size = size(params[0]); break;
    case 'struct': spec.bytes = Number(params[0]); break;
    case 'array': spec.size = size(params[0]); spec.bytes = Number(params[1]); break;
    default: throw new Error(`${where}: unknown capture kind '${spec.kind}'`);
  }
  if (spec.bytes !== undefined && !(spec.bytes > 0 && spec.bytes <= 4096)) throw new Error(`${where}: bad size in '${item}'`);
  if (m[4]) spec.alsoAtEntry = true;
  return spec;
}

function dataFile(abi) {
  const file = join(pkg, 'syscalls', `${abi}.tsv`);
  const rows = new Map();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (!line.trim() || line.startsWith('#')) return;
    const [name, classes = '', capture = '', flags = '', argDecl = ''] = line.split('\t');
    const cls = classes.split(',').filter((c) => c && c !== '-');
    for (const c of cls) if (!CLASSES.has(c)) throw new Error(`${where}: unknown class '${c}'`);
    if (rows.has(name)) throw new Error(`${where}: '${name}' listed twice`);
    rows.set(name, {
      classes: cls,
      capture: capture.split(' ').filter((c) => c && c !== '-').map((c) => parseCapture(c, where)),
      captureAtEntry: flags.split(',').includes('entry'),
      // Arguments of syscalls the kernel does not describe: "TYPE NAME;TYPE NAME" ("-": none).
      args: argDecl && argDecl !== '-'
        ? argDecl.split(';').map((d) => {
          const a = /^(.*?)\s*(\w+)$/.exec(d.trim());
          if (!a) throw new Error(`${where}: bad argument '${d}'`);
          return { name: a[2], type: a[1].replace(/\s+\*/g, ' *').trim() };
        })
        : argDecl === '-' ? [] : undefined,
    });
  });
  return rows;
}

const abi = 'x86_64';
const nums = numbers();
const kernelArgs = withTracefs(argumentsFromKernel);
const data = dataFile(abi);
for (const name of data.keys()) {
  if (!nums.some((n) => n.name === name)) throw new Error(`syscalls/${abi}.tsv names unknown syscall '${name}'`);
}
// A few syscalls have no tracefs event (they are not built with SYSCALL_DEFINE's metadata).
const rows = nums.map(({ name, nr }) => {
  const d = data.get(name) ?? { classes: [], capture: [], captureAtEntry: false };
  return { nr, name, args: kernelArgs.get(KERNEL_NAME[name] ?? name) ?? d.args ?? null, classes: d.classes, capture: d.capture, captureAtEntry: d.captureAtEntry };
});
const missing = rows.filter((r) => r.args === null).map((r) => r.name);
for (const r of rows) r.args ??= [];

let out = `// Generated by scripts/generate-syscalls.mjs from ${UNISTD},\n`;
out += `// the kernel's tracefs syscall formats and syscalls/${abi}.tsv. Do not edit.\n`;
out += `// Syscalls without a kernel description (arguments unknown): ${missing.join(', ') || 'none'}.\n`;
out += `import type { SyscallInfo } from '../syscalls.js';\n\n`;
out += `export const table: readonly SyscallInfo[] = [\n`;
for (const r of rows) out += `  ${JSON.stringify(r)},\n`;
out += `];\n`;
writeFileSync(join(pkg, 'src', 'generated', `syscalls-${abi}.ts`), out);
console.error(`generate-syscalls: ${rows.length} syscalls for ${abi}, ${missing.length} without arguments`);
