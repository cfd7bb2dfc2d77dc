// tsc does not copy .cjs files: put the generated module next to the compiled code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(pkg, 'dist', 'generated'), { recursive: true });
for (const f of ['perfetto.cjs', 'perfetto.d.cts']) {
  copyFileSync(join(pkg, 'src', 'generated', f), join(pkg, 'dist', 'generated', f));
}
