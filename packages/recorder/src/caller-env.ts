// The environment bt-record's caller gave it, for the program it starts.
//
// bt-record's bins are started directly (a global npm install and the workspace link
// them as symlinks: no shell script in between), so its own environment is the caller's.
// A package manager's exec is the exception: `npx`, `npm exec` and `pnpm exec` start the
// bin with their own additions (npm_* variables, their bin folders on PATH, NODE_PATH,
// and, for npm, PWD from the `sh -c` it runs the bin with). They mark it with
// npm_command=exec. The caller's own environment is the one the package manager's process
// was started with, which the kernel keeps in /proc/PID/environ.
import { readFileSync } from 'node:fs';

/** Shells a package manager runs a bin through (npm's `sh -c`, or its script-shell). */
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ksh', 'mksh']);

function proc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number {
  const stat = proc(pid, 'stat') ?? '';
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? 0);
}

/** A process's environment as it was started, in order. */
function environOf(pid: number): NodeJS.ProcessEnv | undefined {
  const raw = proc(pid, 'environ');
  if (raw === undefined) return undefined;
  const env: NodeJS.ProcessEnv = {};
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=', 1);
    if (eq > 0 && !(entry.slice(0, eq) in env)) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Variables a shell sets for itself (and exports) when it starts. */
const SHELL_VARIABLES = new Set(['PWD', 'OLDPWD', 'SHLVL', '_']);

/** a and b hold the same variables with the same values, apart from what a shell sets. */
function sameButShellVariables(a: NodeJS.ProcessEnv, b: NodeJS.ProcessEnv): boolean {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const [name, value] of Object.entries(x)) if (!SHELL_VARIABLES.has(name) && y[name] !== value) return false;
  }
  return true;
}

/**
 * `env` itself, unless a package manager's exec started this process: then the
 * environment that package manager was started with. `env` is kept as is when that
 * process cannot be read, or when `env` is not what it made: a shell between them that
 * changed more than its own variables (`npx -c 'FOO=1 bt-record ...'`: the caller's
 * FOO stays), or variables of the package manager's own environment missing (package
 * managers add and change variables, they remove none).
 */
export function callerEnvironment(env: NodeJS.ProcessEnv = process.env, parent: number = process.ppid): NodeJS.ProcessEnv {
  if (env['npm_command'] !== 'exec') return env;
  let pid = parent;
  let made = env; // what the package manager started the bin (or the shell running it) with
  if (SHELLS.has((proc(pid, 'comm') ?? '').trim())) {
    const shell = environOf(pid);
    if (!shell || !sameButShellVariables(shell, env)) return env;
    made = shell;
    pid = parentOf(pid);
  }
  const launcher = pid > 1 ? environOf(pid) : undefined;
  if (!launcher || launcher['npm_command'] === 'exec') return env;
  for (const name of Object.keys(launcher)) if (!(name in made)) return env;
  return launcher;
}
