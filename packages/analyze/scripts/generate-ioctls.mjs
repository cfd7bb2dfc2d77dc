// Generates src/generated/ioctls.ts: ioctl request names by number, the way strace
// names them (all the names a number has, in strcmp order, joined with " or ":
// "SNDCTL_TMR_START or TCSETS"), taken from the kernel's uapi headers under
// /usr/include (Debian's linux-libc-dev):
//   - every `#define NAME _IO(...)`, `_IOR`, `_IOW`, `_IOWR` of every header under the
//     directories below, its value computed by compiling the header;
//   - the ioctls that are plain numbers, in the headers that define them that way, taken
//     where the number's type byte is the one the header's ioctls use (HEX below).
// The output is committed; `pnpm --filter @beetrace/analyze generate` rewrites it and CI
// checks it is unchanged.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const INC = '/usr/include';
/** Header trees scanned for _IO* definitions (x86_64's asm/ is Debian's multiarch directory). */
const TREES = ['linux', 'asm-generic', 'x86_64-linux-gnu/asm', 'sound', 'mtd', 'rdma', 'misc', 'scsi', 'drm', 'video'];
/** Headers whose ioctls are plain numbers: their type byte(s). */
const HEX = [
  ['linux/hdreg.h', /^03/], ['scsi/sg.h', /^22/], ['linux/fb.h', /^46/], ['linux/kd.h', /^4B/], ['linux/loop.h', /^4C/],
  ['linux/cdrom.h', /^53/], ['scsi/scsi.h', /^53/], ['scsi/scsi_ioctl.h', /^53/],
  ['asm-generic/ioctls.h', /^(46|54|66|74)/], ['x86_64-linux-gnu/asm/ioctls.h', /^(46|54|66|74)/], ['linux/vt.h', /^56/],
  ['asm-generic/sockios.h', /^89/], ['x86_64-linux-gnu/asm/sockios.h', /^89/], ['linux/sockios.h', /^89/], ['linux/wireless.h', /^8B/],
];
/** Tried in turn until the header compiles: what headers expect to have been included before them. */
const PRELUDES = [
  [],
  ['sys/types.h', 'linux/types.h'],
  ['sys/types.h', 'sys/time.h', 'sys/socket.h', 'linux/types.h', 'linux/posix_types.h', 'linux/ioctl.h'],
  ['sys/types.h', 'sys/time.h', 'sys/socket.h', 'netinet/in.h', 'linux/types.h', 'linux/if.h', 'linux/ioctl.h', 'stddef.h', 'stdint.h'],
  ['stdint.h', 'stddef.h', 'stdlib.h', 'sys/types.h', 'sys/time.h', 'sys/socket.h', 'linux/types.h', 'asm/termbits.h', 'linux/ioctl.h',
    'linux/if.h', 'netinet/in.h', 'linux/posix_types.h', 'linux/fs.h', 'linux/input.h'],
];

const work = mkdtempSync(join(tmpdir(), 'bt-ioctls-'));
let compiles = 0;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.h')) out.push(p);
  }
  return out;
}

/**
 * Compiles `header` (after `prelude`) with a printf of each of `names`: their values, or the
 * lines (1-based, one per name) the compiler rejected, or undefined when the header itself fails.
 */
function compile(header, names, prelude) {
  const src = join(work, 'x.c');
  const exe = join(work, 'x');
  const head = prelude.map((h) => `#include <${h}>\n`).join('') + `#include <${header}>\n#include <stdio.h>\nint main(void) {\n`;
  const first = head.split('\n').length; // the line of names[0]
  let c = head;
  for (const n of names) c += `  printf("%u\\n", (unsigned int)(${n}));\n`;
  c += '  return 0;\n}\n';
  writeFileSync(src, c);
  compiles++;
  try {
    execFileSync('cc', ['-w', '-o', exe, src], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const bad = new Set();
    for (const m of String(e.stderr).matchAll(/x\.c:(\d+):\d+: error/g)) {
      const i = Number(m[1]) - first;
      if (i < 0 || i >= names.length) return undefined; // the header, not a name
      bad.add(i);
    }
    return bad.size ? { bad } : undefined;
  }
  return { values: execFileSync(exe, { encoding: 'utf8' }).trimEnd().split('\n').map(Number) };
}

/** name -> value for the names of `header` that compile (names the compiler rejects are left out). */
function resolve(header, names, prelude, out) {
  for (let round = 0; names.length && round < 8; round++) {
    const r = compile(header, names, prelude);
    if (!r) return;
    if (r.values) { names.forEach((n, i) => out.set(n, r.values[i])); return; }
    names = names.filter((_, i) => !r.bad.has(i));
  }
}

const entries = []; // [code, name]
// strace's pattern: NAME [PREFIX]_[S]IO|IOR|IOW|IOWR|IOC(...), e.g. DRM_IOWR, _SIOR
const defineIo = /^\s*#\s*define\s+([A-Z][A-Z0-9_]*)\s+(?:[A-Z]+)?_S?(?:IO|IOW|IOR|IOWR|IOC)\s*\([^)]/;
const defineHex = /^\s*#\s*define\s+(\w+)\s+0x([0-9a-fA-F]{4})\b/;
try {
  const headers = TREES.flatMap((t) => (existsSync(join(INC, t)) ? walk(join(INC, t), []) : [])).sort();
  let failed = 0;
  for (const file of headers) {
    const header = relative(INC, file).replace(/^x86_64-linux-gnu\//, '');
    const text = readFileSync(file, 'latin1').replace(/\\\n/g, ' '); // continued lines joined
    const names = [...new Set(text.split('\n').map((l) => defineIo.exec(l)?.[1]).filter(Boolean))];
    if (names.length === 0) continue;
    // each prelude the header compiles after, until every name has its value
    const got = new Map();
    let compiled = false;
    for (const p of PRELUDES) {
      const left = names.filter((n) => !got.has(n));
      if (left.length === 0) break;
      if (!compile(header, [], p)?.values) continue;
      compiled = true;
      resolve(header, left, p, got);
    }
    if (!compiled) failed++;
    for (const [n, v] of got) entries.push([v, n]);
  }
  for (const [h, type] of HEX) {
    const file = join(INC, h);
    if (!existsSync(file)) continue;
    for (const l of readFileSync(file, 'latin1').split('\n')) {
      const m = defineHex.exec(l);
      if (m && type.test(m[2].toUpperCase())) entries.push([parseInt(m[2], 16), m[1]]);
    }
  }
  const byCode = new Map();
  for (const [v, n] of entries) {
    let s = byCode.get(v);
    if (!s) byCode.set(v, (s = new Set()));
    s.add(n);
  }
  const codes = [...byCode.keys()].sort((a, b) => a - b);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // strcmp order, as strace's ioctlsort
  let out = '// Generated by scripts/generate-ioctls.mjs from the uapi headers under /usr/include. Do not edit.\n';
  out += '/** ioctl request number -> its names as strace prints them ("SNDCTL_TMR_START or TCSETS"). */\n';
  out += 'export const ioctlNames: ReadonlyMap<number, string> = new Map([\n';
  for (const v of codes) out += `  [0x${v.toString(16)}, ${JSON.stringify([...byCode.get(v)].sort(cmp).join(' or '))}],\n`;
  out += ']);\n';
  writeFileSync(join(pkg, 'src', 'generated', 'ioctls.ts'), out);
  console.error(`generate-ioctls: ${byCode.size} request numbers, ${entries.length} names (${compiles} compiles, ${failed} headers skipped)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
