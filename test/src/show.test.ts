// bt-show end to end: real recordings of real programs, compared with strace's
// own output of the same runs, and the CLI's contract (options, errors, exit codes).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bin, run, tempDir } from './helpers.js';
import { parity, report } from './parity/parity.js';

function record(dir: string, name: string, cmd: string[], status = 0): string {
  const trace = join(dir, `${name}.pb`);
  const r = spawnSync('setarch', ['-R', process.execPath, bin.record, '-q', '-o', trace, '--', ...cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
  assert.equal(r.status, status, `bt-record: ${r.stderr}`);
  return trace;
}

test('parity with strace on programs nobody here wrote (>= 95% of lines)', () => {
  for (const cmd of [['ls', '-l', '/usr'], ['cat', '/etc/passwd'], ['sh', '-c', 'ls /usr | wc -l'], ['head', '-n', '3', '/etc/passwd'], ['wc', '/etc/passwd']]) {
    const r = parity(cmd);
    console.log(report(r));
    assert.ok(r.ratio >= 0.95, `${cmd.join(' ')}: ${(100 * r.ratio).toFixed(1)}% of strace's lines reproduced`);
  }
});

test('bt-show prints the lines strace printed for the same run of cat', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'hello.txt');
  writeFileSync(file, 'hello\n');
  const trace = record(dir, 'cat', ['cat', file]);
  const out = run(bin.show, ['-s', '64', trace]);
  assert.equal(out.status, 0, out.stderr.toString());
  const lines = out.stdout.toString().split('\n');
  const straceOut = join(dir, 'strace.txt');
  assert.equal(spawnSync('setarch', ['-R', 'strace', '-qq', '-s', '64', '-o', straceOut, 'cat', file], { stdio: 'ignore' }).status, 0, 'strace cat');
  const expected = readFileSync(straceOut, 'utf8').split('\n');
  // The calls that touch the file are deterministic: same text, column alignment included.
  const wanted = expected.filter((l) => (l.includes('hello') && !l.startsWith('execve')) || l.startsWith('close(') || l.startsWith('exit_group'));
  assert.deepEqual(['openat', 'read', 'write', 'close', 'exit_group'].filter((n) => !wanted.some((l) => l.startsWith(`${n}(`))), [], `strace printed:\n${expected.join('\n')}`);
  for (const want of wanted) {
    assert.ok(lines.includes(want), `missing: ${want}`);
  }
  assert.ok(lines.includes(`write(1, "hello\\n", 6)                  = 6`));
});

test('-c, -e trace=, -e status=, -y, -T and --json', (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'ls', ['ls', '/nonexistent-dir', '/usr'], 2);
  const c = run(bin.show, ['-c', trace]).stdout.toString().split('\n');
  assert.match(c[0]!, /^% time +seconds +usecs\/call +calls +errors syscall$/);
  assert.match(c.find((l) => l.endsWith(' total'))!, /^100\.00 /);
  const f = run(bin.show, ['-e', 'trace=%file', trace]).stdout.toString().trim().split('\n');
  assert.ok(f.length > 3 && f.every((l) => /^(execve|access|openat|newfstatat|statx|statfs|readlink|getxattr|lgetxattr|\+\+\+)/.test(l)), f.join('\n'));
  const failed = run(bin.show, ['-e', 'status=failed', trace]).stdout.toString().trim().split('\n');
  const failedCalls = failed.filter((l) => !l.startsWith('+++'));
  assert.ok(failedCalls.length > 0 && failedCalls.every((l) => / = -1 E/.test(l)), failed.join('\n'));
  const y = run(bin.show, ['-y', trace]).stdout.toString();
  assert.match(y, /close\(3<\/etc\/ld\.so\.cache>\) += 0/);
  const tt = run(bin.show, ['-T', '-e', 'trace=close', trace]).stdout.toString().trim().split('\n');
  const closes = tt.filter((l) => l.startsWith('close'));
  assert.ok(closes.length > 0 && closes.every((l) => / <\d+\.\d{6}>$/.test(l)), tt.join('\n'));
  const json = run(bin.show, ['--json', trace]).stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const open = json.find((o) => o.type === 'syscall' && o.name === 'openat' && (o.args as string[])[1] === '"/etc/ld.so.cache"')!;
  assert.deepEqual(open.args, ['AT_FDCWD', '"/etc/ld.so.cache"', 'O_RDONLY|O_CLOEXEC']);
  assert.equal(open.ret, 3);
  assert.ok(json.some((o) => o.type === 'exited' && o.exit_code === 2));
});

test('usage errors exit 2 and name the valid choices; bad traces exit 1 after printing what was readable', (t) => {
  const dir = tempDir(t);
  let r = run(bin.show, ['-e', 'trace=%bogus', 'x.pb']);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /unknown class '%bogus' \(valid: %file %process/);
  r = run(bin.show, ['-s', 'abc', 'x.pb']);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /'abc' is not a number/);
  r = run(bin.show, ['-S', 'size', 'x.pb']);
  assert.equal(r.status, 2);
  const trace = record(dir, 'true', ['true']);
  const whole = readFileSync(trace);
  const cut = join(dir, 'cut.pb');
  writeFileSync(cut, whole.subarray(0, whole.length - 40));
  r = run(bin.show, [cut]);
  assert.equal(r.status, 1);
  assert.ok(r.stdout.toString().startsWith('execve("/usr/bin/true", ["true"]'));
  assert.equal(r.stderr.toString().trim().split('\n').length, 1);
  assert.match(r.stderr.toString(), /cut\.pb: (stopped at byte \d+|trailer missing)/);
  r = run(bin.show, ['-'], { input: readFileSync(trace) });
  assert.equal(r.status, 0);
  assert.match(r.stdout.toString(), /^execve\("\/usr\/bin\/true"/);
  r = run(bin.show, [join(dir, 'nope.pb')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr.toString(), /no such file/);
});

test('sendmsg/recvmsg print their msghdr as strace does: name, iovecs and data', (t) => {
  const dir = tempDir(t);
  const py = [
    'import socket',
    "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0))",
    'c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
    "c.sendmsg([b'ping', b'-pong'], [], 0, s.getsockname())",
    's.recvmsg(64)',
  ].join('\n');
  const argv = ['/usr/bin/python3', '-c', py];
  const trace = record(dir, 'msg', argv);
  const shown = run(bin.show, ['-s', '64', trace]).stdout.toString().split('\n');
  const straceOut = join(dir, 'strace.txt');
  spawnSync('strace', ['-f', '-qq', '-s', '64', '-e', 'trace=sendmsg,recvmsg', '-o', straceOut, '--', ...argv]);
  // Ports are ephemeral: they differ between the two runs.
  const mask = (l: string) => l.replace(/^\d+ +/, '').replace(/htons\(\d+\)/g, 'htons(P)');
  const expected = readFileSync(straceOut, 'utf8').split('\n').map(mask).filter((l) => /^(send|recv)msg\(/.test(l));
  assert.equal(expected.length, 2);
  assert.match(expected[0]!, /msg_iov=\[\{iov_base="ping", iov_len=4\}, \{iov_base="-pong", iov_len=5\}\]/);
  // recvmsg's msg_namelen is value-result: the name buffer's size at entry => the name's length
  assert.match(expected[1]!, /msg_name=\{sa_family=AF_INET, sin_port=htons\(P\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, msg_namelen=16,/);
  assert.deepEqual(shown.map(mask).filter((l) => /^(send|recv)msg\(/.test(l)), expected);
});

test('sendmsg/recvmsg: control messages (SCM_RIGHTS, SCM_CREDENTIALS, unknown ones, cut short) as strace prints them', (t) => {
  const dir = tempDir(t);
  const py = [
    'import socket, os, struct, array, ctypes',
    'a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)',
    "c = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); c.bind(b'\\0bt-show-test-c-%d' % os.getpid())",
    "d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); d.bind(b'\\0bt-show-test-d-%d' % os.getpid())",
    "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))",
    'v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
    'r, w = os.pipe()',
    'creds = struct.pack("3i", os.getpid(), os.getuid(), os.getgid())',
    "a.sendmsg([b'fd'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r, w]))])",
    'b.recvmsg(16, socket.CMSG_SPACE(8))',
    'b.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)',
    "a.sendmsg([b'cred'], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)])",
    'b.recvmsg(16, socket.CMSG_SPACE(12))',
    'b.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 0)',
    "a.sendmsg([b'two'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r])), (socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)])",
    'b.recvmsg(16, 64)',
    // no printer for the type, or an unknown level: strace 6.1 prints no cmsg_data
    "try: a.sendmsg([b'x'], [(socket.SOL_SOCKET, 77, b'\\1\\2\\3')])",
    'except OSError: pass',
    "a.sendmsg([b'y'], [(0x1234, 5, b'abcdefg')])",
    'b.recvmsg(16)',
    'try: b.recvmsg(16, 0, socket.MSG_DONTWAIT)',
    'except OSError: pass',
    "c.sendto(b'hi', d.getsockname()); d.recvmsg(16)",
    "v.sendto(b'udp', u.getsockname()); u.recvmsg(16)",
    // libc's recvmsg: without a name buffer, and with one too small for the name
    'libc = ctypes.CDLL(None, use_errno=True)',
    "class iovec(ctypes.Structure): _fields_ = [('base', ctypes.c_void_p), ('len', ctypes.c_size_t)]",
    "class msghdr(ctypes.Structure): _fields_ = [('name', ctypes.c_void_p), ('namelen', ctypes.c_uint32), ('iov', ctypes.POINTER(iovec)), ('iovlen', ctypes.c_size_t), ('control', ctypes.c_void_p), ('controllen', ctypes.c_size_t), ('flags', ctypes.c_int)]",
    'buf = ctypes.create_string_buffer(16); io = iovec(ctypes.cast(buf, ctypes.c_void_p), 16)',
    "v.sendto(b'noname', u.getsockname())",
    'libc.recvmsg(u.fileno(), ctypes.byref(msghdr(None, 0, ctypes.pointer(io), 1, None, 0, 0)), 0)',
    "small = ctypes.create_string_buffer(8); v.sendto(b'small', u.getsockname())",
    'libc.recvmsg(u.fileno(), ctypes.byref(msghdr(ctypes.cast(small, ctypes.c_void_p), 8, ctypes.pointer(io), 1, None, 0, 0)), 0)',
    // room for one fd of two: MSG_CTRUNC, the data cut at the buffer's end
    "a.sendmsg([b'fd'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r, w]))])",
    'b.recvmsg(16, socket.CMSG_LEN(4))',
  ].join('\n');
  const argv = ['/usr/bin/python3', '-c', py];
  const trace = record(dir, 'cmsg', argv);
  const shown = run(bin.show, ['-s', '64', trace]).stdout.toString().split('\n');
  const straceOut = join(dir, 'strace.txt');
  spawnSync('setarch', ['-R', 'strace', '-f', '-qq', '-s', '64', '-e', 'trace=sendmsg,recvmsg', '-o', straceOut, '--', ...argv]);
  // What differs between two runs: pids, ports, the port's bytes in a cut
  // sockaddr_in, stack addresses.
  const mask = (l: string) => l.replace(/^\d+ +/, '').replace(/pid=\d+/g, 'pid=P').replace(/htons\(\d+\)/g, 'htons(P)')
    .replace(/bt-show-test-(\w)-\d+/g, 'bt-show-test-$1-P').replace(/sa_data="[^"]*"/g, 'sa_data=S').replace(/0x7f[0-9a-f]{8,}/g, 'ADDR');
  const expected = readFileSync(straceOut, 'utf8').split('\n').map(mask).filter((l) => /^(send|recv)msg\(/.test(l));
  assert.equal(expected.length, 16, expected.join('\n'));
  const want = [
    /^sendmsg\(3, .*msg_control=\[\{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+, \d+\]\}\], msg_controllen=24,/,
    /^recvmsg\(4, \{msg_name=ADDR, msg_namelen=110 => 0, .*cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+, \d+\]\}\], msg_controllen=24, msg_flags=0\}, 0\) = 2$/,
    /cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data=\{pid=P, uid=\d+, gid=\d+\}\}\], msg_controllen=32,/,
    /cmsg_type=SCM_CREDENTIALS, cmsg_data=\{pid=P, uid=\d+, gid=\d+\}\}\], msg_controllen=32,/,
    /msg_control=\[\{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+\]\}, \{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data=\{pid=P, uid=\d+, gid=\d+\}\}\], msg_controllen=56,/,
    /msg_control=\[\{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+\]\}\], msg_controllen=24, msg_flags=0\}/,
    /msg_control=\[\{cmsg_len=19, cmsg_level=SOL_SOCKET, cmsg_type=0x4d \/\* SCM_\?\?\? \*\/\}\], msg_controllen=24,.* = -1 EINVAL/,
    /msg_control=\[\{cmsg_len=23, cmsg_level=0x1234 \/\* SOL_\?\?\? \*\/, cmsg_type=0x5\}\], msg_controllen=24,/,
    /^recvmsg\(4, \{msg_name=ADDR, msg_namelen=110 => 0, msg_iov=\[\{iov_base="y", iov_len=16\}\], msg_iovlen=1, msg_controllen=0, msg_flags=0\}, 0\) = 1$/,
    /^recvmsg\(4, \{msg_namelen=110\}, MSG_DONTWAIT\) = -1 EAGAIN/,
    /^recvmsg\(\d+, \{msg_name=\{sa_family=AF_UNIX, sun_path=@"bt-show-test-c-P"\}, msg_namelen=110 => \d+, /,
    /^recvmsg\(\d+, \{msg_name=\{sa_family=AF_INET, sin_port=htons\(P\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, msg_namelen=16, /,
    /^recvmsg\(\d+, \{msg_name=NULL, msg_namelen=0, msg_iov=\[\{iov_base="noname", /,
    /^recvmsg\(\d+, \{msg_name=\{sa_family=AF_INET, sa_data=S\}, msg_namelen=8 => 16, msg_iov=\[\{iov_base="small", /,
    /cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+, \d+\]\}\], msg_controllen=24,/,
    /msg_control=\[\{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=\[\d+\]\}\], msg_controllen=20, msg_flags=MSG_CTRUNC\}/,
  ];
  want.forEach((re, i) => assert.match(expected[i]!, re, `strace line ${i + 1}`));
  assert.deepEqual(shown.map(mask).filter((l) => /^(send|recv)msg\(/.test(l)), expected);
});
