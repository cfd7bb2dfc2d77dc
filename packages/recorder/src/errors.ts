// Failures a user can cause, each with a code the CLI maps to one line and an exit status.
export type RecordErrorCode =
  | 'NOT_FOUND'       // the program does not exist (exit 127)
  | 'NOT_EXECUTABLE'  // it exists but cannot be executed (exit 126)
  | 'NOT_PERMITTED'   // not root / no CAP_BPF
  | 'NO_BTF'          // the kernel has no BTF
  | 'NO_SUCH_PROCESS' // -p on a pid that does not exist
  | 'NO_SUCH_CGROUP'  // --cgroup: no such directory, or not cgroup v2 (or no v2 hierarchy mounted)
  | 'NO_SUCH_CONTAINER' // --container: no cgroup of that container, or the id prefix names several
  | 'OUTPUT'          // the trace cannot be written (path not writable, disk full...)
  | 'SPAWN'           // the program could not be started (no process could be made, its cwd cannot be entered)
  | 'BPF'             // the BPF programs failed to load or attach for another reason
  | 'ADDON'           // the native addon is missing
  | 'USAGE';          // bad options

export class RecordError extends Error {
  /** The system error behind it (EPIPE, ENOSPC...), when there is one. */
  readonly errno: string | undefined;
  constructor(readonly code: RecordErrorCode, message: string, errno?: string) {
    super(message);
    this.name = 'RecordError';
    this.errno = errno;
  }
}
