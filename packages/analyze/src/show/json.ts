// --json: one object per event and line. The schema is in the package README.
import type { DecodedEvent } from '../decode/decode.js';

export function toJson(ev: DecodedEvent): string {
  if (ev.kind === 'syscall') {
    return JSON.stringify({
      type: 'syscall',
      pid: ev.pid,
      tid: ev.tid,
      enter_ns: ev.enterNs,
      exit_ns: ev.exitNs,
      name: ev.name,
      nr: ev.nr,
      classes: ev.classes,
      args: ev.args,
      ret: ev.unfinished ? null : ev.ret,
      ret_text: ev.retText,
      errno: ev.errno ?? null,
      unfinished: ev.unfinished,
      ...(ev.stateOnly ? { state_only: true } : {}),
      line: ev.line,
    });
  }
  return JSON.stringify({
    type: ev.kind,
    pid: ev.pid,
    tid: ev.tid,
    ns: ev.ns,
    ...(ev.signal !== undefined ? { signal: ev.signal } : {}),
    ...(ev.exitCode !== undefined ? { exit_code: ev.exitCode } : {}),
    ...(ev.kind === 'fork' ? { parent_pid: ev.parentPid, thread: ev.thread } : {}),
    ...(ev.kind === 'exec' ? { filename: ev.filename } : {}),
    ...(ev.line !== undefined ? { line: ev.line } : {}),
  });
}
