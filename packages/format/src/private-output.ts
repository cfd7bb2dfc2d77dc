// Files and directories that hold captured data are created as privately as
// bt-record creates a trace: files mode 0600 and directories 0700, whatever the
// umask. Every writer of something derived from a trace (bt-store's database,
// bt-show -o, exports and reports) creates its output through these.
import { chmodSync, closeSync, createWriteStream, existsSync, fchmodSync, fstatSync, mkdirSync, openSync, type Stats, type WriteStream } from 'node:fs';
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
 * undefined when `path` existed. Errors are thrown as fs.mkdirSync throws them.
 */
export function makePrivateDir(path: string): string | undefined {
  // One level at a time from the deepest existing one (fs.mkdirSync's recursive mode loops forever under /proc).
  const missing: string[] = [];
  for (let d = resolve(path); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!, PRIVATE_DIR_MODE);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      continue; // made meanwhile by someone else: theirs
    }
    chmodSync(missing[i]!, PRIVATE_DIR_MODE); // mkdir applied the umask
  }
  return missing.length > 0 ? missing[missing.length - 1] : undefined;
}
