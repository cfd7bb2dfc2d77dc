// Files and directories that hold captured data are created as privately as
// bt-record creates a trace: files mode 0600 and directories 0700, whatever the
// umask. Every writer of something derived from a trace (bt-store's database,
// bt-show -o, exports and reports) creates its output through these.
import { chmodSync, closeSync, createWriteStream, fchmodSync, fstatSync, mkdirSync, openSync, type Stats, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Mode of a file that holds captured data. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of a directory created to hold such files. */
export const PRIVATE_DIR_MODE = 0o700;

/** How openPrivateFile opens: 'w' creates or truncates, 'wx' fails with EEXIST when the file exists, 'a' appends. */
export type PrivateOpenFlags = 'w' | 'wx' | 'a';

/** A regular file not yet 0600 (devices, pipes and sockets keep their modes). */
function needsChmod(st: Stats): boolean {
  return st.isFile() && (st.mode & 0o777) !== PRIVATE_FILE_MODE;
}

/**
 * Opens `path` for writing, created mode 0600 whatever the umask; a regular file
 * that existed is set to 0600 too (it gets captured data now). A device, pipe or
 * socket (/dev/null, /dev/stdout, a FIFO) keeps its mode: that is not about what
 * is written through it. Returns the file descriptor; fs errors (ENOENT,
 * EACCES, EEXIST with 'wx', EPERM when the file belongs to someone else) are thrown
 * as fs.openSync throws them, and nothing is left open.
 */
export function openPrivateFile(path: string, flags: PrivateOpenFlags = 'w'): number {
  const fd = openSync(path, flags, PRIVATE_FILE_MODE);
  try {
    if (needsChmod(fstatSync(fd))) fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/**
 * A write stream on `path` opened by openPrivateFile (synchronously, so an error
 * is thrown here rather than emitted). Closes its fd when it ends.
 */
export function createPrivateWriteStream(path: string, flags: PrivateOpenFlags = 'w'): WriteStream {
  return createWriteStream(path, { fd: openPrivateFile(path, flags) });
}

/** Writes `data` to `path` as a whole, the file created (or set to) mode 0600 whatever the umask. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(path, 'w', PRIVATE_FILE_MODE);
  try {
    if (needsChmod(await fh.stat())) await fh.chmod(PRIVATE_FILE_MODE);
    await fh.writeFile(data);
  } finally {
    await fh.close();
  }
}

/**
 * Creates the directory `path` and its missing parents, each one it creates mode
 * 0700 whatever the umask. Directories that exist are left as they are (a file
 * inside is private by its own mode). Returns the first directory created, or
 * undefined when `path` existed.
 */
export function makePrivateDir(path: string): string | undefined {
  const first = mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return undefined;
  // mkdir applied the umask: set each created directory, from `path` up to the first one.
  const top = resolve(first);
  for (let d = resolve(path); ; d = dirname(d)) {
    chmodSync(d, PRIVATE_DIR_MODE);
    if (d === top || dirname(d) === d) break;
  }
  return first;
}
