// Starting the BPF load early. Loading (maps, the verifier) runs on a native
// thread; bt-record starts it before importing the rest of its modules, and the
// Recording picks it up. Kept free of heavy imports for that reason.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { release, version } from 'node:os';
import { fileURLToPath } from 'node:url';
import { RecordError } from './errors.js';
import { binding, NativeRecorder } from './native.js';

export interface CaptureOptions {
  /** Longest string captured, bytes (default 4096). */
  readonly stringMax?: number;
  /** Longest buffer captured, bytes (default 256). */
  readonly bufferMax?: number;
  /** false: no buffer contents (strings and structs still). Default true. */
  readonly captureBuffers?: boolean;
  /** Kernel ring buffer size in bytes, a power of two >= 4096 (default 16 MiB). */
  readonly ringBytes?: number;
}

/** What the BPF programs filter (bt-record -e, --cgroup), fixed when they load. */
export interface KernelFilter {
  /** -e: per syscall number the CALL_* bits, and the STATUS_* bits kept (call-filter.ts). */
  readonly calls?: { readonly bytes: Uint8Array; readonly statusBits: number };
  /** --cgroup: processes of a watched cgroup join the traced set. */
  readonly cgroup?: boolean;
}

const BTF_PATH = process.env['BT_VMLINUX_BTF'] ?? '/sys/kernel/btf/vmlinux';

/** The capture settings with defaults, range-checked. */
export function checkCapture(o: CaptureOptions): Required<CaptureOptions> {
  const max = binding().layout['MAX_CAPTURE']!;
  const r = {
    stringMax: o.stringMax ?? 4096,
    bufferMax: o.bufferMax ?? 256,
    captureBuffers: o.captureBuffers ?? true,
    ringBytes: o.ringBytes ?? 16 << 20,
  };
  for (const k of ['stringMax', 'bufferMax'] as const) {
    if (!Number.isInteger(r[k]) || r[k] < 0 || r[k] > max - 2) throw new RecordError('USAGE', `${k} must be an integer from 0 to ${max - 2}, got ${r[k]}`);
  }
  const rb = r.ringBytes;
  if (!Number.isInteger(rb) || rb < 4096 || rb > 1 << 30 || (rb & (rb - 1)) !== 0) {
    throw new RecordError('USAGE', `ring buffer size must be a power of two from 4096 to 1073741824 bytes, got ${rb}`);
  }
  return r;
}

/**
 * The kernel types the BPF programs' CO-RE relocations use, cut from the kernel's
 * BTF at build time (scripts/write-build-data.mjs), and the kernel BTF ids of the
 * tp_btf programs' tracepoints found then: usable when this is the kernel the build
 * saw. Otherwise libbpf parses the running kernel's whole BTF (~50 ms more).
 */
function builtForThisKernel(): { coreBtf: string; tpBtfIds: Record<string, number> } | undefined {
  try {
    const built = JSON.parse(readFileSync(new URL('./core-btf.json', import.meta.url), 'utf8')) as {
      release: string; version: string; btfBytes: number; tpBtfIds: Record<string, number>;
    };
    if (built.release !== release() || built.version !== version() || built.btfBytes !== statSync(BTF_PATH).size) return undefined;
    return { coreBtf: fileURLToPath(new URL('./core.btf', import.meta.url)), tpBtfIds: built.tpBtfIds };
  } catch {
    return undefined;
  }
}

/**
 * The capture table as the build wrote it (scripts/write-build-data.mjs, from capture-table.ts):
 * bt-record starts without loading the syscall table or the modules that turn it into this.
 */
export function builtCaptureTable(): Uint8Array {
  const url = new URL('./capture-table.bin', import.meta.url);
  try {
    return readFileSync(url);
  } catch (e) {
    throw new RecordError('ADDON', `cannot read the capture table ${fileURLToPath(url)} (${(e as NodeJS.ErrnoException).code}); build it with: pnpm build`);
  }
}

/**
 * For measuring the recorder (test/src/bench/record.ts), from the environment:
 * BT_BPF_FLOOR=1 loads the syscall hooks as the floor (the process filter, nothing
 * recorded); BT_BPF_STATS=1 has the kernel count each program's runs and run time;
 * BT_BPF_RAW_TP=1 loads the syscall hooks as raw_tp programs (the fallback where the
 * kernel refuses tp_btf ones).
 */
function measuring(): { floor?: boolean; programStats?: boolean; rawTp?: boolean } {
  return {
    ...(process.env['BT_BPF_RAW_TP'] === '1' ? { rawTp: true } : {}),
    ...(process.env['BT_BPF_FLOOR'] === '1' ? { floor: true } : {}),
    ...(process.env['BT_BPF_STATS'] === '1' ? { programStats: true } : {}),
  };
}

/** Starts loading the BPF programs with these settings (on a native thread). */
export function beginLoad(capture: Required<CaptureOptions>, filter: KernelFilter = {}): NativeRecorder {
  if (!existsSync(BTF_PATH)) {
    throw new RecordError('NO_BTF', `this kernel has no BTF (${BTF_PATH} is missing); beetrace needs a kernel built with CONFIG_DEBUG_INFO_BTF=y`);
  }
  try {
    binding();
  } catch (e) {
    throw new RecordError('ADDON', (e as Error).message);
  }
  return new NativeRecorder({
    ...capture, ...builtForThisKernel(), ...measuring(),
    ...(filter.calls ? { callFilter: filter.calls.bytes, statusFilter: filter.calls.statusBits } : {}), ...(filter.cgroup ? { cgroup: true } : {}),
  });
}

let preloaded: { key: string; native: NativeRecorder } | undefined;

/** Starts the load for a Recording made later with the same settings. */
export function preload(opts: CaptureOptions, filter: KernelFilter = {}): void {
  const capture = checkCapture(opts);
  preloaded = { key: loadKey(capture, filter), native: beginLoad(capture, filter) };
}

function loadKey(capture: Required<CaptureOptions>, filter: KernelFilter): string {
  return JSON.stringify([capture, filter.calls ? [...filter.calls.bytes, filter.calls.statusBits] : null, filter.cgroup ?? false]);
}

/** The preloaded recorder, if it was made with these settings. */
export function takePreloaded(capture: Required<CaptureOptions>, filter: KernelFilter = {}): NativeRecorder | undefined {
  const p = preloaded;
  preloaded = undefined;
  if (!p) return undefined;
  if (p.key === loadKey(capture, filter)) return p.native;
  p.native.close();
  return undefined;
}
