// Generates src/generated/syscalls-<abi>.ts, the syscall table, from two committed files:
//   - syscalls/<abi>-kernel.tsv: numbers, names and the kernel's argument declarations
//     (written by scripts/refresh-syscall-args.mjs, run by hand; nothing here reads the
//     running kernel, so the output depends on the repository only);
//   - syscalls/<abi>.tsv: every other fact (classes, captures, what the return value is,
//     what the call does, what each argument is), hand-written data.
// The output is committed; CI regenerates it and fails when it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

function kernelFile(abi) {
  const file = join(pkg, 'syscalls', `${abi}-kernel.tsv`);
  const rows = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    const [nr, name, decl] = line.split('\t');
    if (!/^\d+$/.test(nr ?? '') || !/^\w+$/.test(name ?? '') || decl === undefined) throw new Error(`${where}: bad row`);
    const args = decl === '-' ? [] : decl.split(';').map((d) => {
      const a = /^(.*?)\s*(\w+)$/.exec(d.trim());
      if (!a) throw new Error(`${where}: bad argument '${d}'`);
      return { name: a[2], type: a[1].replace(/\s+\*/g, ' *').trim() };
    });
    rows.push({ nr: Number(nr), name, args });
  });
  return rows;
}

const CLASSES = new Set(['file', 'desc', 'network', 'process', 'signal', 'ipc', 'memory', 'creds',
  'clock', 'stat', 'lstat', 'fstat', 'statfs', 'fstatfs', 'pure']);

// One capture item: ARG:KIND[(PARAMS)][+entry][+meta], e.g. 1:string, 1:buffer(ret),
// 1:buffer(arg2), 1:struct(144), 1:iovec(arg2), 1:array(arg1,8), 2:buffer(argptr2)+meta.
function parseCapture(item, where) {
  const m = /^(\d):(\w+)(?:\(([^)]*)\))?((?:\+\w+)*)$/.exec(item);
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
    case 'buffer': case 'iovec': case 'mmsghdr': spec.size = size(params[0]); break;
    case 'struct': case 'ptrlen': spec.bytes = Number(params[0]); break;
    case 'array': spec.size = size(params[0]); spec.bytes = Number(params[1]); break;
    default: throw new Error(`${where}: unknown capture kind '${spec.kind}'`);
  }
  if (spec.bytes !== undefined && !(spec.bytes > 0 && spec.bytes <= 4096)) throw new Error(`${where}: bad size in '${item}'`);
  for (const suffix of m[4].split('+').slice(1)) {
    if (suffix === 'entry') spec.alsoAtEntry = true;
    else if (suffix === 'meta' && spec.kind === 'buffer') spec.meta = true;
    else throw new Error(`${where}: bad suffix '+${suffix}' in '${item}' (+entry, or +meta on a buffer)`);
  }
  return spec;
}

const RETURNS = new Set(['fd', 'pid', 'addr', 'volatile']);
const FD_KINDS = new Set(['file', 'socket', 'anon']);
const EFFECTS = new Set(['read', 'write', 'open', 'close', 'close_range', 'dup', 'fcntl', 'pipe', 'accept', 'connect', 'bind', 'listen',
  'chdir', 'exec', 'fork', 'exit', 'wait', 'sync', 'lookup', 'sigmask', 'sigreturn', 'map', 'unmap', 'protect', 'heap']);
const ROLES = new Set(['path', 'dirfd', 'fd', 'newfd', 'fds', 'pid', 'addr', 'oflags', 'open_how', 'cloexec', 'family', 'socktype',
  'protocol', 'sockaddr', 'fcntl_cmd', 'fcntl_arg', 'clone_flags', 'clone_args', 'at_flags', 'stat', 'volatile', 'fd-remote',
  'pollfds', 'idtype', 'mapflags', 'waitopts', 'signal']);
const QUALIFIERS = new Set(['create', 'delete', 'write', 'exec', 'dir', 'cloexec']);
const O_CLOEXEC = 0o2000000;

// What the return value is: fd(KIND)[;NAME][;cloexec] | fd | pid | addr | volatile.
function parseReturns(text, where) {
  if (text === '-' || text === '') return { ret: null, newFd: null };
  const [head, ...rest] = text.split(';');
  const m = /^(\w+)(?:\((\w+)\))?$/.exec(head);
  if (!m || !RETURNS.has(m[1]) || (m[2] && (m[1] !== 'fd' || !FD_KINDS.has(m[2])))) throw new Error(`${where}: bad returns '${text}'`);
  const r = { ret: m[1], newFd: m[2] ?? null };
  for (const x of rest) {
    if (!r.newFd) throw new Error(`${where}: '${x}' in returns needs fd(KIND)`);
    if (x === 'cloexec') r.newFdCloexec = true;
    else if (x && r.newFdName === undefined) r.newFdName = x;
    else throw new Error(`${where}: bad returns '${text}'`);
  }
  return r;
}

// Argument roles: ARG:ROLE[(MASK)][+QUALIFIER...], e.g. 0:dirfd 1:path+create+dir 1:cloexec(1).
function parseRoles(text, nargs, where) {
  const roles = Array.from({ length: nargs }, () => null);
  if (text === '-' || text === '') return roles;
  for (const item of text.split(' ')) {
    const m = /^(\d):([\w-]+)(?:\((0x[0-9a-f]+|\d+)\))?((?:\+\w+)*)$/.exec(item);
    if (!m || !ROLES.has(m[2])) throw new Error(`${where}: bad role '${item}'`);
    const arg = Number(m[1]);
    if (arg >= nargs) throw new Error(`${where}: role '${item}' names argument ${arg} of a syscall with ${nargs}`);
    if (roles[arg]) throw new Error(`${where}: argument ${arg} has two roles`);
    const q = m[4] ? m[4].slice(1).split('+') : [];
    for (const x of q) if (!QUALIFIERS.has(x)) throw new Error(`${where}: unknown qualifier '${x}' in '${item}'`);
    const role = { role: m[2] };
    if (q.includes('cloexec')) role.cloexec = O_CLOEXEC;
    if (m[2] === 'cloexec') role.cloexec = m[3] ? Number(m[3]) : O_CLOEXEC;
    for (const x of q) if (x !== 'cloexec') role[x] = true;
    roles[arg] = role;
  }
  return roles;
}

function dataFile(abi, kernel) {
  const file = join(pkg, 'syscalls', `${abi}.tsv`);
  const rows = new Map();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length !== 7) throw new Error(`${where}: ${f.length} columns, expected 7`);
    const [name, classes, capture, flags, returns, effect, roles] = f;
    const k = kernel.get(name);
    if (!k) throw new Error(`${where}: '${name}' is not in syscalls/${abi}-kernel.tsv`);
    const cls = classes.split(',').filter((c) => c && c !== '-');
    for (const c of cls) if (!CLASSES.has(c)) throw new Error(`${where}: unknown class '${c}'`);
    if (rows.has(name)) throw new Error(`${where}: '${name}' listed twice`);
    if (effect !== '-' && !EFFECTS.has(effect)) throw new Error(`${where}: unknown effect '${effect}'`);
    if (flags !== '-' && flags !== 'entry') throw new Error(`${where}: unknown flags '${flags}'`);
    rows.set(name, {
      classes: cls,
      capture: capture.split(' ').filter((c) => c && c !== '-').map((c) => parseCapture(c, where)),
      captureAtEntry: flags === 'entry',
      ...parseReturns(returns, where),
      effect: effect === '-' ? null : effect,
      roles: parseRoles(roles, k.args.length, where),
    });
  });
  return rows;
}

const abi = 'x86_64';
const kernel = kernelFile(abi);
const data = dataFile(abi, new Map(kernel.map((r) => [r.name, r])));
const rows = kernel.map(({ nr, name, args }) => {
  const d = data.get(name) ?? { classes: [], capture: [], captureAtEntry: false, ret: null, newFd: null, effect: null, roles: args.map(() => null) };
  return { nr, name, args, ...d };
});

let out = `// Generated by scripts/generate-syscalls.mjs from syscalls/${abi}-kernel.tsv and\n`;
out += `// syscalls/${abi}.tsv. Do not edit.\n`;
out += `import type { SyscallInfo } from '../syscalls.js';\n\n`;
out += `export const table: readonly SyscallInfo[] = [\n`;
for (const r of rows) out += `  ${JSON.stringify(r)},\n`;
out += `];\n`;
writeFileSync(join(pkg, 'src', 'generated', `syscalls-${abi}.ts`), out);
console.error(`generate-syscalls: ${rows.length} syscalls for ${abi}`);
