// Finds the program to run the way execvp would (and strace does, before it starts
// anything): a name with a slash is a path, any other is looked up in PATH.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { RecordError } from './errors.js';

function isExecutableFile(p: string): 'ok' | 'missing' | 'noexec' {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 'missing';
  }
  if (!st.isFile()) return 'noexec';
  try {
    accessSync(p, constants.X_OK);
    return 'ok';
  } catch {
    return 'noexec';
  }
}

export function resolveProgram(name: string, cwd: string, pathEnv: string | undefined): string {
  if (name.includes('/')) {
    const p = resolve(cwd, name);
    const r = isExecutableFile(p);
    if (r === 'missing') throw new RecordError('NOT_FOUND', `Can't stat '${name}': No such file or directory`);
    if (r === 'noexec') throw new RecordError('NOT_EXECUTABLE', `Can't execute '${name}': Permission denied`);
    return p;
  }
  let sawNoexec = false;
  for (const dir of (pathEnv ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)) {
    const p = resolve(cwd, join(dir || '.', name));
    const r = isExecutableFile(p);
    if (r === 'ok') return p;
    if (r === 'noexec') sawNoexec = true;
  }
  if (sawNoexec) throw new RecordError('NOT_EXECUTABLE', `Can't execute '${name}': Permission denied`);
  throw new RecordError('NOT_FOUND', `Can't stat '${name}': No such file or directory`);
}
