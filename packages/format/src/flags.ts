// Flag values of the trace format's syscall and capture columns (trace.proto),
// apart so that light modules (captured-data.ts) use them without protobufjs.
export const SyscallFlag = { UNFINISHED: 1, NO_ENTRY: 2, STATE_ONLY: 4 } as const;
export const CaptureFlag = { TRUNCATED: 1, FAULT: 2, AT_EXIT: 4, ELEMENT: 8 } as const;
/** Element numbers of a msghdr's parts (ELEMENT captures; its iovec buffers are elements 0..n-1). bpf/beetrace.h's BT_EL_MSG_*. */
export const MsghdrElement = { NAME: 0x100, CONTROL: 0x101, IOV: 0x102 } as const;
