// A process's fd table as the diff sees it: each fd created in the trace gets a label,
// the lowest number not held by another labelled fd (0, 1 and 2 start held, as stdio).
// Fds the process inherited beyond stdio hold no label, so a leaked fd in one run's
// environment does not shift every later number. Each entry also remembers its path.

export interface FdEntry {
  /** A number, or in a multi-threaded process "#2": the second fd the creating thread made (fd numbers race between threads). */
  readonly label: number | string;
  cloexec: boolean;
  /** The path it was opened on (absolute when known), for --ignore-paths and the summary. */
  readonly path: string | undefined;
}

export class FdTable {
  private readonly byRaw = new Map<number, FdEntry>();
  private readonly used = new Set<number | string>();

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
  label(raw: number): number | string {
    return this.byRaw.get(raw)?.label ?? raw;
  }

  /** The label `create(raw)` would give now. */
  peekLabel(raw: number, min = 0, tag?: string): number | string {
    if (tag !== undefined) return tag;
    let label = min;
    const own = this.byRaw.get(raw)?.label;
    while (this.used.has(label) && label !== own) label++;
    return label;
  }

  /** Records a new fd: `explicit` when the caller chose its number (dup2, dup3). */
  create(raw: number, cloexec: boolean, path: string | undefined, explicit = false, min = 0, tag?: string): number | string {
    this.close(raw);
    let label: number | string = explicit ? raw : min;
    if (tag !== undefined && !explicit) label = tag;
    else if (!explicit) while (this.used.has(label)) label++;
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
