// pnpm parity -- CMD ARGS...: how many of strace's lines bt-show reproduces for
// one run of CMD (see parity.ts for the method). --keep DIR keeps the outputs
// (strace.txt, show.txt, trace.pb, missing.txt) for a look at the differences.
import { parity, report } from './parity.js';

function main(): number {
  const argv = process.argv.slice(2);
  let keep: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (a === '--keep') { keep = argv[++i]; continue; }
    if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: pnpm parity -- [--keep DIR] CMD [ARGS...]\n\n'
        + 'Exit status: 0 with a report; 1 when a tool failed or strace or bt-show printed no syscall line\n'
        + '(nothing to compare); 2 for a usage error.\n\n'
        + 'EXAMPLES\n  pnpm parity -- ls -l /\n  pnpm parity -- --keep /tmp/p sh -c "ls | wc -l"\n');
      return 0;
    }
    break;
  }
  const command = argv.slice(i);
  if (command.length === 0) {
    process.stderr.write('parity: no command given\nFor help: pnpm parity -- --help\n');
    return 2;
  }
  try {
    const r = parity(command, keep !== undefined ? { keep } : {});
    console.log(report(r));
    if (keep) console.log(`  outputs kept in ${keep}`);
    return 0;
  } catch (e) {
    process.stderr.write(`parity: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main();
