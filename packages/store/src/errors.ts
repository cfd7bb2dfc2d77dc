// The store's exit codes and its one-line error (a module of its own: a command's first
// module loads it without SQLite or the format package).
/** Exit codes of bt-store and bt-query. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** A failure to report as one line: `code` names it, `exit` is the process exit code. */
export class StoreError extends Error {
  constructor(readonly code: string, message: string, readonly exit: number = EXIT.FAILURE) {
    super(message);
    this.name = 'StoreError';
  }
}
