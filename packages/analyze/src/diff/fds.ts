// A process's fd table as the diff sees it: each fd created in the trace gets a label,
// the lowest number not held by another labelled fd (0, 1 and 2 start held, as stdio).
// Fds the process inherited beyond stdio hold no label, so a leaked fd in one run's
// environment does not shift every later number. Each entry also remembers its path.

export interface FdEntry {
  readonly label: number;
  cloexec: boolean;
  /** The path it was opened on (absolute when known), for --ignore-paths and the summary. */
  readonly path: string | undefined;
}

export class FdTable {
  private readonly byRaw = new Map<number, FdEntry>();
  private readonly used = new Set<number>();

  static stdio(): FdTable {
    const t = new FdTable();
    for (let fd = 0; fd < 3; fd++) {
      t.byRaw.set(fd, { label: fd, cloexec: false, path: undefined });
      t.used.add(fd);
    }
    return t;
  }

  /** A copy for a forked child. */
  clone(): FdTable {
    const t = new FdTable();
    for (const [raw, e] of this.byRaw) {
      t.byRaw.set(raw, { ...e });
      t.used.add(e.label);
    }
    return t;
  }

  get(raw: number): FdEntry | undefined {
    return this.byRaw.get(raw);
  }

  /** The label of `raw`, or the raw number for an fd the trace never saw created. */
  label(raw: number): number {
    return this.byRaw.get(raw)?.label ?? raw;
  }

  /** Records a new fd: `explicit` when the caller chose its number (dup2, dup3). */
  create(raw: number, cloexec: boolean, path: string | undefined, explicit = false, min = 0): number {
    this.close(raw);
    let label = explicit ? raw : min;
    if (!explicit) while (this.used.has(label)) label++;
    this.byRaw.set(raw, { label, cloexec, path });
    this.used.add(label);
    return label;
  }

  close(raw: number): void {
    const e = this.byRaw.get(raw);
    if (!e) return;
    this.byRaw.delete(raw);
    // Another raw fd may share the label only after an explicit dup2 onto a taken number.
    for (const other of this.byRaw.values()) if (other.label === e.label) return;
    this.used.delete(e.label);
  }

  closeRange(first: number, last: number): void {
    for (const raw of [...this.byRaw.keys()]) if (raw >= first && raw <= last) this.close(raw);
  }

  /** execve: close-on-exec fds go away. */
  exec(): void {
    for (const [raw, e] of [...this.byRaw]) if (e.cloexec) this.close(raw);
  }
}
