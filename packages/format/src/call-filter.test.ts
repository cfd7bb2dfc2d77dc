import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesState, FilterSyntaxError, parseStatusSet, parseTraceSet, stateCaptures, syscallTable, traceSetHas } from './index.js';

const table = syscallTable('x86_64')!;
const has = (spec: string, name: string) => traceSetHas(parseTraceSet(spec, table), name, table.byName.get(name)?.classes ?? []);

test('-e trace=SET: names, %classes, all, none and !SET, as strace reads them', () => {
  assert.equal(has('openat,read', 'read'), true);
  assert.equal(has('openat,read', 'write'), false);
  assert.equal(has('%file', 'openat'), true);
  assert.equal(has('%file', 'read'), false);
  assert.equal(has('%%stat', 'fstat'), true);
  assert.equal(has('!%file', 'read'), true);
  assert.equal(has('!%file', 'openat'), false);
  assert.equal(has('all', 'read'), true);
  assert.equal(has('none', 'read'), false);
  assert.equal(has('!all', 'read'), false);
  assert.throws(() => parseTraceSet('opnat', table), new FilterSyntaxError("-e trace: unknown syscall 'opnat' (a syscall name, %class, all or none)"));
  assert.throws(() => parseTraceSet('%files', table), /^Error: -e trace: unknown class '%files' \(valid: %file /);
});

test('-e status=SET: strace\'s five statuses, all, none and !SET', () => {
  assert.deepEqual([...parseStatusSet('failed,unfinished')], ['failed', 'unfinished']);
  assert.deepEqual([...parseStatusSet('!failed')], ['successful', 'unfinished', 'unavailable', 'detached']);
  assert.deepEqual([...parseStatusSet('none')], []);
  assert.throws(() => parseStatusSet('failure'), /unknown status 'failure' \(valid: successful, failed, unfinished, unavailable, detached, all, none\)/);
});

test('the calls a filtered trace keeps for its state, and their captures, come from the table\'s columns', () => {
  const state = [...table.byName.values()].filter(changesState).map((s) => s.name);
  for (const name of ['openat', 'close', 'dup2', 'pipe2', 'socket', 'accept4', 'connect', 'chdir', 'fchdir', 'execve', 'clone', 'fcntl', 'close_range']) {
    assert.ok(state.includes(name), name);
  }
  for (const name of ['read', 'write', 'mmap', 'newfstatat', 'exit_group', 'wait4', 'futex']) assert.ok(!state.includes(name), name);
  const caps = (name: string) => stateCaptures(table.byName.get(name)!).map((c) => `${c.arg}:${c.kind}`);
  assert.deepEqual(caps('openat'), ['1:string']);
  assert.deepEqual(caps('read'), []);
  assert.deepEqual(caps('sendto'), [], 'no state');
  assert.deepEqual(caps('connect'), ['1:buffer']);
  assert.deepEqual(caps('execve'), ['0:string', '1:strings']);
  assert.deepEqual(caps('clone3'), ['0:buffer']);
});
