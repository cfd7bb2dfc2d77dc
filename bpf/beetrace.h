/* SPDX-License-Identifier: MIT */
/*
 * Records the BPF programs write to the ring buffer, and the capture table they
 * read. Shared by beetrace.bpf.c and the recorder's native addon (which exports
 * the offsets to the TypeScript parser). Fixed-width fields only.
 */
#ifndef BEETRACE_H
#define BEETRACE_H

#define BT_NARGS 6
/* Largest record; a power of two (offsets are masked with it for the verifier). */
#define BT_MAX_RECORD (64 * 1024)
/* Largest single capture (a string or buffer); the recorder's -s limit. */
#define BT_MAX_CAPTURE (32 * 1024)
/* Per-CPU scratch where a record is built: masked offsets and lengths stay inside it. */
#define BT_SCRATCH (2 * BT_MAX_RECORD + 64)
/* The largest capture written in place in the ring, after its record's fixed part. */
#define BT_INPLACE_BYTES 32
/* Array arguments: strings of execve's argv, iovec entries. */
#define BT_MAX_ELEMENTS 64
#define BT_MAX_IOV 16
/* Elements counted (not captured) in a NULL-terminated pointer array (envp). */
#define BT_MAX_COUNT 4096
/* Syscall numbers the capture table covers. */
#define BT_MAX_NR 512
/* Rows of the capture table: one per number, then one per number with only the captures
 * the trace's state needs (for BT_SC_STATE_ONLY calls, at row nr + BT_MAX_NR). */
#define BT_SPEC_ROWS (2 * BT_MAX_NR)

enum bt_record_type {
	BT_REC_SYSCALL = 1,       /* a syscall, emitted at exit (or at thread exit if it never returned) */
	BT_REC_SYSCALL_ENTRY = 2, /* captures taken at entry (execve); merged with the following BT_REC_SYSCALL */
	BT_REC_FORK = 3,
	BT_REC_EXEC = 4,
	BT_REC_EXIT = 5,
	BT_REC_SIGNAL = 6,
	/* --cgroup: a process joined the traced set (a bt_process); the recorder notes it, the trace does not hold it */
	BT_REC_JOINED = 8,
};

/* bt_syscall.flags: the trace format's SyscallFlag values. */
#define BT_SC_UNFINISHED 1
#define BT_SC_NO_ENTRY 2
#define BT_SC_STATE_ONLY 4 /* outside the -e filter, recorded for the trace's state only */

/*
 * bt-record -e: what to do with each syscall number (the call filter, a byte per number),
 * and which statuses -e status= keeps. A call neither in the set nor changing the state is
 * not recorded; one that changes the state is, in compact form (BT_SC_STATE_ONLY).
 */
#define BT_CALL_TRACE 1 /* in the -e trace= set */
#define BT_CALL_STATE 2 /* changes the trace's state (fds, cwd, processes): the format's changesState */
#define BT_STATUS_SUCCESSFUL 1
#define BT_STATUS_FAILED 2
#define BT_STATUS_UNFINISHED 4 /* never returned: the thread exited in it */
#define BT_STATUS_DETACHED 8   /* had not returned when recording ended (the recorder's side) */

/* bt_capture.info = arg | flags << 8 | element << 16; flags are the format's CaptureFlag. */
#define BT_CAP_TRUNCATED 1
#define BT_CAP_FAULT 2
#define BT_CAP_AT_EXIT 4
#define BT_CAP_ELEMENT 8

/*
 * The traced set: two bits per thread group id, for every id the kernel can hand out
 * (PID_MAX_LIMIT on 64-bit), in an array map the recorder maps into its memory. The
 * filter every syscall of every process runs is then one load, not a hash lookup.
 */
#define BT_TRACED 1
#define BT_PENDING_EXEC 2 /* started by the recorder, traced from its execve on */
#define BT_PID_LIMIT (1U << 22)
#define BT_PID_WORDS (BT_PID_LIMIT / 32)
#define BT_PID_WORD(pid) (((pid) >> 5) & (BT_PID_WORDS - 1))
#define BT_PID_SHIFT(pid) (((pid) & 31) * 2)

struct bt_traced_set {
	__u64 words[BT_PID_WORDS];
};

struct bt_syscall {
	__u32 type;
	__u32 size; /* whole record, captures included; a multiple of 8 */
	__u32 pid;
	__u32 tid;
	__u64 enter_ns;
	__u64 exit_ns;
	__s64 ret;
	__u64 args[BT_NARGS];
	__u32 nr;
	__u16 flags;
	__u16 ncaptures;
	/* struct bt_capture follow, each padded to 8 bytes */
};

struct bt_capture {
	__u32 info;
	__u32 len; /* bytes of data that follow */
};

struct bt_process {
	__u32 type;
	__u32 size;
	__u32 pid;
	__u32 tid;
	__u64 ns;
	__u32 parent_pid; /* FORK */
	__u32 parent_tid;
	__s32 exit_code;  /* EXIT: wait status */
	__u32 signo;      /* SIGNAL */
	__u32 old_tid;    /* EXEC */
	__u8 group_dead;  /* EXIT */
	__u8 thread;      /* FORK */
	__u16 data_len;   /* EXEC: filename; SIGNAL: siginfo bytes */
	__u32 ignored;    /* SIGNAL: discarded by the kernel, the action being to ignore it */
	__u32 pad;
	/* data follows */
};

/* FORK's data: the child's ids in its own pid namespace (thread_pid's numbers at its level). */
struct bt_fork_ns {
	__u32 ns_pid;
	__u32 ns_tid;
	__u32 level;  /* 0: the initial namespace */
	__u32 pad;
	__u64 inode;  /* the namespace's inode, as /proc/PID/ns/pid shows it */
};

#define BT_SIGINFO_BYTES 48
#define BT_FILENAME_MAX 4096

/* Capture kinds of the capture table (see the format package's CaptureKind). */
enum bt_capture_kind {
	BT_CK_NONE = 0,
	BT_CK_STRING = 1,     /* NUL-terminated string */
	BT_CK_BUF_ARG = 2,    /* buffer, size = args[size_arg] */
	BT_CK_BUF_RET = 3,    /* buffer, size = return value */
	BT_CK_BUF_ARGPTR = 4, /* buffer, size = *(u32 *)args[size_arg] */
	BT_CK_STRUCT = 5,     /* bytes fixed bytes */
	BT_CK_IOVEC = 6,      /* iovec array of args[size_arg] entries, then their buffers */
	BT_CK_STRINGS = 7,    /* NULL-terminated array of strings */
	BT_CK_COUNT = 8,      /* NULL-terminated pointer array, counted */
	BT_CK_ARRAY_ARG = 9,  /* args[size_arg] elements of bytes bytes */
	BT_CK_ARRAY_RET = 10, /* ret elements of bytes bytes */
	BT_CK_DIRENTS = 11,   /* entries in a getdents buffer of ret bytes: a u32 count */
	BT_CK_MSGHDR = 12,    /* struct msghdr, then its name, control, iovec array and buffers */
};

/* Element numbers of a msghdr's parts (its iovec buffers are elements 0..n-1). */
#define BT_EL_MSG_NAME 0x100
#define BT_EL_MSG_CONTROL 0x101
#define BT_EL_MSG_IOV 0x102

/* bt_capture_slot.kind: also capture this argument at entry (value-result arguments). */
#define BT_CK_ALSO_AT_ENTRY 0x80
/* bt_capture_slot.kind: its bytes (a buffer), or the buffers it points to (iovec, msghdr), are
 * captured data, which capture_buffers = false (--no-data) leaves out. Set from the syscall table. */
#define BT_CK_DATA 0x40
#define BT_CK_KIND_MASK 0x3f
/* Entries counted in a getdents buffer. */
#define BT_MAX_DIRENTS 4096

struct bt_capture_slot {
	__u8 kind;
	__u8 size_arg;
	__u16 bytes;
};

#define BT_SPEC_AT_ENTRY 1    /* capture everything at entry (execve) */
#define BT_SPEC_ENTRY_SLOTS 2 /* some slots are also captured at entry */

struct bt_syscall_spec {
	struct bt_capture_slot slot[BT_NARGS]; /* slot i describes argument i */
	__u32 flags;
	__u8 exit_first;    /* the arguments captured at exit lie in exit_first..exit_end-1; */
	__u8 exit_end;      /* 0: none (the record is sent without building it) */
	__u8 nargs;         /* arguments the syscall takes; the registers after them are written as 0 */
	__u8 pad;
};

/* Per-thread state between entry and exit. */
struct bt_inflight {
	__u64 enter_ns;
	__u64 args[BT_NARGS];
	__u32 nr;
	__u32 pid;
	__u64 tid;      /* the thread a slot of the array belongs to (0: free); 64-bit for the atomic claim */
	__u32 active;
	__u32 new_task; /* set at fork: the task's first exit is its return from the parent's clone */
};

/* Slots of the entry-state array: a power of two at least pid_max, within these bounds. */
#define BT_MIN_SLOTS 1024
#define BT_MAX_SLOTS 65536

#endif
