// The one line a tool prints when a trace could not be read to its end
// (bt-show, bt-export, bt-report).
import type { TraceProblem } from '@beetrace/format';

export function problemLine(tool: string, where: string, problem: TraceProblem): string {
  if (problem.code === 'NO_TRAILER') return `${tool}: ${where}: ${problem.message} (${problem.offset} bytes read)`;
  if (problem.code === 'NEWER_VERSION' || problem.code === 'NOT_A_TRACE') return `${tool}: ${where}: ${problem.message}`;
  return `${tool}: ${where}: stopped at byte ${problem.offset}: ${problem.message}`;
}
