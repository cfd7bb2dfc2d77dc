// Shared by the benchmark modules: what run.ts hands each one, and what each returns.
// Every figure is measured in the same run and printed side by side (pnpm bench).
import { readFileSync } from 'node:fs';

export interface BenchContext {
  /** A scratch directory, removed after the run. */
  readonly dir: string;
  /** A trace of the syscall storm: 1,000,000 one-byte reads of /dev/zero, recorded by bt-record. */
  readonly stormTrace: string;
  /** Syscalls in stormTrace (as its trailer counts them). */
  readonly stormSyscalls: number;
  /** The storm fixture: `storm N [SIG]` reads /dev/zero N times (then kills itself with SIG). */
  readonly storm: string;
  /** Absolute paths of the CLI entry points (run with process.execPath). */
  readonly bin: {
    readonly record: string; readonly show: string; readonly store: string; readonly query: string; readonly diff: string;
    readonly export: string; readonly report: string;
  };
}

export interface BenchRow {
  /** What was measured, e.g. "bt-show, 1M-syscall trace to /dev/null". */
  readonly what: string;
  /** The figure, with its unit, e.g. "612,000 lines/s" or "3.4x untraced". */
  readonly value: string;
  /** The target from the issue, e.g. ">= 500,000 lines/s"; empty when there is none. */
  readonly target: string;
  /** Whether the target was met; undefined when there is no target. */
  readonly ok?: boolean;
  /** How it was measured, one line. */
  readonly how?: string;
}

export type BenchModule = (ctx: BenchContext) => Promise<BenchRow[]>;

/**
 * Whether something besides this bench used the CPUs while it measured. The load average
 * cannot say: the bench's own runs keep it near 1 (the record bench's make -j2 lifts it to 2
 * for the minute after), idle machine or not. So the CPU time the machine spent (/proc/stat: user,
 * nice, system, irq, softirq, steal, over all CPUs) is compared with the CPU time of this
 * process and every child it waited for (/proc/self/stat: utime, stime, cutime, cstime;
 * a child's own waited-for children are in its times). The rest is other processes, kernel
 * threads and the hypervisor's steal: as a share of one CPU over the wall time.
 */
export class OtherCpu {
  private readonly t0 = process.hrtime.bigint();
  private readonly machine0 = OtherCpu.machineTicks();
  private readonly own0 = OtherCpu.ownTicks();

  /** Ticks (USER_HZ) the CPUs were busy, over all of them. */
  static machineTicks(): number {
    const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + (f[7] ?? 0);
  }

  /** Ticks of this process and the children it has waited for. */
  static ownTicks(): number {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // fields 14-17 of proc(5) (utime stime cutime cstime) are 11-14 after the command name
    return f[11]! + f[12]! + f[13]! + f[14]!;
  }

  /** Other processes' CPU since this was made, as a share of one CPU (0.05 = 5%). */
  share(): number {
    const wall = Number(process.hrtime.bigint() - this.t0) / 1e9;
    const others = (OtherCpu.machineTicks() - this.machine0) - (OtherCpu.ownTicks() - this.own0);
    return wall > 0 ? Math.max(0, others) / 100 / wall : 0;
  }
}

/** Above this share of one CPU used by others during a workload, its ratios do not mean much. */
export const BUSY_SHARE = 0.2;
export const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;
