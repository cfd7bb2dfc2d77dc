// One class per syscall for colouring and categories: the first of the
// syscall's strace classes (from the syscall table) in this order, so a
// socket read is `network` rather than `desc` and a stat is `file`.
import type { SyscallClass } from '@beetrace/format';

export const CLASS_ORDER = ['network', 'process', 'signal', 'ipc', 'memory', 'file', 'desc', 'creds', 'clock'] as const;
export type MainClass = (typeof CLASS_ORDER)[number] | 'other';
/** Every main class, `other` last (the report's legend order). */
export const MAIN_CLASSES: readonly MainClass[] = [...CLASS_ORDER, 'other'];

const cache = new WeakMap<readonly SyscallClass[], MainClass>();

export function mainClass(classes: readonly SyscallClass[]): MainClass {
  let c = cache.get(classes);
  if (c === undefined) {
    c = CLASS_ORDER.find((k) => classes.includes(k)) ?? (classes.some((k) => k.includes('stat')) ? 'file' : 'other');
    cache.set(classes, c);
  }
  return c;
}
