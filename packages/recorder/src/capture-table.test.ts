// The capture table the build wrote (dist/capture-table.bin), read against facts
// stated here independently of the code that writes it: the binary layout as
// bpf/beetrace.h declares it, and what to capture for a handful of syscalls, written
// out by hand from their kernel signatures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { builtCaptureTable } from './native-loader.js';
import { binding } from './native.js';

const header = readFileSync(new URL('../../../bpf/beetrace.h', import.meta.url), 'utf8');
/** A #define of beetrace.h with a plain number. */
function define(name: string): number {
  const m = new RegExp(`^#define ${name} (0x[0-9a-f]+|\\d+)\\b`, 'm').exec(header);
  assert.ok(m, `beetrace.h defines ${name}`);
  return Number(m[1]);
}
/** enum bt_capture_kind, by name without its BT_CK_ prefix. */
const kinds = new Map<string, number>();
for (const m of /enum bt_capture_kind \{([^}]*)\}/.exec(header)![1]!.matchAll(/BT_CK_(\w+) = (\d+)/g)) kinds.set(m[1]!, Number(m[2]));
const kindName = new Map([...kinds].map(([k, v]) => [v, k]));

const NARGS = define('BT_NARGS');
const MAX_NR = define('BT_MAX_NR');
const ALSO_AT_ENTRY = define('BT_CK_ALSO_AT_ENTRY');
const DATA = define('BT_CK_DATA');
const AT_ENTRY = define('BT_SPEC_AT_ENTRY');
const ENTRY_SLOTS = define('BT_SPEC_ENTRY_SLOTS');
const FD_RET = define('BT_SPEC_FD_RET');
const FD_PAIR = define('BT_SPEC_FD_PAIR');
const FD_ARG = define('BT_SPEC_FD_ARG');
const FDS_ARG_SHIFT = define('BT_SPEC_FDS_ARG_SHIFT');
// The layout those declarations give on x86_64: a slot is 4 bytes (kind, size_arg, then
// bytes as a little-endian u16); a row is NARGS slots, the u32 flags, then four bytes:
// exit_first, exit_end (the arguments captured at exit), nargs, padding.
const SLOT = 4;
const FLAGS_AT = NARGS * SLOT;
const EXIT_FIRST_AT = FLAGS_AT + 4;
const ROW = FLAGS_AT + 8;

test('beetrace.h declares the layout this test reads, and the addon was built from it', () => {
  const decl = (struct: string): string => new RegExp(`struct ${struct} \\{([^}]*)\\}`).exec(header)![1]!.replace(/\/\*.*?\*\//g, '').replace(/\s+/g, ' ').trim();
  assert.equal(decl('bt_capture_slot'), '__u8 kind; __u8 size_arg; __u16 bytes;');
  assert.equal(decl('bt_syscall_spec'), 'struct bt_capture_slot slot[BT_NARGS]; __u32 flags; __u8 exit_first; __u8 exit_end; __u8 nargs; __u8 pad;');
  assert.equal(NARGS, 6);
  const layout = binding().layout;
  assert.deepEqual(
    { slot_size: layout['slot_size'], spec_size: layout['spec_size'], spec_flags: layout['spec_flags'], spec_exit_first: layout['spec_exit_first'], spec_exit_end: layout['spec_exit_end'], spec_nargs: layout['spec_nargs'], MAX_NR: layout['MAX_NR'], SPEC_AT_ENTRY: layout['SPEC_AT_ENTRY'], SPEC_ENTRY_SLOTS: layout['SPEC_ENTRY_SLOTS'], CK_ALSO_AT_ENTRY: layout['CK_ALSO_AT_ENTRY'], CK_DATA: layout['CK_DATA'] },
    { slot_size: SLOT, spec_size: ROW, spec_flags: FLAGS_AT, spec_exit_first: EXIT_FIRST_AT, spec_exit_end: EXIT_FIRST_AT + 1, spec_nargs: EXIT_FIRST_AT + 2, MAX_NR, SPEC_AT_ENTRY: AT_ENTRY, SPEC_ENTRY_SLOTS: ENTRY_SLOTS, CK_ALSO_AT_ENTRY: ALSO_AT_ENTRY, CK_DATA: DATA },
  );
});

/** One captured argument: [argument, kind, size_arg, bytes, also at entry, its bytes (or the buffers it points to) are captured data]. */
type Slot = [arg: number, kind: string, sizeArg: number, bytes: number, alsoAtEntry: boolean, data: boolean];

/** What a row says beyond its slots: the arguments captured at exit, [first, end), and how many arguments the call takes. */
interface RowRest { exit: [number, number]; nargs: number }

function row(table: Uint8Array, nr: number): { slots: Slot[]; flags: string[] } & RowRest {
  const view = new DataView(table.buffer, table.byteOffset + nr * ROW, ROW);
  const slots: Slot[] = [];
  for (let arg = 0; arg < NARGS; arg++) {
    const k = view.getUint8(arg * SLOT);
    if (k === 0) continue;
    slots.push([arg, kindName.get(k & ~(ALSO_AT_ENTRY | DATA)) ?? `?${k}`, view.getUint8(arg * SLOT + 1), view.getUint16(arg * SLOT + 2, true), (k & ALSO_AT_ENTRY) !== 0, (k & DATA) !== 0]);
  }
  const f = view.getUint32(FLAGS_AT, true);
  const fdsArg = (f >> FDS_ARG_SHIFT) & 7;
  const rest = f & ~(AT_ENTRY | ENTRY_SLOTS | FD_RET | FD_PAIR | FD_ARG | (7 << FDS_ARG_SHIFT));
  const flags = [...(f & AT_ENTRY ? ['AT_ENTRY'] : []), ...(f & ENTRY_SLOTS ? ['ENTRY_SLOTS'] : []), ...(f & FD_RET ? ['FD_RET'] : []),
    ...(f & FD_PAIR ? [`FD_PAIR(${fdsArg})`] : f & FD_ARG ? [`FD_ARG(${fdsArg})`] : fdsArg ? [`FDS_ARG(${fdsArg})`] : []), ...(rest ? [`0x${rest.toString(16)}`] : [])];
  return { slots, flags, exit: [view.getUint8(EXIT_FIRST_AT), view.getUint8(EXIT_FIRST_AT + 1)], nargs: view.getUint8(EXIT_FIRST_AT + 2) };
}

test('the built capture table captures what the kernel signatures say, where beetrace.h says', () => {
  const table = builtCaptureTable();
  assert.equal(table.length, 2 * MAX_NR * ROW, 'the rows, then the state-only rows');
  // [name, x86_64 number, kernel signature, the captures it implies, spec flags, then the
  // arguments captured at exit ([0, 0]: none; execve-like calls take theirs at entry) and
  // the argument count (six for a number no syscall has: every register is kept)]
  const cases: [string, number, string, Slot[], string[], RowRest][] = [
    // the buffer holds what the call returned: as many bytes as it returns
    ['read', 0, 'read(unsigned int fd, char *buf, size_t count)', [[1, 'BUF_RET', 0, 0, false, true]], [], { exit: [1, 2], nargs: 3 }],
    // the buffer is an input: count (argument 2) bytes
    ['write', 1, 'write(unsigned int fd, const char *buf, size_t count)', [[1, 'BUF_ARG', 2, 0, false, true]], [], { exit: [1, 2], nargs: 3 }],
    ['close', 3, 'close(unsigned int fd)', [], [], { exit: [0, 0], nargs: 1 }],
    ['fstat', 5, 'fstat(unsigned int fd, struct stat *statbuf)', [[1, 'STRUCT', 0, 144, false, false]], [], { exit: [1, 2], nargs: 2 }],
    // nfds (argument 1) entries of 8 bytes (struct pollfd)
    ['poll', 7, 'poll(struct pollfd *ufds, unsigned int nfds, int timeout)', [[0, 'ARRAY_ARG', 1, 8, false, false]], [], { exit: [0, 1], nargs: 3 }],
    ['writev', 20, 'writev(unsigned long fd, const struct iovec *vec, unsigned long vlen)', [[1, 'IOVEC', 2, 0, false, true]], [], { exit: [1, 2], nargs: 3 }],
    // an address is not data; the socket's addresses are read at exit (-yy)
    ['connect', 42, 'connect(int fd, struct sockaddr *uservaddr, int addrlen)', [[1, 'BUF_ARG', 2, 0, false, false]], ['FD_ARG(0)'], { exit: [1, 2], nargs: 3 }],
    // the payload is data, the destination address is not
    ['sendto', 44, 'sendto(int fd, void *buff, size_t len, unsigned int flags, struct sockaddr *addr, int addr_len)', [[1, 'BUF_ARG', 2, 0, false, true], [4, 'BUF_ARG', 5, 0, false, false]], [], { exit: [1, 5], nargs: 6 }],
    // msg_namelen is value-result: the msghdr at entry too
    ['recvmsg', 47, 'recvmsg(int fd, struct user_msghdr *msg, unsigned int flags)', [[1, 'MSGHDR', 0, 0, true, true]], ['ENTRY_SLOTS'], { exit: [1, 2], nargs: 3 }],
    // the address sized by *usockaddr_len, which is value-result (4 bytes, at entry and exit)
    ['getsockname', 51, 'getsockname(int fd, struct sockaddr *usockaddr, int *usockaddr_len)', [[1, 'BUF_ARGPTR', 2, 0, false, false], [2, 'STRUCT', 0, 4, true, false]], ['ENTRY_SLOTS'], { exit: [1, 3], nargs: 3 }],
    // the strings exist only before the call succeeds: all at entry; envp counted
    ['execve', 59, 'execve(const char *filename, const char *const *argv, const char *const *envp)', [[0, 'STRING', 0, 0, false, false], [1, 'STRINGS', 0, 0, false, false], [2, 'COUNT', 0, 0, false, false]], ['AT_ENTRY', 'ENTRY_SLOTS'], { exit: [0, 0], nargs: 3 }],
    ['getdents64', 217, 'getdents64(unsigned int fd, struct linux_dirent64 *dirent, unsigned int count)', [[1, 'DIRENTS', 0, 0, false, false]], [], { exit: [1, 2], nargs: 3 }],
    // a new fd: what it refers to is read at exit (-y)
    ['openat', 257, 'openat(int dfd, const char *filename, int flags, umode_t mode)', [[1, 'STRING', 0, 0, false, false]], ['FD_RET'], { exit: [1, 2], nargs: 4 }],
    ['accept4', 288, 'accept4(int fd, struct sockaddr *upeer_sockaddr, int *upeer_addrlen, int flags)', [[1, 'BUF_ARGPTR', 2, 0, false, false], [2, 'STRUCT', 0, 4, true, false]], ['ENTRY_SLOTS', 'FD_RET'], { exit: [1, 3], nargs: 4 }],
    // two new fds written to int[2] at argument 0 (pipe2) or 3 (socketpair)
    ['pipe2', 293, 'pipe2(int *fildes, int flags)', [[0, 'STRUCT', 0, 8, false, false]], ['FD_PAIR(0)'], { exit: [0, 1], nargs: 2 }],
    ['socketpair', 53, 'socketpair(int family, int type, int protocol, int *usockvec)', [[3, 'STRUCT', 0, 8, false, false]], ['FD_PAIR(3)'], { exit: [3, 4], nargs: 4 }],
    // vlen (argument 2) struct mmsghdr, then each message's parts; their buffers are data
    ['sendmmsg', 307, 'sendmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen, unsigned int flags)', [[1, 'MMSGHDR', 2, 0, false, true]], [], { exit: [1, 2], nargs: 4 }],
    // the sixth argument's { sigset pointer, size } and the set it points to (at most 128 bytes)
    ['pselect6', 270, 'pselect6(int n, fd_set *inp, fd_set *outp, fd_set *exp, struct __kernel_timespec *tsp, void *sig)',
      [[1, 'STRUCT', 0, 128, true, false], [2, 'STRUCT', 0, 128, true, false], [3, 'STRUCT', 0, 128, true, false], [4, 'STRUCT', 0, 16, true, false], [5, 'PTRLEN', 0, 128, false, false]],
      ['ENTRY_SLOTS'], { exit: [1, 6], nargs: 6 }],
    // dup's fd is a copy of another: nothing to read
    ['dup', 32, 'dup(unsigned int fildes)', [], [], { exit: [0, 0], nargs: 1 }],
    ['execveat', 322, 'execveat(int fd, const char *filename, const char *const *argv, const char *const *envp, int flags)', [[1, 'STRING', 0, 0, false, false], [2, 'STRINGS', 0, 0, false, false], [3, 'COUNT', 0, 0, false, false]], ['AT_ENTRY', 'ENTRY_SLOTS'], { exit: [0, 0], nargs: 5 }],
    // no arguments: no register is kept
    ['uretprobe', 335, 'uretprobe(void)', [], [], { exit: [0, 0], nargs: 0 }],
    // numbers no syscall has (x86_64 has none from uprobe, 336, to 424) and the last row: nothing
    ['(none)', 400, '', [], [], { exit: [0, 0], nargs: 6 }],
    ['(none)', MAX_NR - 1, '', [], [], { exit: [0, 0], nargs: 6 }],
  ];
  for (const [name, nr, signature, slots, flags, rest] of cases) {
    assert.deepEqual(row(table, nr), { slots, flags, ...rest }, `${name} (${nr}): ${signature}`);
  }
});

test('the state-only rows (bt-record -e) take only what the state model reads of calls that change it', () => {
  const table = builtCaptureTable();
  const stateRow = (nr: number) => row(table, MAX_NR + nr);
  const none: ReturnType<typeof row> = { slots: [], flags: [], exit: [0, 0], nargs: 0 };
  const cases: [string, number, ReturnType<typeof row>][] = [
    // no state: nothing to capture (and never recorded state-only)
    ['read', 0, { ...none, nargs: 3 }],
    ['close', 3, { ...none, nargs: 1 }],
    // the path the new fd refers to, and what the kernel says it is (-y)
    ['openat', 257, { slots: [[1, 'STRING', 0, 0, false, false]], flags: ['FD_RET'], exit: [1, 2], nargs: 4 }],
    // the two new fds
    ['pipe', 22, { slots: [[0, 'STRUCT', 0, 8, false, false]], flags: ['FD_PAIR(0)'], exit: [0, 1], nargs: 1 }],
    // the peer's address, not the length it is read through
    ['accept', 43, { slots: [[1, 'BUF_ARGPTR', 2, 0, false, false]], flags: ['FD_RET'], exit: [1, 2], nargs: 3 }],
    // the program and argv, not the environment's count
    ['execve', 59, { slots: [[0, 'STRING', 0, 0, false, false], [1, 'STRINGS', 0, 0, false, false]], flags: ['AT_ENTRY', 'ENTRY_SLOTS'], exit: [0, 0], nargs: 3 }],
  ];
  for (const [name, nr, want] of cases) assert.deepEqual(stateRow(nr), want, name);
});
