import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globToRegExp } from './glob.js';

test('globs: ** crosses directories, * and ? stay within one, {a,b} alternatives', () => {
  const m = (g: string, p: string): boolean => globToRegExp(g).test(p);
  assert.ok(m('/tmp/**', '/tmp/a/b/c'));
  assert.ok(m('/tmp/**', '/tmp'));
  assert.ok(!m('/tmp/**', '/tmpx/a'));
  assert.ok(m('*.log', 'build.log'));
  assert.ok(!m('*.log', 'out/build.log'));
  assert.ok(m('**/*.log', 'out/build.log'));
  assert.ok(m('a/**/b', 'a/b'));
  assert.ok(m('a/**/b', 'a/x/y/b'));
  assert.ok(m('data/{extra,missing}', 'data/missing'));
  assert.ok(!m('data/{extra,missing}', 'data/config'));
  assert.ok(m('file?.txt', 'file1.txt'));
  assert.ok(!m('file?.txt', 'file/.txt'));
  assert.ok(m('/a+b(c).txt', '/a+b(c).txt'), 'regex characters are literal');
});
