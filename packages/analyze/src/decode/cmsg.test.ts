// msg_control decoding against strace 6.1's text: the lines marked "strace" were
// printed by `strace -s 64` for the same bytes (sendmsg/recvmsg on a unix
// socketpair); the others follow its msghdr.c where no run produces them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CmsgContext, msgControl } from './cmsg.js';

const ctx = (strSize = 64, paths: Record<number, string> = {}): CmsgContext => ({
  opts: { strSize, xflag: 0 },
  fd: (v) => (paths[v] !== undefined ? `${v}<${paths[v]}>` : String(v)),
});

/** One control message: cmsghdr (len, level, type) then data, padded to 8 bytes. */
function cmsg(level: number, type: number, data: number[], len = 16 + data.length): number[] {
  const b = new Uint8Array((16 + data.length + 7) & ~7);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, BigInt(len), true);
  v.setInt32(8, level, true);
  v.setInt32(12, type, true);
  b.set(data, 16);
  return [...b];
}
const i32 = (...xs: number[]): number[] => xs.flatMap((x) => [x & 255, (x >> 8) & 255, (x >> 16) & 255, (x >>> 24) & 255]);
const bytes = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());
const ADDR = 0x7ffe0000;

test('SCM_RIGHTS and SCM_CREDENTIALS, one or two messages (strace)', () => {
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(1, 1, i32(5, 6)))),
    '[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}]');
  assert.equal(msgControl(ctx(), ADDR, 32, bytes(cmsg(1, 2, i32(8552, 0, 0)))),
    '[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=8552, uid=0, gid=0}}]');
  assert.equal(msgControl(ctx(), ADDR, 56, bytes(cmsg(1, 1, i32(5)), cmsg(1, 2, i32(8552, 1000, -1)))),
    '[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, {cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=8552, uid=1000, gid=-1}}]');
});

test('unknown type or level: hex, and no cmsg_data (strace 6.1)', () => {
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(1, 77, [1, 2, 3]))),
    '[{cmsg_len=19, cmsg_level=SOL_SOCKET, cmsg_type=0x4d /* SCM_??? */}]');
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(0x1234, 5, [...'abcdefg'].map((ch) => ch.charCodeAt(0))))),
    '[{cmsg_len=23, cmsg_level=0x1234 /* SOL_??? */, cmsg_type=0x5}]');
  // a known type with less data than its printer needs: no cmsg_data either
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(1, 2, i32(1)))),
    '[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS}]');
});

test('SOL_IP types and other levels by name', () => {
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(0, 2, i32(64)))),
    '[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}]');
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(0, 1, [0x10]))),
    '[{cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x10]}]');
  assert.equal(msgControl(ctx(), ADDR, 32, bytes(cmsg(0, 8, [...i32(1), 127, 0, 0, 1, 127, 0, 0, 2]))),
    '[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=1, ipi_spec_dst=inet_addr("127.0.0.1"), ipi_addr=inet_addr("127.0.0.2")}}]');
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(41, 50, i32(1)))),
    '[{cmsg_len=20, cmsg_level=SOL_IPV6, cmsg_type=0x32}]');
});

test('fds with -y, cut at -s elements', () => {
  assert.equal(msgControl(ctx(64, { 5: '/etc/passwd' }), ADDR, 24, bytes(cmsg(1, 1, i32(5, 6)))),
    '[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5</etc/passwd>, 6]}]');
  assert.equal(msgControl(ctx(2), ADDR, 32, bytes(cmsg(1, 1, i32(3, 4, 5)))),
    '[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3, 4, ...]}]');
});

test('short, cut and unreadable buffers', () => {
  // less than one cmsghdr, or not captured: the address
  assert.equal(msgControl(ctx(), ADDR, 8, new Uint8Array(8)), '0x7ffe0000');
  assert.equal(msgControl(ctx(), ADDR, 24, undefined), '0x7ffe0000');
  // cmsg_len beyond the buffer (MSG_CTRUNC): the data up to the buffer's end (strace)
  assert.equal(msgControl(ctx(), ADDR, 20, bytes(cmsg(1, 1, i32(9)))),
    '[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[9]}]');
  assert.equal(msgControl(ctx(), ADDR, 24, bytes(cmsg(1, 1, i32(9, 10), 32)).subarray(0, 24)),
    '[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[9, 10]}]');
  // a cmsg_len shorter than the header: strace stops and points at what is left
  assert.equal(msgControl(ctx(), ADDR, 32, bytes(cmsg(1, 1, [], 8), new Array(16).fill(0))),
    '[{cmsg_len=8, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* 0x7ffe0010 */]');
  // the recorder keeps 256 bytes: a longer buffer ends in "..."
  const many = bytes(cmsg(1, 1, i32(...Array.from({ length: 60 }, (_, k) => k + 3))), cmsg(1, 1, i32(99)));
  const text = msgControl(ctx(), ADDR, many.length, many.subarray(0, 256));
  assert.match(text, /^\[\{cmsg_len=256, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=\[3, 4, .*, 62\]\}, \.\.\.\]$/);
});
