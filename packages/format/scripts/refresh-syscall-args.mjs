// Rewrites syscalls/x86_64-kernel.tsv, the syscalls as the kernel defines them: numbers and
// names from the uapi header asm/unistd_64.h (plus syscalls/x86_64-newer.tsv for numbers the
// header is too old to know), argument names and C types from the running kernel's tracefs
// (events/syscalls/sys_enter_NAME/format; mounted for the run when it is not, unmounted after).
// Run by hand (`pnpm --filter @beetrace/format refresh-syscalls`) when a newer kernel or header
// should be described; nothing in the build or the tests runs it. Arguments of syscalls the
// running kernel does not describe are kept from the file as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNISTD = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
const OUT = join(pkg, 'syscalls', 'x86_64-kernel.tsv');

function numbers() {
  const rows = [];
  for (const line of readFileSync(UNISTD, 'utf8').split('\n')) {
    const m = /^#define __NR_(\w+)\s+(\d+)/.exec(line);
    if (m) rows.push({ name: m[1], nr: Number(m[2]) });
  }
  for (const line of readFileSync(join(pkg, 'syscalls', 'x86_64-newer.tsv'), 'utf8').split('\n')) {
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
      if (Number(m[2]) < 16) continue; // common_* fields and __syscall_nr
      args.push(m[1].trim().replace(/\s+\*/g, ' *'));
    }
    byName.set(ev.slice('sys_enter_'.length), args);
  }
  return byName;
}

const previous = new Map();
if (existsSync(OUT)) {
  for (const line of readFileSync(OUT, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [, name, args] = line.split('\t');
    previous.set(name, args);
  }
}
const kernel = withTracefs(argumentsFromKernel);
const header = readFileSync(OUT, 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
let out = header + '\n';
const kept = [];
for (const { nr, name } of numbers()) {
  const args = kernel.get(KERNEL_NAME[name] ?? name);
  let text;
  if (args) text = args.length ? args.join(';') : '-';
  else {
    text = previous.get(name);
    if (text === undefined) throw new Error(`${name}: the running kernel does not describe it and ${OUT} has no arguments for it`);
    kept.push(name);
  }
  out += `${nr}\t${name}\t${text}\n`;
}
writeFileSync(OUT, out);
console.error(`refresh-syscall-args: wrote ${OUT}; arguments kept from the old file for: ${kept.join(', ') || 'none'}`);
