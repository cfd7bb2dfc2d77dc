// Netlink messages as strace 6.1 prints a buffer sent to or received from a
// netlink socket (its src/netlink.c, netlink_route.c, rtnl_link.c, rtnl_addr.c, rtnl_route.c,
// nlattr.c): the nlmsghdr list, one message without brackets, the type named per
// protocol, the flags with the GET/NEW/DELETE names that type takes, NLMSG_ERROR
// as {error=-E..., msg=...}, NLMSG_DONE's int, sock_diag's inet request, NETLINK_ROUTE's ifinfomsg and
// ifaddrmsg and rtmsg with their attributes. Anything else prints as strace prints a payload
// it does not decode: the bytes in hex.
//
// Offline differences, by necessity: an interface index prints as its number
// (strace names it `if_nametoindex("lo")` by asking the system it runs on, which
// a trace read elsewhere cannot), and bytes the recorder did not capture
// (--buffer-max) end the list or a payload with `...`.
import * as X from '../generated/xlat.js';
import { ipv4, ipv6 } from './structs.js';
import { printBuffer, type TextOptions } from './text.js';
import { enumName, flags, hex, type Xlat, xlat } from './xlat.js';

const le = true;
const HDRLEN = 16;
const NLA_HDRLEN = 4;
const NLMSG_MIN_TYPE = 0x10;
const NLMSG_ERROR = X.netlink_types.byName.get('NLMSG_ERROR')!;
const NLMSG_DONE = X.netlink_types.byName.get('NLMSG_DONE')!;
const NLM_F_CAPPED = X.netlink_ack_flags.byName.get('NLM_F_CAPPED')!;
const NLM_F_REQUEST = X.netlink_flags.byName.get('NLM_F_REQUEST')!;
const NLA_F_NESTED = 0x8000;
const NLA_F_NET_BYTEORDER = 0x4000;

const proto = (name: string): number => X.netlink_protocols.byName.get(name)!;
const NETLINK_ROUTE = proto('NETLINK_ROUTE');
const NETLINK_SOCK_DIAG = proto('NETLINK_SOCK_DIAG');
const NETLINK_XFRM = proto('NETLINK_XFRM');
const NETLINK_SELINUX = proto('NETLINK_SELINUX');
const NETLINK_GENERIC = proto('NETLINK_GENERIC');
const NETLINK_AUDIT = proto('NETLINK_AUDIT');
const NETLINK_CRYPTO = proto('NETLINK_CRYPTO');
const NETLINK_NETFILTER = proto('NETLINK_NETFILTER');
const NETLINK_KOBJECT_UEVENT = proto('NETLINK_KOBJECT_UEVENT');

/** The type names of each protocol strace names them for, with its `/* X_??? *\/` default. */
const TYPES = new Map<number, readonly [Xlat | undefined, string]>([
  [NETLINK_ROUTE, [X.nl_route_types, 'RTM_???']],
  [NETLINK_SOCK_DIAG, [X.nl_sock_diag_types, 'SOCK_DIAG_???']],
  [NETLINK_XFRM, [X.nl_xfrm_types, 'XFRM_MSG_???']],
  [NETLINK_SELINUX, [X.nl_selinux_types, 'SELNL_MSG_???']],
  [NETLINK_AUDIT, [X.nl_audit_types, 'AUDIT_???']],
  [NETLINK_CRYPTO, [X.nl_crypto_types, 'CRYPTO_MSG_???']],
  // Generic netlink family ids are given out at run time: strace asks the live system for their names.
  [NETLINK_GENERIC, [undefined, 'GENERIC_FAMILY_???']],
]);

/** Each flag table after the common ones: the common names first, then these (strace's printflags_ex of two tables). */
const both = (x: Xlat): Xlat => xlat('flags', [...X.netlink_flags.entries, ...x.entries]);
const GET = both(X.netlink_get_flags);
const NEW = both(X.netlink_new_flags);
const DELETE = both(X.netlink_delete_flags);
const ACK = both(X.netlink_ack_flags);

const RTM_DELACTION = X.nl_route_types.byName.get('RTM_DELACTION')!;

/** NETLINK_NETFILTER: each subsystem's message types (the type's low byte), with the `/* X_??? *\/` default. */
const subsys = (name: string): number => X.nl_netfilter_subsys_ids.byName.get(name)!;
const NF_TYPES = new Map<number, readonly [Xlat, string]>([
  [subsys('NFNL_SUBSYS_CTNETLINK'), [X.nf_ctnetlink_msg_types, 'IPCTNL_MSG_CT_???']],
  [subsys('NFNL_SUBSYS_CTNETLINK_EXP'), [X.nf_ctnetlink_exp_msg_types, 'IPCTNL_MSG_EXP_???']],
  [subsys('NFNL_SUBSYS_QUEUE'), [X.nf_queue_msg_types, 'NFQNL_MSG_???']],
  [subsys('NFNL_SUBSYS_ULOG'), [X.nf_ulog_msg_types, 'NFULNL_MSG_???']],
  [subsys('NFNL_SUBSYS_OSF'), [X.nf_osf_msg_types, 'OSF_MSG_???']],
  [subsys('NFNL_SUBSYS_IPSET'), [X.nf_ipset_msg_types, 'IPSET_CMD_???']],
  [subsys('NFNL_SUBSYS_ACCT'), [X.nf_acct_msg_types, 'NFNL_MSG_ACCT_???']],
  [subsys('NFNL_SUBSYS_CTNETLINK_TIMEOUT'), [X.nf_cttimeout_msg_types, 'IPCTNL_MSG_TIMEOUT_???']],
  [subsys('NFNL_SUBSYS_CTHELPER'), [X.nf_cthelper_msg_types, 'NFNL_MSG_CTHELPER_???']],
  [subsys('NFNL_SUBSYS_NFTABLES'), [X.nf_nftables_msg_types, 'NFT_MSG_???']],
  [subsys('NFNL_SUBSYS_NFT_COMPAT'), [X.nf_nft_compat_msg_types, 'NFNL_MSG_COMPAT_???']],
]);

/** The messages of crypto, netfilter and xfrm that take NEW, GET or DELETE flags, as strace lists them. */
const VERB_FLAGS = new Map<string, Xlat>([
  ...['CRYPTO_MSG_NEWALG', 'IPCTNL_MSG_CT_NEW', 'IPCTNL_MSG_EXP_NEW', 'NFNL_MSG_ACCT_NEW', 'IPCTNL_MSG_TIMEOUT_NEW',
    'NFNL_MSG_CTHELPER_NEW', 'NFT_MSG_NEWTABLE', 'NFT_MSG_NEWCHAIN', 'NFT_MSG_NEWRULE', 'NFT_MSG_NEWSET', 'NFT_MSG_NEWSETELEM',
    'NFT_MSG_NEWGEN', 'NFT_MSG_NEWOBJ', 'NFT_MSG_NEWFLOWTABLE', 'XFRM_MSG_NEWSA', 'XFRM_MSG_NEWPOLICY', 'XFRM_MSG_NEWAE',
    'XFRM_MSG_NEWSADINFO', 'XFRM_MSG_NEWSPDINFO'].map((n) => [n, NEW] as const),
  ...['CRYPTO_MSG_GETALG', 'IPCTNL_MSG_CT_GET', 'IPCTNL_MSG_CT_GET_CTRZERO', 'IPCTNL_MSG_CT_GET_STATS_CPU', 'IPCTNL_MSG_CT_GET_STATS',
    'IPCTNL_MSG_CT_GET_DYING', 'IPCTNL_MSG_CT_GET_UNCONFIRMED', 'IPCTNL_MSG_EXP_GET', 'IPCTNL_MSG_EXP_GET_STATS_CPU',
    'NFNL_MSG_ACCT_GET', 'NFNL_MSG_ACCT_GET_CTRZERO', 'IPCTNL_MSG_TIMEOUT_GET', 'NFNL_MSG_CTHELPER_GET', 'NFT_MSG_GETTABLE',
    'NFT_MSG_GETCHAIN', 'NFT_MSG_GETRULE', 'NFT_MSG_GETSET', 'NFT_MSG_GETSETELEM', 'NFT_MSG_GETGEN', 'NFT_MSG_GETOBJ',
    'NFT_MSG_GETOBJ_RESET', 'NFT_MSG_GETFLOWTABLE', 'NFNL_MSG_COMPAT_GET', 'XFRM_MSG_GETSA', 'XFRM_MSG_GETPOLICY', 'XFRM_MSG_GETAE',
    'XFRM_MSG_GETSADINFO', 'XFRM_MSG_GETSPDINFO'].map((n) => [n, GET] as const),
  ...['CRYPTO_MSG_DELALG', 'CRYPTO_MSG_DELRNG', 'IPCTNL_MSG_CT_DELETE', 'IPCTNL_MSG_EXP_DELETE', 'NFNL_MSG_ACCT_DEL',
    'IPCTNL_MSG_TIMEOUT_DELETE', 'NFNL_MSG_CTHELPER_DEL', 'NFT_MSG_DELTABLE', 'NFT_MSG_DELCHAIN', 'NFT_MSG_DELRULE', 'NFT_MSG_DELSET',
    'NFT_MSG_DELSETELEM', 'NFT_MSG_DELOBJ', 'NFT_MSG_DELFLOWTABLE', 'XFRM_MSG_DELSA', 'XFRM_MSG_DELPOLICY'].map((n) => [n, DELETE] as const),
]);

const verbFlags = (name: string | undefined): Xlat => (name !== undefined ? VERB_FLAGS.get(name) : undefined) ?? X.netlink_flags;

/** The flag names a message of this type takes (strace's decode_nlmsg_flags). */
function flagTable(type: number, family: number | undefined): Xlat {
  if (type < NLMSG_MIN_TYPE) return type === NLMSG_ERROR ? ACK : X.netlink_flags;
  if (family === NETLINK_ROUTE) {
    if (type === RTM_DELACTION) return GET;
    return [NEW, DELETE, GET, X.netlink_flags][type & 3]!;
  }
  if (family === NETLINK_SOCK_DIAG) return GET;
  if (family === NETLINK_CRYPTO) return verbFlags(X.nl_crypto_types.byValue.get(type));
  if (family === NETLINK_NETFILTER) return verbFlags(NF_TYPES.get(type >> 8)?.[0].byValue.get(type & 0xff));
  if (family === NETLINK_XFRM) return verbFlags(X.nl_xfrm_types.byValue.get(type));
  return X.netlink_flags;
}

function typeName(type: number, family: number | undefined): string {
  if (type >= NLMSG_MIN_TYPE && family === NETLINK_NETFILTER) {
    // A batch's ends, else subsystem<<8|type: NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_GETTABLE.
    const control = X.nl_netfilter_msg_types.byValue.get(type);
    if (control) return control;
    const t = NF_TYPES.get(type >> 8);
    return `${enumName(X.nl_netfilter_subsys_ids, type >> 8, 'hex', 'NFNL_SUBSYS_???')}<<8|${t ? enumName(t[0], type & 0xff, 'hex', t[1]) : hex(type & 0xff)}`;
  }
  const t = type >= NLMSG_MIN_TYPE && family !== undefined ? TYPES.get(family) : undefined;
  if (!t) return enumName(X.netlink_types, type, 'hex', 'NLMSG_???');
  return t[0] ? enumName(t[0], type, 'hex', t[1]) : `${hex(type)} /* ${t[1]} */`;
}

/** The captured bytes of a buffer of `len` bytes (fewer when the recorder cut it). */
class Buf {
  readonly d: DataView;
  /** `sending`: the buffer is sent (strace decodes it at syscall entry). */
  constructor(readonly b: Uint8Array, readonly o: TextOptions, readonly sending: boolean) {
    this.d = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  has(off: number, n: number): boolean {
    return off + n <= this.b.length;
  }

  /** strace's printstr_ex(QUOTE_FORCE_HEX). */
  hexStr(off: number, len: number): string {
    return printBuffer(this.b.subarray(Math.min(off, this.b.length)), len, this.o, true);
  }
}

/**
 * A buffer of `len` bytes sent to or received from a netlink socket of protocol `family`
 * (NETLINK_ROUTE...; undefined when unknown: the types then print as strace prints them
 * when it cannot tell, by the generic NLMSG_* names); `sending`: sendto/sendmsg's buffer.
 */
export function netlinkText(bytes: Uint8Array, len: number, family: number | undefined, o: TextOptions, sending: boolean): string {
  if (family === NETLINK_KOBJECT_UEVENT) return printBuffer(bytes, len, o);
  return messages(new Buf(bytes, o, sending), 0, len, family);
}

function messages(b: Buf, off: number, len: number, family: number | undefined): string {
  return list(b, off, len, HDRLEN, b.d.getUint32.bind(b.d), (at, rest) => withPayload(b, at, rest, family));
}

/**
 * strace's walk of a netlink list (messages, attributes): items at least `hdr` bytes long whose
 * length field (`lenAt`) is rounded up to 4 to find the next; a single item without brackets; bytes
 * too few for a header in hex; at most -s items.
 */
function list(b: Buf, off: number, len: number, hdr: number, lenAt: (off: number, le: boolean) => number, item: (off: number, len: number) => string): string {
  const items: string[] = [];
  let isArray = false;
  for (let elt = 0; ; elt++) {
    if (len < hdr) { items.push(b.hexStr(off, len)); break; }
    if (!b.has(off, hdr) || elt === b.o.strSize) { items.push('...'); break; }
    const n = lenAt(off, le);
    const aligned = (n + 3) & ~3;
    const next = n >= hdr && len >= aligned ? len - aligned : 0;
    if (next) isArray = true;
    items.push(item(off, len));
    if (!next) break;
    off += aligned;
    len = next;
  }
  return isArray ? `[${items.join(', ')}]` : items[0]!;
}

function header(b: Buf, off: number, family: number | undefined): string {
  const d = b.d;
  const type = d.getUint16(off + 4, le);
  return `{nlmsg_len=${d.getUint32(off, le)}, nlmsg_type=${typeName(type, family)}, nlmsg_flags=${flags(flagTable(type, family), d.getUint16(off + 6, le), '0', 'NLM_F_???')}, nlmsg_seq=${d.getUint32(off + 8, le)}, nlmsg_pid=${d.getInt32(off + 12, le)}}`;
}

/** One message: its header alone, or `[header, payload]` when it has one. */
function withPayload(b: Buf, off: number, len: number, family: number | undefined): string {
  const n = Math.min(b.d.getUint32(off, le), len);
  const h = header(b, off, family);
  if (n <= HDRLEN) return h;
  return `[${h}, ${payload(b, off, off + HDRLEN, n - HDRLEN, family)}]`;
}

function payload(b: Buf, hdr: number, off: number, len: number, family: number | undefined): string {
  const type = b.d.getUint16(hdr + 4, le);
  if (type === NLMSG_ERROR) return nlmsgerr(b, off, len, family, (b.d.getUint16(hdr + 6, le) & NLM_F_CAPPED) !== 0);
  if (!b.has(off, len)) return '...';
  if (type >= NLMSG_MIN_TYPE && family === NETLINK_ROUTE) return route(b, type, off, len);
  // strace decodes a sock_diag request as one when sending, or when flagged NLM_F_REQUEST.
  if (type >= NLMSG_MIN_TYPE && family === NETLINK_SOCK_DIAG && (b.sending || (b.d.getUint16(hdr + 6, le) & NLM_F_REQUEST) !== 0)) {
    const req = sockDiagRequest(b, type, off, len);
    if (req !== undefined) return req;
  }
  if (type === NLMSG_DONE && len === 4) return String(b.d.getInt32(off, le));
  return b.hexStr(off, len);
}

function errorName(e: number): string {
  const n = e < 0 ? X.errnos.name.get(-e) : undefined;
  return n ? `-${n}` : String(e);
}

/** NLMSG_ERROR's struct nlmsgerr: the error, the request it answers (its header alone when capped), extended-ACK attributes. */
function nlmsgerr(b: Buf, off: number, len: number, family: number | undefined, capped: boolean): string {
  if (len < 4) return b.hexStr(off, len);
  if (!b.has(off, 4)) return '...';
  let s = `{error=${errorName(b.d.getInt32(off, le))}`;
  off += 4;
  len -= 4;
  if (len) {
    s += ', msg=';
    if (len < HDRLEN) s += b.hexStr(off, len);
    else if (!b.has(off, HDRLEN)) s += '...';
    else {
      const p = Math.min(capped ? HDRLEN : b.d.getUint32(off, le), len);
      s += withPayload(b, off, p, family);
      if (len > p) s += ', ' + attrs(b, off + p, len - p, X.nlmsgerr_attrs, 'NLMSGERR_ATTR_???', ERR_ATTRS);
    }
  }
  return s + '}';
}

// ---- attributes (struct nlattr lists) ----

/** How an attribute's value prints, by its name; an attribute without one prints its bytes in hex. */
type Value = (b: Buf, off: number, len: number, ctx: number) => string | undefined;

const u8: Value = (b, off, len) => (len >= 1 ? String(b.d.getUint8(off)) : undefined);
const u32: Value = (b, off, len) => (len >= 4 ? String(b.d.getUint32(off, le)) : undefined);
const s32: Value = (b, off, len) => (len >= 4 ? String(b.d.getInt32(off, le)) : undefined);
const str: Value = (b, off, len) => printBuffer(b.b.subarray(off), len, b.o, false, true);
const flags32 = (x: Xlat, dflt: string): Value => (b, off, len) => (len >= 4 && len <= 8 ? flags(x, b.d.getUint32(off, le), '0', dflt) : undefined);
/** A hardware address, `00:11:22:33:44:55`. */
const hwaddr: Value = (b, off, len) => (len > 32 ? undefined : [...b.b.subarray(off, off + len)].map((x) => x.toString(16).padStart(2, '0')).join(':'));
/** An address of the message's family (ctx): inet_addr("127.0.0.1"), inet_pton(AF_INET6, "::1"). */
const inetAddr: Value = (b, off, len, family) => {
  if (family === 2 && len >= 4) return `inet_addr("${ipv4(b.d, off)}")`;
  if (family === 10 && len >= 16) return `inet_pton(AF_INET6, "${ipv6(b.d, off)}")`;
  return undefined;
};
const cacheinfo: Value = (b, off, len) => (len >= 16
  ? `{ifa_prefered=${b.d.getUint32(off, le)}, ifa_valid=${b.d.getUint32(off + 4, le)}, cstamp=${b.d.getUint32(off + 8, le)}, tstamp=${b.d.getUint32(off + 12, le)}}`
  : undefined);

function byName(x: Xlat, values: Record<string, Value>): Map<number, Value> {
  const m = new Map<number, Value>();
  for (const [name, v] of Object.entries(values)) {
    const n = x.byName.get(name);
    if (n !== undefined) m.set(n, v);
  }
  return m;
}

const NONE: ReadonlyMap<number, Value> = new Map();
const ERR_ATTRS = byName(X.nlmsgerr_attrs, { NLMSGERR_ATTR_MSG: str, NLMSGERR_ATTR_OFFS: u32 });

/** The IFLA_* attributes strace 6.1 decodes that are numbers, strings or addresses. */
const LINK_ATTRS = byName(X.rtnl_link_attrs, {
  IFLA_ADDRESS: hwaddr, IFLA_BROADCAST: hwaddr, IFLA_PERM_ADDRESS: hwaddr,
  IFLA_IFNAME: str, IFLA_QDISC: str, IFLA_IFALIAS: str, IFLA_PHYS_PORT_NAME: str, IFLA_ALT_IFNAME: str,
  IFLA_PARENT_DEV_NAME: str, IFLA_PARENT_DEV_BUS_NAME: str,
  IFLA_MTU: u32, IFLA_LINK: u32, IFLA_MASTER: u32, IFLA_TXQLEN: u32, IFLA_WEIGHT: u32, IFLA_NET_NS_PID: u32,
  IFLA_NUM_VF: u32, IFLA_GROUP: u32, IFLA_PROMISCUITY: u32, IFLA_NUM_TX_QUEUES: u32, IFLA_NUM_RX_QUEUES: u32,
  IFLA_CARRIER_CHANGES: u32, IFLA_GSO_MAX_SEGS: u32, IFLA_GSO_MAX_SIZE: u32, IFLA_CARRIER_UP_COUNT: u32,
  IFLA_CARRIER_DOWN_COUNT: u32, IFLA_NEW_IFINDEX: u32, IFLA_MIN_MTU: u32, IFLA_MAX_MTU: u32, IFLA_GRO_MAX_SIZE: u32,
  IFLA_TSO_MAX_SIZE: u32, IFLA_TSO_MAX_SEGS: u32, IFLA_ALLMULTI: u32,
  IFLA_OPERSTATE: u8, IFLA_LINKMODE: u8, IFLA_CARRIER: u8, IFLA_PROTO_DOWN: u8,
  IFLA_LINK_NETNSID: s32, IFLA_NEW_NETNSID: s32, IFLA_IF_NETNSID: s32,
  IFLA_EXT_MASK: flags32(X.rtext_filter_flags, 'RTEXT_FILTER_???'),
});

/** An enum value strace prints with no default comment: the name, else the number in hex. */
const xval = (x: Xlat, v: number): string => x.byValue.get(v) ?? hex(v);
const u64: Value = (b, off, len) => (len >= 8 ? String(b.d.getBigUint64(off, le)) : undefined);
const be16: Value = (b, off, len) => (len >= 2 ? `htons(${b.d.getUint16(off, false)})` : undefined);
const table32: Value = (b, off, len) => (len >= 4 ? xval(X.routing_table_ids, b.d.getUint32(off, le)) : undefined);

/** The RTA_* attributes strace 6.1 decodes that are numbers, addresses or table ids. */
const ROUTE_ATTRS = byName(X.rtnl_route_attrs, {
  RTA_DST: inetAddr, RTA_SRC: inetAddr, RTA_GATEWAY: inetAddr, RTA_PREFSRC: inetAddr,
  RTA_IIF: u32, RTA_OIF: u32, RTA_PRIORITY: u32, RTA_MARK: u32, RTA_UID: u32, RTA_NH_ID: u32,
  RTA_TABLE: table32, RTA_PREF: u8, RTA_TTL_PROPAGATE: u8, RTA_EXPIRES: u64, RTA_SPORT: be16, RTA_DPORT: be16,
});

const ADDR_ATTRS = byName(X.rtnl_addr_attrs, {
  IFA_ADDRESS: inetAddr, IFA_LOCAL: inetAddr, IFA_BROADCAST: inetAddr, IFA_ANYCAST: inetAddr, IFA_MULTICAST: inetAddr,
  IFA_LABEL: str, IFA_CACHEINFO: cacheinfo, IFA_FLAGS: flags32(X.ifaddrflags, 'IFA_F_???'),
  IFA_RT_PRIORITY: u32, IFA_TARGET_NETNSID: s32,
});

/** A list of attributes (strace's decode_nlattr): one without brackets, `[{nla_len=8, nla_type=IFLA_MTU}, 1500]` each. */
function attrs(b: Buf, off: number, len: number, table: Xlat, dflt: string, values: ReadonlyMap<number, Value>, ctx = 0): string {
  return list(b, off, len, NLA_HDRLEN, b.d.getUint16.bind(b.d), (at, rest) => {
    const nlen = b.d.getUint16(at, le);
    const type = b.d.getUint16(at + 2, le);
    const bare = type & ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;
    const typeText = (type & NLA_F_NESTED ? 'NLA_F_NESTED|' : '') + (type & NLA_F_NET_BYTEORDER ? 'NLA_F_NET_BYTEORDER|' : '')
      + enumName(table, bare, 'hex', dflt);
    const head = `{nla_len=${nlen}, nla_type=${typeText}}`;
    const n = Math.min(nlen, rest);
    if (n <= NLA_HDRLEN) return head;
    const v = at + NLA_HDRLEN;
    const vlen = n - NLA_HDRLEN;
    const value = !b.has(v, vlen) ? '...' : values.get(bare)?.(b, v, vlen, ctx) ?? b.hexStr(v, vlen);
    return `[${head}, ${value}]`;
  });
}

// ---- NETLINK_ROUTE ----

const route = (b: Buf, type: number, off: number, len: number): string => {
  const name = X.nl_route_types.byValue.get(type) ?? '';
  if (/^RTM_(NEW|DEL|GET|SET)LINK$/.test(name)) return ifinfomsg(b, off, len);
  if (/^RTM_(NEW|DEL|GET)ADDR$|^RTM_GET(ANYCAST|MULTICAST)$/.test(name)) return ifaddrmsg(b, off, len);
  if (/^RTM_(NEW|DEL|GET)ROUTE$/.test(name)) return rtmsg(b, off, len);
  return b.hexStr(off, len);
};

function family(b: Buf, off: number): string {
  return enumName(X.addrfams, b.d.getUint8(off), 'hex', 'AF_???');
}

/** struct ifinfomsg and its IFLA_* attributes. */
function ifinfomsg(b: Buf, off: number, len: number): string {
  const SIZE = 16;
  if (len < SIZE) return `{ifi_family=${family(b, off)}, ...}`;
  const d = b.d;
  const s = `{ifi_family=${family(b, off)}, ifi_type=${enumName(X.arp_hardware_types, d.getUint16(off + 2, le), 'hex', 'ARPHRD_???')}, ifi_index=${d.getInt32(off + 4, le) >>> 0}, ifi_flags=${flags(X.iffflags, d.getUint32(off + 8, le), '0', 'IFF_???')}, ifi_change=${hex(d.getUint32(off + 12, le))}}`;
  if (len <= SIZE) return s;
  return `${s}, ${attrs(b, off + SIZE, len - SIZE, X.rtnl_link_attrs, 'IFLA_???', LINK_ATTRS)}`;
}

/** struct ifaddrmsg and its IFA_* attributes (addresses of the message's family). */
function ifaddrmsg(b: Buf, off: number, len: number): string {
  const SIZE = 8;
  if (len < SIZE) return `{ifa_family=${family(b, off)}, ...}`;
  const d = b.d;
  const s = `{ifa_family=${family(b, off)}, ifa_prefixlen=${d.getUint8(off + 1)}, ifa_flags=${flags(X.ifaddrflags, d.getUint8(off + 2), '0', 'IFA_F_???')}, ifa_scope=${xval(X.routing_scopes, d.getUint8(off + 3))}, ifa_index=${d.getUint32(off + 4, le)}}`;
  if (len <= SIZE) return s;
  return `${s}, ${attrs(b, off + SIZE, len - SIZE, X.rtnl_addr_attrs, 'IFA_???', ADDR_ATTRS, d.getUint8(off))}`;
}

/** struct rtmsg and its RTA_* attributes. */
function rtmsg(b: Buf, off: number, len: number): string {
  const SIZE = 12;
  if (len < SIZE) return `{rtm_family=${family(b, off)}, ...}`;
  const d = b.d;
  const s = `{rtm_family=${family(b, off)}, rtm_dst_len=${d.getUint8(off + 1)}, rtm_src_len=${d.getUint8(off + 2)}, rtm_tos=${flags(X.ip_type_of_services, d.getUint8(off + 3), '0', 'IPTOS_TOS_???')}, rtm_table=${xval(X.routing_table_ids, d.getUint8(off + 4))}, rtm_protocol=${enumName(X.routing_protocols, d.getUint8(off + 5), 'hex', 'RTPROT_???')}, rtm_scope=${xval(X.routing_scopes, d.getUint8(off + 6))}, rtm_type=${enumName(X.routing_types, d.getUint8(off + 7), 'hex', 'RTN_???')}, rtm_flags=${flags(X.routing_flags, d.getUint32(off + 8, le), '0', 'RTM_F_???')}}`;
  if (len <= SIZE) return s;
  return `${s}, ${attrs(b, off + SIZE, len - SIZE, X.rtnl_route_attrs, 'RTA_???', ROUTE_ATTRS, d.getUint8(off))}`;
}

// ---- NETLINK_SOCK_DIAG ----

/** A mask of 1<<X bits named from an enum (`shift` subtracted from each value): `1<<TCP_LISTEN`, `1<<(INET_DIAG_INFO-1)`. */
const shifted = (x: Xlat, shift: number): Xlat =>
  xlat('flags', x.entries.map(([v, n]) => [2 ** (v - shift), shift ? `1<<(${n}-${shift})` : `1<<${n}`] as const));
const TCP_STATE_FLAGS = shifted(X.tcp_states, 0);
const INET_DIAG_EXT_FLAGS = shifted(X.inet_diag_ext_attrs, 1);
const SOCK_DIAG_BY_FAMILY = X.nl_sock_diag_types.byName.get('SOCK_DIAG_BY_FAMILY')!;

/** An inet address field of a struct, as strace's print_inet_addr names it. */
function inetField(b: Buf, off: number, family: number, name: string): string {
  if (family === 2) return `${name}=inet_addr("${ipv4(b.d, off)}")`;
  return `inet_pton(AF_INET6, "${ipv6(b.d, off)}", &${name})`;
}

/** A sock_diag request strace decodes (struct inet_diag_req_v2 of AF_INET and AF_INET6), else undefined. */
function sockDiagRequest(b: Buf, type: number, off: number, len: number): string | undefined {
  const fam = b.d.getUint8(off);
  if (type !== SOCK_DIAG_BY_FAMILY || (fam !== 2 && fam !== 10) || len <= 1) return undefined;
  const SIZE = 56;
  if (len < SIZE) return `{sdiag_family=${family(b, off)}, ...}`;
  const d = b.d;
  const id = off + 8;
  const s = `{sdiag_family=${family(b, off)}, sdiag_protocol=${enumName(X.inet_protocols, d.getUint8(off + 1), 'hex', 'IPPROTO_???')}, `
    + `idiag_ext=${flags(INET_DIAG_EXT_FLAGS, d.getUint8(off + 2), '0', '1<<(INET_DIAG_???-1)')}, idiag_states=${flags(TCP_STATE_FLAGS, d.getUint32(off + 4, le), '0', '1<<TCP_???')}, `
    + `id={idiag_sport=htons(${d.getUint16(id, false)}), idiag_dport=htons(${d.getUint16(id + 2, false)}), ${inetField(b, id + 4, fam, 'idiag_src')}, ${inetField(b, id + 20, fam, 'idiag_dst')}, `
    + `idiag_if=${d.getUint32(id + 36, le)}, idiag_cookie=[${d.getUint32(id + 40, le)}, ${d.getUint32(id + 44, le)}]}}`;
  if (len <= SIZE) return s;
  return `${s}, ${attrs(b, off + SIZE, len - SIZE, X.inet_diag_req_attrs, 'INET_DIAG_REQ_???', NONE)}`;
}
