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
// - dist/build-info.json: the build id of the BPF object the addon embeds (the sha256
//   of bpf/.output/beetrace.bpf.o), for bt-record --version.
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
const kernel = { release: release(), version: version(), btfBytes: statSync('/sys/kernel/btf/vmlinux').size };
writeFileSync(dist('core-btf.json'), `${JSON.stringify(kernel)}\n`);
const bpfObject = createHash('sha256').update(readFileSync(new URL('../../../bpf/.output/beetrace.bpf.o', import.meta.url))).digest('hex');
writeFileSync(dist('build-info.json'), `${JSON.stringify({ bpfObjectSha256: bpfObject })}\n`);
