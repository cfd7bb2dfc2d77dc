// --json: one object per event and line. The schema is in the package README.
import type { DecodedEvent } from '../decode/decode.js';
import type { ThreadModel } from '../decode/model.js';

/** A thread in a pid namespace of its own: its pid and tid there (what it saw; bt-show --pidns). */
function nsIds(t: ThreadModel): { ns_pid?: number; ns_tid?: number } {
  const p = t.proc;
  if (p.pidnsLevel === 0) return {};
  return { ...(p.nsPid !== undefined ? { ns_pid: p.nsPid } : {}), ...(t.nsTid !== undefined ? { ns_tid: t.nsTid } : {}) };
}

export function toJson(ev: DecodedEvent): string {
  if (ev.kind === 'syscall') {
    const text = JSON.stringify({
      type: 'syscall',
      pid: ev.pid,
      tid: ev.tid,
      ...nsIds(ev.thread),
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
    // A return value beyond 2^53 as its exact digits (JSON numbers have any precision; JSON.stringify
    // has no bigint). The key is the only `"ret":` outside a string: inside one the quotes are escaped.
    if (ev.exactRet === undefined || ev.unfinished) return text;
    return text.replace(`"ret":${JSON.stringify(ev.ret)},`, `"ret":${ev.exactRet},`);
  }
  return JSON.stringify({
    type: ev.kind,
    pid: ev.pid,
    tid: ev.tid,
    ...nsIds(ev.task),
    ns: ev.ns,
    ...(ev.signal !== undefined ? { signal: ev.signal } : {}),
    ...(ev.exitCode !== undefined ? { exit_code: ev.exitCode } : {}),
    ...(ev.kind === 'fork' ? { parent_pid: ev.parentPid, thread: ev.thread } : {}),
    ...(ev.kind === 'exec' ? { filename: ev.filename } : {}),
    ...(ev.line !== undefined ? { line: ev.line } : {}),
  });
}
