// Build step: what bt-record reads at start-up, prepared once here.
// - dist/capture-table.bin: the table the BPF programs read (one row per syscall
//   number, from the syscall table's capture column and the addon's layout of
//   beetrace.h), so that bt-record does not load the syscall table on every start.
// - dist/filter-table.json: per syscall number below the capture table's bound, its name,
//   classes and whether it changes the trace's state (changesState), which is all that
//   bt-record -e needs of the syscall table (call-filter.ts), again without loading it.
// - dist/core.btf and dist/core-btf.json: the kernel types the BPF programs' CO-RE
//   relocations use (bpf/Makefile cuts them from this kernel's BTF) and which kernel
//   they came from; on that same kernel, loading skips parsing its whole BTF.
//   core-btf.json also holds the kernel BTF ids of the tracepoints the object's tp_btf
//   programs attach to (btf_trace_NAME), which libbpf would otherwise look up in the
//   kernel's whole BTF.
// - dist/build-info.json: the build id of the BPF object the addon embeds (the sha256
//   of bpf/.output/beetrace.bpf.o), for bt-record --version.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { release, version } from 'node:os';
import { changesState, syscallName, syscallTable } from '@beetrace/format';
import { captureTable } from '../dist/capture-table.js';
import { binding } from '../dist/native.js';

const dist = (name) => new URL(`../dist/${name}`, import.meta.url);
const table = syscallTable('x86_64');
writeFileSync(dist('capture-table.bin'), captureTable(table, binding().layout));
const filterRows = Array.from({ length: binding().layout.MAX_NR }, (_, nr) => {
  const info = table.byNr.get(nr);
  return [syscallName(table, nr), info?.classes ?? [], info !== undefined && changesState(info), info !== undefined];
});
writeFileSync(dist('filter-table.json'), `${JSON.stringify(filterRows)}\n`);
copyFileSync(new URL('../../../bpf/.output/beetrace.core.btf', import.meta.url), dist('core.btf'));
const bpfObjectBytes = readFileSync(new URL('../../../bpf/.output/beetrace.bpf.o', import.meta.url));
const tracepoints = [...new Set([...bpfObjectBytes.toString('latin1').matchAll(/tp_btf\/(\w+)/g)].map((m) => m[1]))];
const types = execFileSync('bpftool', ['btf', 'dump', 'file', '/sys/kernel/btf/vmlinux'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const tpBtfIds = Object.fromEntries(tracepoints.map((name) => {
  const m = new RegExp(`^\\[(\\d+)\\] TYPEDEF 'btf_trace_${name}'`, 'm').exec(types);
  if (!m) throw new Error(`write-build-data: no btf_trace_${name} in this kernel's BTF`);
  return [name, Number(m[1])];
}));
const kernel = { release: release(), version: version(), btfBytes: statSync('/sys/kernel/btf/vmlinux').size, tpBtfIds };
writeFileSync(dist('core-btf.json'), `${JSON.stringify(kernel)}\n`);
const bpfObject = createHash('sha256').update(bpfObjectBytes).digest('hex');
writeFileSync(dist('build-info.json'), `${JSON.stringify({ bpfObjectSha256: bpfObject })}\n`);
