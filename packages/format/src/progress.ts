// A live progress line on stderr for commands that read a whole trace (bt-store add,
// bt-diff, bt-show -c, exports): done/total, rate, time left. Shown only on a terminal,
// never under CI, and only once the work has taken a second; cleared when done, so
// nothing of it stays in a log.
import { isatty } from 'node:tty';

/** Where a reader reports how far it is: bytes of the trace read so far, of `total` (undefined: a pipe), and calls. */
export interface Progress {
  update(bytes: number, total: number | undefined, calls: number): void;
  done(): void;
}

const MiB = 1 << 20;

function seconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** The live line: `bt-store add: 212/850 MiB (25%), 530,113 calls/s, 9 s left`. */
export class ProgressLine implements Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = 0;

  constructor(private readonly label: string, private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = stream === process.stderr && isatty(2) && !process.env['CI']) {}

  /** A ProgressLine when stderr is a terminal, else undefined (callers pass it on as an option). */
  static forTerminal(label: string): ProgressLine | undefined {
    const p = new ProgressLine(label);
    return p.enabled ? p : undefined;
  }

  update(bytes: number, total: number | undefined, calls: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    const elapsed = (now - this.start) / 1000;
    if (elapsed < 1 || now - this.last < 250) return;
    this.last = now;
    const rate = Math.round(calls / elapsed).toLocaleString('en-US');
    let text = `${this.label}: `;
    if (total !== undefined && total > 0) {
      const frac = Math.min(1, bytes / total);
      text += `${Math.round(bytes / MiB)}/${Math.round(total / MiB)} MiB (${Math.floor(frac * 100)}%), ${rate} calls/s`;
      if (frac > 0.01) text += `, ${seconds((elapsed / frac) * (1 - frac))} left`;
    } else {
      text += `${Math.round(bytes / MiB)} MiB, ${rate} calls/s`;
    }
    this.write(`\r${text}${' '.repeat(Math.max(0, this.shown - text.length))}`);
    this.shown = text.length;
  }

  done(): void {
    if (this.shown > 0) this.write(`\r${' '.repeat(this.shown + 1)}\r`);
    this.shown = 0;
  }

  private write(s: string): void {
    try {
      this.stream.write(s);
    } catch {
      // a closed terminal: the line is cosmetic
    }
  }
}
