// Flag values of the trace format's syscall and capture columns (trace.proto),
// apart so that light modules (captured-data.ts) use them without protobufjs.
export const SyscallFlag = { UNFINISHED: 1, NO_ENTRY: 2, STATE_ONLY: 4 } as const;
export const CaptureFlag = { TRUNCATED: 1, FAULT: 2, AT_EXIT: 4, ELEMENT: 8 } as const;
/** Element numbers of a msghdr's parts (ELEMENT captures; its iovec buffers are elements 0..n-1). bpf/beetrace.h's BT_EL_MSG_*. */
export const MsghdrElement = { NAME: 0x100, CONTROL: 0x101, IOV: 0x102 } as const;
/**
 * -y: what the fds a call made refer to, read when it returned: captures of the pseudo-argument
 * ARG, element RET (the fd returned) or PAIR + k (the k-th fd written to its fds argument);
 * -yy: FD_ARG, the socket of its fd argument after a bind, connect or listen.
 * bpf/beetrace.h's BT_ARG_FDS, BT_EL_FD_*, struct bt_fd_path and struct bt_sock_addrs.
 */
export const FdPathCapture = { ARG: 6, RET: 0x110, PAIR: 0x111, FD_ARG: 0x113 } as const;
/** mmsghdr captures: message k's parts have a msghdr's element numbers plus base(k). bpf/beetrace.h's BT_EL_MMSG. */
export const MmsgElement = { base: (k: number): number => (k + 1) << 9, MAX: 8 } as const;
/** Element of a ptrlen capture's pointed-to bytes (ELEMENT capture). bpf/beetrace.h's BT_EL_PTRLEN_DATA. */
export const PtrlenElement = { DATA: 0x114 } as const;
