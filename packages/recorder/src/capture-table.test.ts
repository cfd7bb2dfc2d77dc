// The capture table bt-record loads is the one the syscall table gives (the build wrote it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syscallTable } from '@beetrace/format';
import { builtCaptureTable, captureTable } from './capture-table.js';
import { binding } from './native.js';

test('the capture table written at build time is the syscall table\'s', () => {
  const layout = binding().layout;
  const expected = captureTable(syscallTable('x86_64')!, layout);
  assert.equal(expected.length, layout['MAX_NR']! * layout['spec_size']!);
  assert.deepEqual(Buffer.from(builtCaptureTable()), Buffer.from(expected));
  // read(fd, buf, count): the buffer (argument 1) is captured at exit, sized by the return value.
  const readRow = expected.subarray(0, layout['spec_size']!);
  assert.equal(readRow[layout['slot_size']!], 3 /* BT_CK_BUF_RET */);
});
