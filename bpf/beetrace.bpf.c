// SPDX-License-Identifier: GPL-2.0
/*
 * beetrace's kernel side: every syscall of the traced processes, their lifecycle
 * and signals, written raw to one ring buffer. Attach points are raw
 * tracepoints: the syscall hooks as tp_btf programs (their arguments typed
 * pointers, read with plain loads) or as raw_tp ones where the kernel refuses
 * those, the others as raw_tp; none needs tracefs. Loading needs no vmlinux BTF
 * (the recorder passes libbpf the few types the CO-RE relocations need and the
 * tp_btf attach ids, found in the kernel's BTF at build time, so loading skips
 * parsing 5 MB of vmlinux BTF). Kernel memory is read with BPF_CORE_READ where
 * a raw tracepoint's arguments are plain values to the verifier. What memory to read for each
 * syscall comes from the capture table the recorder fills before attaching; the
 * programs have no per-syscall branches. Decoding happens offline.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "beetrace.h"

char LICENSE[] SEC("license") = "GPL";

/* Settings, fixed at load time (the verifier sees them as constants). */
const volatile __u32 string_max = 4096;
const volatile __u32 buffer_max = 256;
const volatile bool capture_buffers = true;
/* The bench's floor: the syscall hooks run the process filter and record nothing. */
const volatile bool floor_only = false;
/* bt-record -e (beetrace.h's BT_CALL_* per syscall number, BT_STATUS_* kept); off: every call in full. */
const volatile bool filter_calls = false;
const volatile __u8 call_filter[BT_MAX_NR] = {};
const volatile __u32 status_filter = 0;
/* bt-record --cgroup: processes in the cgroup of the `cgroup` map (or below it) join the traced set, but the recorder's own. */
const volatile bool cgroup_filter = false;
const volatile __u32 recorder_tgid = 0;

/* The key of one-element maps, in .rodata: a key on the stack would take a slot of the hooks' frames. */
static const __u32 zero_key = 0;

/* Hides a value from the compiler so that a bound check on it is kept for the verifier. */
#define bt_barrier_var(v) asm volatile("" : "+r"(v))

#define NR_EXECVE 59
#define NR_EXECVEAT 322

/* The traced set (beetrace.h): a map of its own, which the recorder maps (as .bss it would be copied in at load). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct bt_traced_set);
} traced SEC(".maps");

/*
 * Syscall in progress per thread: entry time and arguments. A thread's state is the
 * slot tid & slot_mask of an array (a lookup the verifier inlines), taken on the
 * thread's first call; a thread whose slot another live thread holds (pid_max above
 * BT_MAX_SLOTS) keeps it in a hash keyed by tid instead.
 */
const volatile __u32 slot_mask = BT_MAX_SLOTS - 1;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE); /* the recorder reads the unfinished calls at the end */
	__uint(max_entries, BT_MAX_SLOTS); /* the recorder sets it: slot_mask + 1 */
	__type(key, __u32);
	__type(value, struct bt_inflight);
} inflight_slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC); /* inserted once per thread */
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct bt_inflight);
} inflight SEC(".maps");

/* The capture table, indexed by syscall number (+ BT_MAX_NR: the state-only rows). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, BT_SPEC_ROWS);
	__type(key, __u32);
	__type(value, struct bt_syscall_spec);
} specs SEC(".maps");

/* --cgroup: the cgroup v2 directory whose processes are recorded (the recorder sets entry 0). */
struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} cgroup SEC(".maps");

/* Where records are built, one slot per CPU (max_entries set to the CPU count at load). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, BT_SCRATCH);
} scratch SEC(".maps");

/* Records that did not fit in the ring buffer, per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20); /* the recorder sets the size (--buffer-size) */
} events SEC(".maps");

static __always_inline void *scratch_buf(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&scratch, &cpu);
}

/* A record that did not fit in the ring buffer: counted, never lost silently. */
static __always_inline void count_lost(void)
{
	__u64 *n = bpf_map_lookup_elem(&lost, &zero_key);
	if (n)
		(*n)++;
}

/* Sends a record; the consumer polls, so no wake-up (a wake-up per record costs ~5x). */
static __always_inline void emit(void *rec, __u32 size)
{
	if (size > BT_MAX_RECORD)
		size = BT_MAX_RECORD;
	if (bpf_ringbuf_output(&events, rec, size, BPF_RB_NO_WAKEUP))
		count_lost();
}

static const struct bt_inflight zero_inflight = {};

/* Thread tid's entry state; with `create`, made (zeroed) when it has none. */
static __always_inline struct bt_inflight *inflight_of(__u32 tid, bool create)
{
	__u32 k = tid & slot_mask;
	struct bt_inflight *f = bpf_map_lookup_elem(&inflight_slots, &k);

	if (f) {
		if (f->tid == tid)
			return f;
		if (create && f->tid == 0 && __sync_val_compare_and_swap(&f->tid, 0, tid) == 0)
			return f;
	}
	f = bpf_map_lookup_elem(&inflight, &tid);
	if (f || !create)
		return f;
	/* Inserted from a zeroed value in .rodata: one on the stack would take 80 bytes of the hook's frame. */
	bpf_map_update_elem(&inflight, &tid, &zero_inflight, BPF_NOEXIST);
	f = bpf_map_lookup_elem(&inflight, &tid);
	if (f)
		f->tid = tid;
	return f;
}

/* Forgets thread tid's entry state (the thread exited): its slot is free again. */
static __always_inline void inflight_release(__u32 tid)
{
	__u32 k = tid & slot_mask;
	struct bt_inflight *f = bpf_map_lookup_elem(&inflight_slots, &k);

	if (f && f->tid == tid) {
		f->active = 0;
		f->new_task = 0;
		__sync_lock_test_and_set(&f->tid, 0);
	}
	bpf_map_delete_elem(&inflight, &tid);
}

/* The traced set's word that holds tgid's two bits. */
static __always_inline __u64 *traced_word(__u32 tgid)
{
	struct bt_traced_set *set = bpf_map_lookup_elem(&traced, &zero_key);
	return set ? &set->words[BT_PID_WORD(tgid)] : NULL;
}

static __always_inline __u32 trace_state(__u32 tgid)
{
	__u64 *w = traced_word(tgid);
	return w ? (*w >> BT_PID_SHIFT(tgid)) & 3 : 0;
}

static __always_inline bool is_traced(__u32 tgid)
{
	return trace_state(tgid) == BT_TRACED;
}

/* -e: the call filter's BT_CALL_* bits for syscall nr (one load); BT_CALL_TRACE for every call when not filtering. */
static __always_inline __u32 wanted_call(long nr)
{
	if (!filter_calls)
		return BT_CALL_TRACE;
	if (nr < 0 || nr >= BT_MAX_NR)
		return 0;
	return call_filter[nr];
}

/*
 * -e: the flags a call of filter bits `cls` is recorded with now that its status is known
 * (0: in full, BT_SC_STATE_ONLY), or -1: not recorded. A call that changes the state is
 * kept in compact form when it succeeded (a failed one changes nothing) or never returned.
 */
static __always_inline int wanted_status(__u32 cls, __u32 status)
{
	if (!filter_calls)
		return 0;
	if ((cls & BT_CALL_TRACE) && (status_filter & status))
		return 0;
	if ((cls & BT_CALL_STATE) && status != BT_STATUS_FAILED)
		return BT_SC_STATE_ONLY;
	return -1;
}

static __always_inline __u32 status_of(long ret)
{
	return ret < 0 && ret >= -4095 ? BT_STATUS_FAILED : BT_STATUS_SUCCESSFUL;
}

/* State of one record under construction. */
struct builder {
	__u8 *buf;
	__u32 off;      /* bytes written so far */
	__u16 ncap;
	__u32 cap_flags; /* AT_EXIT or 0 */
};

/* Room left for a capture's data, after its 8-byte header. */
static __always_inline __u32 room(struct builder *b)
{
	__u32 used = b->off + sizeof(struct bt_capture);
	return used >= BT_MAX_RECORD ? 0 : BT_MAX_RECORD - used;
}

static __always_inline void finish_capture(struct builder *b, __u32 off, __u32 info, __u32 len)
{
	struct bt_capture *c = (void *)(b->buf + (off & (BT_MAX_RECORD - 1)));
	c->info = info;
	c->len = len;
	b->off = (off + sizeof(*c) + len + 7) & ~7U;
	b->ncap++;
}

/* The info word of a capture: argument, flags, element (as bt_capture.info). */
#define CAP_INFO(arg, elflag, element) ((arg) | (elflag) << 8 | (element) << 16)

/*
 * The two functions that read user memory into the record are global BPF
 * functions: the verifier checks each once, on its own, with unknown arguments,
 * instead of once per call site. They find the record in this CPU's scratch
 * slot, write one capture at `off` and return the offset after it.
 */

/* `want` bytes at `ptr`, at most `limit`. */
__noinline __u32 bt_capture_bytes(__u32 off, __u32 info, __u64 ptr, __u64 want, __u32 limit)
{
	__u8 *buf = scratch_buf();
	__u32 flags = (info >> 8) & 0xff;
	__u32 used, r, len;
	struct bt_capture *c;

	if (!buf)
		return off;
	off &= BT_MAX_RECORD - 1;
	used = off + sizeof(struct bt_capture);
	r = used >= BT_MAX_RECORD ? 0 : BT_MAX_RECORD - used;
	len = want > limit ? limit : want;
	if (want > len)
		flags |= BT_CAP_TRUNCATED;
	if (len > r) {
		len = r;
		flags |= BT_CAP_TRUNCATED;
	}
	if (len > BT_MAX_CAPTURE)
		len = BT_MAX_CAPTURE;
	bt_barrier_var(len);
	len &= 2 * BT_MAX_CAPTURE - 1; /* no-op that shows the verifier the bound */
	if (!ptr) {
		len = 0;
		flags |= BT_CAP_FAULT;
	} else if (len && bpf_probe_read_user(buf + off + sizeof(struct bt_capture), len, (void *)ptr)) {
		len = 0;
		flags |= BT_CAP_FAULT;
	}
	c = (void *)(buf + off);
	c->info = (info & ~0xff00U) | flags << 8;
	c->len = len;
	return (off + sizeof(*c) + len + 7) & ~7U;
}

/* A NUL-terminated string at `ptr` (kept without its NUL), at most string_max bytes. */
__noinline __u32 bt_capture_string(__u32 off, __u32 info, __u64 ptr)
{
	__u8 *buf = scratch_buf();
	__u32 flags = (info >> 8) & 0xff;
	__u32 limit = string_max, used, r;
	struct bt_capture *c;
	long n = 0;

	if (!buf)
		return off;
	off &= BT_MAX_RECORD - 1;
	used = off + sizeof(struct bt_capture);
	r = used >= BT_MAX_RECORD ? 0 : BT_MAX_RECORD - used;
	if (limit > r)
		limit = r;
	if (limit > BT_MAX_CAPTURE - 2)
		limit = BT_MAX_CAPTURE - 2;
	bt_barrier_var(limit);
	limit &= BT_MAX_CAPTURE - 1; /* no-op that shows the verifier the bound */
	/* Two bytes more than kept: a string longer than the limit is told from one exactly at it. */
	if (ptr)
		n = bpf_probe_read_user_str(buf + off + sizeof(struct bt_capture), limit + 2, (void *)ptr);
	if (n <= 0) {
		n = 0;
		flags |= BT_CAP_FAULT;
	} else {
		n -= 1; /* the NUL */
		if (n > limit) {
			n = limit;
			flags |= BT_CAP_TRUNCATED;
		}
	}
	c = (void *)(buf + off);
	c->info = (info & ~0xff00U) | flags << 8;
	c->len = (__u32)n;
	return (off + sizeof(*c) + (__u32)n + 7) & ~7U;
}

static __always_inline void capture_bytes(struct builder *b, __u32 info, __u64 ptr, __u64 want, __u32 limit)
{
	b->off = bt_capture_bytes(b->off, info | b->cap_flags << 8, ptr, want, limit);
	b->ncap++;
}

static __always_inline void capture_string(struct builder *b, __u32 arg, __u32 element, __u32 elflag, __u64 ptr)
{
	b->off = bt_capture_string(b->off, CAP_INFO(arg, elflag | b->cap_flags, element), ptr);
	b->ncap++;
}

struct array_ctx {
	struct builder *b;
	__u64 base;
	__u32 arg;
	__u32 count;
	__u32 budget; /* bytes that may be captured */
	__u32 done;   /* bytes captured */
	__u64 avail;  /* bytes of valid data (what a read returned) */
	__u64 used;   /* bytes of valid data seen */
};

static long strings_step(__u32 i, void *data)
{
	struct array_ctx *a = data;
	__u64 p = 0;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(a->base + i * 8)) || !p)
		return 1;
	if (room(a->b) < 16)
		return 1;
	capture_string(a->b, a->arg, i, BT_CAP_ELEMENT, p);
	return 0;
}

static long count_step(__u32 i, void *data)
{
	struct array_ctx *a = data;
	__u64 p = 0;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(a->base + i * 8)) || !p)
		return 1;
	a->count = i + 1;
	return 0;
}

static long dirents_step(__u32 i, void *data)
{
	struct array_ctx *a = data;
	__u16 reclen = 0;
	/* d_reclen sits at offset 16 in both linux_dirent and linux_dirent64 */
	if (a->done + 18 > a->budget || bpf_probe_read_user(&reclen, sizeof(reclen), (void *)(a->base + a->done + 16)) || !reclen)
		return 1;
	a->done += reclen;
	a->count++;
	return 0;
}

/* One iovec: its buffer, as much as is valid (avail: the bytes a read returned) and fits the budget. */
static __always_inline long iovec_at(struct array_ctx *a, __u32 i, __u32 element)
{
	struct { __u64 base; __u64 len; } iov = {};
	__u64 valid, want;
	__u32 left;
	if (i >= a->count || bpf_probe_read_user(&iov, sizeof(iov), (void *)(a->base + i * 16)))
		return 1;
	valid = a->avail > a->used ? a->avail - a->used : 0;
	want = iov.len < valid ? iov.len : valid;
	left = a->budget > a->done ? a->budget - a->done : 0;
	capture_bytes(a->b, CAP_INFO(a->arg, BT_CAP_ELEMENT, element), iov.base, want, left);
	a->used += want;
	a->done += want > left ? left : (__u32)want;
	return 0;
}

static long iovec_step(__u32 i, void *data)
{
	return iovec_at(data, i, i);
}

/* A message's iovecs (an mmsghdr's message k: element numbers from BT_EL_MMSG(k)). */
struct msg_iov_ctx {
	struct array_ctx a;
	__u32 el;
};

static long msg_iovec_step(__u32 i, void *data)
{
	struct msg_iov_ctx *m = data;
	return iovec_at(&m->a, i, m->el + i);
}

/*
 * A plain buffer capture (a buffer sized by an argument or the return value, a fixed
 * struct), found without reading user memory: 1 with *want and *limit set, 0 when the
 * slot captures nothing this time (skip_data: the buffer is captured data and
 * --no-data leaves it out), -1 for the other kinds.
 */
static __always_inline int plan_buffer(__u32 kind, bool skip_data, __u32 size_arg, __u32 bytes, const __u64 *args,
				       long ret, bool at_exit, __u64 *want, __u32 *limit)
{
	switch (kind) {
	case BT_CK_BUF_ARG:
	case BT_CK_BUF_RET:
		if (skip_data)
			return 0;
		if (kind == BT_CK_BUF_ARG) {
			*want = args[size_arg < BT_NARGS ? size_arg : 0];
		} else {
			if (!at_exit || ret <= 0)
				return 0;
			*want = ret;
		}
		*limit = buffer_max;
		return 1;
	case BT_CK_STRUCT:
		*want = bytes;
		*limit = bytes;
		return 1;
	}
	return -1;
}

/*
 * What the struct msghdr at `addr` points to, captured at exit at `off` of the record in this
 * CPU's scratch slot, with element numbers from info >> 16 (info & 0xff: the argument): its
 * name, control, iovec array and, unless skip_data, the buffers, as much as is valid (`avail`
 * bytes). Returns the captures written << 17 | the offset after them. A global function:
 * verified once for the msghdr and the mmsghdr captures.
 */
__noinline __u32 bt_msg_parts(__u32 off, __u32 info, __u64 addr, __u64 avail, __u32 skip_data)
{
	/* struct user_msghdr: name, namelen, iov, iovlen, control, controllen, flags */
	struct { __u64 name; __u32 namelen; __u32 pad; __u64 iov; __u64 iovlen; __u64 control; __u64 controllen; __u32 flags; __u32 pad2; } m = {};
	struct builder b = { .buf = scratch_buf(), .off = off & (BT_MAX_RECORD - 1), .ncap = 0, .cap_flags = BT_CAP_AT_EXIT };
	__u32 i = info & 0xff, el = info >> 16;
	struct msg_iov_ctx x = { .a = { .b = &b, .arg = i }, .el = el };

	if (!b.buf || !addr || bpf_probe_read_user(&m, sizeof(m), (void *)addr))
		return off;
	if (m.name && m.namelen)
		capture_bytes(&b, CAP_INFO(i, BT_CAP_ELEMENT, el | BT_EL_MSG_NAME), m.name, m.namelen, 128);
	if (m.control && m.controllen)
		capture_bytes(&b, CAP_INFO(i, BT_CAP_ELEMENT, el | BT_EL_MSG_CONTROL), m.control, m.controllen, 256);
	if (m.iov) {
		capture_bytes(&b, CAP_INFO(i, BT_CAP_ELEMENT, el | BT_EL_MSG_IOV), m.iov, m.iovlen * 16, BT_MAX_IOV * 16);
		if (!skip_data) {
			x.a.base = m.iov;
			x.a.count = m.iovlen > BT_MAX_IOV ? BT_MAX_IOV : m.iovlen;
			x.a.budget = buffer_max;
			x.a.avail = avail;
			bpf_loop(BT_MAX_IOV, msg_iovec_step, &x, 0);
		}
	}
	return (__u32)b.ncap << 17 | (b.off & ((1U << 17) - 1));
}

static __always_inline void msg_parts(struct builder *b, __u32 i, __u32 el, __u64 addr, __u64 avail, bool skip_data)
{
	__u32 r = bt_msg_parts(b->off, i | el << 16, addr, avail, skip_data);

	b->off = r & ((1U << 17) - 1);
	b->ncap += r >> 17;
}

struct mmsg_ctx {
	struct builder *b;
	__u64 base;
	__u32 arg;
	__u32 count;
	bool skip_data;
};

/* Message k of an mmsghdr array: its parts, as much data as its msg_len says is valid. */
static long mmsg_step(__u32 k, void *data)
{
	struct mmsg_ctx *x = data;
	__u64 addr = x->base + k * BT_MMSGHDR_SIZE;
	__u32 len = 0;

	if (k >= x->count || room(x->b) < 16 || bpf_probe_read_user(&len, sizeof(len), (void *)(addr + 56)))
		return 1;
	msg_parts(x->b, x->arg, BT_EL_MMSG(k), addr, len, x->skip_data);
	return 0;
}

struct slots_ctx {
	struct builder *b;
	const struct bt_syscall_spec *spec;
	const __u64 *args;
	long ret;
	__u32 first; /* step j takes argument first + j */
	bool at_exit;
};

/* Takes the capture the table asks for one argument (one bpf_loop step, verified once). */
static long capture_slot(__u32 j, void *data)
{
	struct slots_ctx *x = data;
	__u32 i = x->first + j;
	struct builder *b = x->b;
	const struct bt_capture_slot *s;
	const __u64 *args = x->args;
	long ret = x->ret;
	bool at_exit = x->at_exit;
	__u32 kind, sa, limit = 0;
	__u64 ptr, n = 0;
	bool skip_data;
	int plan;

	if (i >= BT_NARGS)
		return 1;
	s = &x->spec->slot[i];
	kind = s->kind;
	if (kind == BT_CK_NONE)
		return 0;
	/* At entry of an ordinary call, only the slots marked for entry. */
	if (!at_exit && !(x->spec->flags & BT_SPEC_AT_ENTRY) && !(kind & BT_CK_ALSO_AT_ENTRY))
		return 0;
	skip_data = !capture_buffers && (kind & BT_CK_DATA);
	kind &= BT_CK_KIND_MASK;
	if (room(b) < 16)
		return 1;
	ptr = args[i];
	sa = s->size_arg < BT_NARGS ? s->size_arg : 0;
	plan = plan_buffer(kind, skip_data, sa, s->bytes, args, ret, at_exit, &n, &limit);
	if (plan >= 0) {
		if (plan)
			capture_bytes(b, CAP_INFO(i, 0, 0), ptr, n, limit);
		return 0;
	}
	switch (kind) {
	case BT_CK_STRING:
		capture_string(b, i, 0, 0, ptr);
		break;
	case BT_CK_BUF_ARGPTR: {
		__u32 v = 0;
		if (skip_data || bpf_probe_read_user(&v, sizeof(v), (void *)args[sa]))
			break;
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, v, buffer_max);
		break;
	}
	case BT_CK_ARRAY_ARG:
	case BT_CK_ARRAY_RET:
		n = kind == BT_CK_ARRAY_ARG ? args[sa] : (ret > 0 ? ret : 0);
		if (n > 4096)
			n = 4096;
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, n * s->bytes, 4096);
		break;
	case BT_CK_IOVEC: {
		struct array_ctx a = { .b = b, .base = ptr, .arg = i };
		n = args[sa];
		a.count = n > BT_MAX_IOV ? BT_MAX_IOV : n;
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, n * 16, BT_MAX_IOV * 16);
		if (skip_data)
			break;
		a.budget = buffer_max;
		a.avail = at_exit && ret >= 0 ? (__u64)ret : ~0ULL;
		bpf_loop(BT_MAX_IOV, iovec_step, &a, 0);
		break;
	}
	case BT_CK_MSGHDR:
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, 56, 56);
		/* At entry (recvmsg's value-result msg_namelen) the struct is all that is needed. */
		if (at_exit)
			msg_parts(b, i, 0, ptr, ret >= 0 ? (__u64)ret : ~0ULL, skip_data);
		break;
	case BT_CK_MMSGHDR: {
		/* The messages the call sent or received (its return value), each with its msg_len. */
		struct mmsg_ctx m = { .b = b, .base = ptr, .arg = i, .skip_data = skip_data };
		n = args[sa] < BT_MAX_MMSG ? args[sa] : BT_MAX_MMSG;
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, n * BT_MMSGHDR_SIZE, BT_MAX_MMSG * BT_MMSGHDR_SIZE);
		if (!at_exit || ret <= 0)
			break;
		m.count = (__u64)ret < n ? (__u32)ret : (__u32)n;
		bpf_loop(BT_MAX_MMSG, mmsg_step, &m, 0);
		break;
	}
	case BT_CK_PTRLEN: {
		struct { __u64 ptr; __u64 len; } pl = {};
		capture_bytes(b, CAP_INFO(i, 0, 0), ptr, sizeof(pl), sizeof(pl));
		if (!ptr || bpf_probe_read_user(&pl, sizeof(pl), (void *)ptr) || !pl.ptr)
			break;
		capture_bytes(b, CAP_INFO(i, BT_CAP_ELEMENT, BT_EL_PTRLEN_DATA), pl.ptr, pl.len, s->bytes);
		break;
	}
	case BT_CK_STRINGS: {
		struct array_ctx a = { .b = b, .base = ptr, .arg = i };
		bpf_loop(BT_MAX_ELEMENTS, strings_step, &a, 0);
		break;
	}
	case BT_CK_COUNT:
	case BT_CK_DIRENTS: {
		struct array_ctx a = { .b = b, .base = ptr, .arg = i };
		__u32 off = b->off & (BT_MAX_RECORD - 1);
		if (kind == BT_CK_DIRENTS) {
			if (!at_exit || ret <= 0)
				break;
			a.budget = ret;
			bpf_loop(BT_MAX_DIRENTS, dirents_step, &a, 0);
		} else if (ptr) {
			bpf_loop(BT_MAX_COUNT, count_step, &a, 0);
		}
		*(__u32 *)(b->buf + off + sizeof(struct bt_capture)) = a.count;
		finish_capture(b, off, i | (b->cap_flags | (ptr ? 0 : BT_CAP_FAULT)) << 8, 4);
		break;
	}
	}
	return 0;
}

/*
 * Takes the captures the table asks for, for one syscall, at entry or at exit: at exit
 * only over the arguments that have one (each step is a call, and most calls capture
 * one argument).
 */
static __always_inline void capture_args(struct builder *b, const struct bt_syscall_spec *spec, const __u64 *args, long ret, bool at_exit)
{
	struct slots_ctx x = { .b = b, .spec = spec, .args = args, .ret = ret, .at_exit = at_exit };
	__u32 steps = BT_NARGS;

	if (at_exit && spec->exit_first < spec->exit_end && spec->exit_end <= BT_NARGS) {
		x.first = spec->exit_first;
		steps = spec->exit_end - spec->exit_first;
	}
	bpf_loop(steps, capture_slot, &x, 0);
}

/*
 * The argument registers lie together in struct pt_regs, r10 to di (the order the
 * entry code pushes them in): one read of 64 bytes instead of the whole struct.
 */
struct arg_regs {
	__u64 r10, r9, r8, ax, cx, dx, si, di;
};
_Static_assert(__builtin_offsetof(struct pt_regs, di) - __builtin_offsetof(struct pt_regs, r10) ==
		       __builtin_offsetof(struct arg_regs, di), "pt_regs: r10..di are not together");

/*
 * The six argument registers, in the x86_64 syscall ABI's order. In a tp_btf program
 * (`btf`) regs is a pointer the verifier knows the type of: plain loads. In a raw_tp
 * program it is a number: one read of the 64 bytes r10..di.
 */
static __always_inline void read_args(struct pt_regs *regs, __u64 *args, bool btf)
{
	struct arg_regs r;

	if (btf) {
		args[0] = regs->di;
		args[1] = regs->si;
		args[2] = regs->dx;
		args[3] = regs->r10;
		args[4] = regs->r8;
		args[5] = regs->r9;
		return;
	}
	if (bpf_probe_read_kernel(&r, sizeof(r), (void *)regs + bpf_core_field_offset(regs->r10)))
		__builtin_memset(&r, 0, sizeof(r));
	args[0] = r.di;
	args[1] = r.si;
	args[2] = r.dx;
	args[3] = r.r10;
	args[4] = r.r8;
	args[5] = r.r9;
}

/* The syscall number of a call entered before tracing began (orig_ax), or -1. */
static __always_inline long read_nr(struct pt_regs *regs, bool btf)
{
	return btf ? regs->orig_ax : BPF_CORE_READ(regs, orig_ax);
}

/* The fixed part of a syscall record. */
static __always_inline void fill_syscall(struct bt_syscall *rec, __u32 type, __u32 pid, __u32 tid, __u32 nr,
					 __u64 enter_ns, __u64 exit_ns, long ret, const __u64 *args, __u32 flags)
{
	rec->type = type;
	rec->size = sizeof(*rec);
	rec->pid = pid;
	rec->tid = tid;
	rec->nr = nr;
	rec->enter_ns = enter_ns;
	rec->exit_ns = exit_ns;
	rec->ret = ret;
	for (int i = 0; i < BT_NARGS; i++)
		rec->args[i] = args[i];
	rec->flags = flags;
	rec->ncaptures = 0;
}

/* A syscall record with one capture of at most BT_INPLACE_BYTES, as written in place. */
struct small_syscall {
	struct bt_syscall rec;
	struct bt_capture cap;
	__u8 data[BT_INPLACE_BYTES];
};

/*
 * The capture of a record written in place (`want` bytes at `ptr`, `len` of them kept, at
 * most BT_INPLACE_BYTES), as bt_capture_bytes would have written it; then sends the record.
 * The user memory is read into the stack and copied, from a frame under 64 bytes: the
 * verifier gives such a frame no private stack, so it is on the thread's own, where the
 * kernel's hardened-usercopy check of the destination ends at once (the ring, or a private
 * stack, gets its heap checks: two more calls). Inline in the exit hook (exit_in_place),
 * whose frame is that small, and in submit_small for the other callers.
 */
static __always_inline void finish_small(struct small_syscall *r, __u32 info, __u64 ptr, __u64 want, __u64 len)
{
	__u64 data[BT_INPLACE_BYTES / 8] = {};
	__u32 cflags = (info >> 8) & 0xff;

	if (want > len)
		cflags |= BT_CAP_TRUNCATED;
	bt_barrier_var(len);
	if (len > BT_INPLACE_BYTES) /* never: the caller checked; the verifier sees the bound here */
		len = 0;
	if (!ptr || (len && bpf_probe_read_user(data, len, (void *)ptr))) {
		len = 0;
		cflags |= BT_CAP_FAULT;
	}
	for (int i = 0; i < BT_INPLACE_BYTES / 8; i++)
		((__u64 *)r->data)[i] = data[i];
	r->cap.info = (info & ~0xff00U) | cflags << 8;
	r->cap.len = len;
	r->rec.ncaptures = 1;
	r->rec.size = (sizeof(r->rec) + sizeof(r->cap) + len + 7) & ~7U;
	bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
}

/* finish_small in a function of its own, with a small frame, for callers whose frames are large. */
static __noinline void submit_small(struct small_syscall *r, __u32 info, __u64 ptr, __u64 want, __u64 len)
{
	finish_small(r, info, ptr, want, len);
}

/*
 * Sends a syscall record with one buffer capture (`want` bytes at `ptr`, `len` of them
 * kept, at most BT_INPLACE_BYTES) written in place in the ring.
 */
static __always_inline void emit_small(__u32 type, __u32 pid, __u32 tid, __u32 nr, __u64 enter_ns, __u64 exit_ns,
				       long ret, const __u64 *args, __u32 flags, __u32 info, __u64 ptr, __u64 want,
				       __u64 len)
{
	struct small_syscall *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);

	if (!r) {
		count_lost();
		return;
	}
	fill_syscall(&r->rec, type, pid, tid, nr, enter_ns, exit_ns, ret, args, flags);
	submit_small(r, info, ptr, want, len);
}

/*
 * Sends one syscall record; `spec` is its row of the capture table (NULL: nothing to
 * capture). A call with nothing to capture (most of them, and every call at entry but
 * execve's and the value-result ones) is written in place in the ring, and so is one
 * whose one capture is a buffer of at most BT_INPLACE_BYTES; any other is built in this
 * CPU's scratch slot and copied.
 */
static __always_inline void emit_syscall(__u32 type, __u32 pid, __u32 tid, __u32 nr, __u64 enter_ns, __u64 exit_ns,
					 long ret, const __u64 *args, __u32 flags, const struct bt_syscall_spec *spec,
					 bool at_exit)
{
	struct bt_syscall *rec;
	struct builder b;

	if (spec && at_exit && !spec->exit_end)
		spec = NULL;
	if (spec && at_exit && spec->exit_end == spec->exit_first + 1 && spec->exit_first < BT_NARGS) {
		__u32 i = spec->exit_first, limit = 0;
		const struct bt_capture_slot *s = &spec->slot[i];
		__u64 want = 0, len;
		bool skip_data = !capture_buffers && (s->kind & BT_CK_DATA);
		int plan = plan_buffer(s->kind & BT_CK_KIND_MASK, skip_data, s->size_arg, s->bytes, args, ret, true,
				       &want, &limit);

		if (plan == 0) {
			spec = NULL; /* nothing to capture this time */
		} else if (plan > 0) {
			len = want < limit ? want : limit;
			if (len <= BT_INPLACE_BYTES) {
				emit_small(type, pid, tid, nr, enter_ns, exit_ns, ret, args, flags,
					   CAP_INFO(i, BT_CAP_AT_EXIT, 0), args[i], want, len);
				return;
			}
		}
	}
	if (!spec) {
		rec = bpf_ringbuf_reserve(&events, sizeof(*rec), 0);
		if (!rec) {
			count_lost();
			return;
		}
		fill_syscall(rec, type, pid, tid, nr, enter_ns, exit_ns, ret, args, flags);
		bpf_ringbuf_submit(rec, BPF_RB_NO_WAKEUP);
		return;
	}
	rec = scratch_buf();
	if (!rec)
		return;
	fill_syscall(rec, type, pid, tid, nr, enter_ns, exit_ns, ret, args, flags);
	b.buf = (__u8 *)rec;
	b.off = sizeof(*rec);
	b.ncap = 0;
	b.cap_flags = at_exit ? BT_CAP_AT_EXIT : 0;
	capture_args(&b, spec, args, ret, at_exit);
	rec->ncaptures = b.ncap;
	rec->size = b.off;
	emit(rec, b.off);
}

/* The row of the capture table a call of number nr recorded with `flags` takes its captures from (NULL: none). */
static __always_inline const struct bt_syscall_spec *spec_of(__u32 nr, __u32 flags)
{
	__u32 row = nr + (flags & BT_SC_STATE_ONLY ? BT_MAX_NR : 0);

	return nr < BT_MAX_NR ? bpf_map_lookup_elem(&specs, &row) : NULL;
}

/*
 * -y: what each fd a call made refers to (the capture table's BT_SPEC_FD_* flags, from the
 * syscall table's returns column and fds role), read at the call's exit and sent as one
 * BT_REC_FD_PATHS record just before the call's own record (the recorder merges it into
 * the call as captures, as it does with entry captures). raw_tp programs cannot call
 * bpf_d_path: the path is rebuilt as d_path does, from the file's dentry up its d_parent
 * chain and across mounts (struct mount's mnt_parent and mnt_mountpoint), at most
 * BT_FD_PATH_DEPTH dentries and BT_FD_PATH_MAX bytes, written backwards in this CPU's
 * scratch slot after the record.
 */
#define PATH_AREA 32768 /* offset of the path area in the scratch slot; the record lies below */
_Static_assert(PATH_AREA + BT_FD_PATH_MAX + 256 <= BT_SCRATCH, "scratch: no room for the path area");
#define S_IFMT_ 00170000
#define S_IFSOCK_ 0140000
#define S_IFCHR_ 0020000
#define S_IFBLK_ 0060000
#define AF_UNIX_ 1
#define AF_INET_ 2
#define AF_INET6_ 10
#define UNIX_PATH_MAX_ 108

/*
 * Fields of a kernel struct that lie close together are read with one bpf_probe_read_kernel
 * of the bytes from the first to the end of the last (each helper call costs tens of
 * nanoseconds, and the walk made dozens per fd). Their CO-RE offsets and sizes are
 * constants when the program loads, so the verifier sees the span's size and keeps one of
 * the two ways; a kernel where they lie further apart than BT_SPAN bytes (none does) has
 * them read one by one. A failed read leaves zeros, as BPF_CORE_READ does.
 */
#define BT_SPAN 96
#define BT_FIELDS_MAX 4

struct field {
	__u32 at;
	__u32 size; /* 1, 2, 4 or 8 */
};

#define FIELD(type, f) { bpf_core_field_offset(type, f), bpf_core_field_size(type, f) }

/* The n fields of *p described by f[], each zero-extended into v[]. */
static __always_inline void read_fields(const void *p, const struct field *f, __u64 *v, int n)
{
	__u32 from = f[0].at, to = f[0].at + f[0].size;
	__u8 span[BT_SPAN];

#pragma unroll
	for (int i = 1; i < BT_FIELDS_MAX && i < n; i++) {
		from = f[i].at < from ? f[i].at : from;
		to = f[i].at + f[i].size > to ? f[i].at + f[i].size : to;
	}
	if (to - from <= BT_SPAN) {
		bpf_probe_read_kernel(span, to - from, p + from);
#pragma unroll
		for (int i = 0; i < BT_FIELDS_MAX && i < n; i++) {
			__u8 *at = span + (f[i].at - from);
			v[i] = f[i].size == 8 ? *(__u64 *)at : f[i].size == 4 ? *(__u32 *)at : f[i].size == 2 ? *(__u16 *)at : *at;
		}
		return;
	}
#pragma unroll
	for (int i = 0; i < BT_FIELDS_MAX && i < n; i++) {
		v[i] = 0;
		bpf_probe_read_kernel(&v[i], f[i].size < 8 ? f[i].size : 8, p + f[i].at);
	}
}

struct walk_ctx {
	__u64 dentry;   /* the dentry whose name comes next */
	__u64 mnt;      /* its struct mount */
	__u64 mnt_root; /* that mount's root dentry */
	__u32 pos;      /* the path so far lies at PATH_AREA + pos .. PATH_AREA + BT_FD_PATH_MAX */
	__u32 done;     /* the walk reached a root */
};

/* A dentry's name (len bytes at name) before the path so far, after a '/'; false when it does not fit. */
static __always_inline bool prepend_name(struct walk_ctx *w, __u32 len, __u64 name)
{
	__u8 *buf = scratch_buf();
	__u32 pos = w->pos;

	if (!buf || len > 255 || len + 1 > pos)
		return false;
	pos -= len + 1;
	w->pos = pos;
	bt_barrier_var(len);
	bpf_probe_read_kernel(buf + PATH_AREA + ((pos + 1) & (BT_FD_PATH_MAX - 1)), len & 255, (void *)name);
	buf[PATH_AREA + (pos & (BT_FD_PATH_MAX - 1))] = '/';
	return true;
}

/* One step up: to the parent dentry, or from a mount's root to where it is mounted. */
static long walk_step(__u32 i, void *data)
{
	struct walk_ctx *w = data;
	struct dentry *d = (void *)w->dentry;
	const struct field f[] = { FIELD(struct dentry, d_parent), FIELD(struct dentry, d_name.len), FIELD(struct dentry, d_name.name) };
	__u64 l[3]; /* d_parent, d_name.len, d_name.name: they lie together */

	if (w->dentry == w->mnt_root) {
		struct mount *m = (void *)w->mnt, *up = BPF_CORE_READ(m, mnt_parent);
		if (!up || (__u64)up == w->mnt) {
			w->done = 1; /* the root of the mount tree */
			return 1;
		}
		w->dentry = (__u64)BPF_CORE_READ(m, mnt_mountpoint);
		w->mnt = (__u64)up;
		w->mnt_root = (__u64)BPF_CORE_READ(up, mnt.mnt_root);
		return 0;
	}
	read_fields(d, f, l, 3);
	if (!prepend_name(w, l[1], l[2]))
		return 1;
	if (!l[0] || l[0] == w->dentry) {
		w->done = 1; /* a pseudo file's own dentry (pipe, socket, anon inode, memfd), or a disconnected one */
		return 1;
	}
	w->dentry = l[0];
	return 0;
}

/*
 * A socket's details at `dst` (after its bt_fd_path): its protocol and addresses, then a
 * unix socket's bound path; their length. Its peer's inode in *peer_ino (a connected unix
 * socket).
 */
static __always_inline __u32 socket_details(__u8 *dst, struct sock *sk, __u16 family, __u64 *peer_ino)
{
	struct bt_sock_addrs a = {};
	__u32 len = 0;

	bpf_probe_read_kernel_str(a.proto, sizeof(a.proto), BPF_CORE_READ(sk, __sk_common.skc_prot, name));
	if (family == AF_INET_) {
		BPF_CORE_READ_INTO(&a.local, sk, __sk_common.skc_rcv_saddr);
		BPF_CORE_READ_INTO(&a.peer, sk, __sk_common.skc_daddr);
	} else if (family == AF_INET6_) {
		BPF_CORE_READ_INTO(&a.local, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&a.peer, sk, __sk_common.skc_v6_daddr);
	}
	if (family == AF_INET_ || family == AF_INET6_) {
		a.local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
		a.peer_port = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	}
	__builtin_memcpy(dst, &a, sizeof(a));
	if (family == AF_UNIX_) {
		struct unix_sock *us = (void *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		struct socket *ps = peer ? BPF_CORE_READ(peer, sk_socket) : NULL;
		struct unix_address *addr = BPF_CORE_READ(us, addr);

		if (ps)
			*peer_ino = BPF_CORE_READ((struct socket_alloc *)ps, vfs_inode.i_ino);
		len = addr ? BPF_CORE_READ(addr, len) : 0;
		len = len > 2 ? len - 2 : 0; /* sun_family */
		if (len > UNIX_PATH_MAX_)
			len = UNIX_PATH_MAX_;
		if (len && bpf_probe_read_kernel(dst + sizeof(a), len & 127, (void *)addr + bpf_core_field_offset(struct unix_address, name) + 2))
			len = 0;
	}
	return sizeof(a) + len;
}

/*
 * The capture of what fd refers to, at `off` of the record in this CPU's scratch slot; the
 * offset after it (`off` when fd is not open). A global function: verified once.
 */
__noinline __u32 bt_fd_path_capture(__u32 off, __u32 element, __s64 fd)
{
	/* A BTF pointer: the fd table is reached with plain loads, in the raw_tp programs too. */
	struct fdtable *fdt = bpf_get_current_task_btf()->files->fdt;
	const struct field ff[] = { FIELD(struct file, private_data), FIELD(struct file, f_inode), FIELD(struct file, f_path.mnt),
				    FIELD(struct file, f_path.dentry) };
	const struct field inf[] = { FIELD(struct inode, i_mode), FIELD(struct inode, i_sb), FIELD(struct inode, i_ino),
				     FIELD(struct inode, i_rdev) };
	__u64 fl[4], in[4]; /* the file's private data, inode, mount, dentry; the inode's mode, super block, number, device */
	struct walk_ctx w = { .pos = BT_FD_PATH_MAX };
	struct bt_fd_path info = {};
	struct super_block *sb;
	struct vfsmount *vfsmnt;
	struct dentry *dentry;
	struct file *f = NULL;
	struct bt_capture *c;
	__u32 len, flags = BT_CAP_ELEMENT | BT_CAP_AT_EXIT;
	__u16 mode;
	__u8 *buf = scratch_buf();

	if (!buf || fd < 0 || fd >= fdt->max_fds || bpf_probe_read_kernel(&f, sizeof(f), (void *)fdt->fd + fd * sizeof(f)) || !f)
		return off;
	read_fields(f, ff, fl, 4);
	read_fields((void *)fl[1], inf, in, 4);
	mode = in[0];
	sb = (void *)in[1];
	dentry = (void *)fl[3];
	info.ino = in[2];
	info.fs_magic = BPF_CORE_READ(sb, s_magic);
	info.deleted = BPF_CORE_READ(dentry, d_hash.pprev) == NULL;
	off &= 16384 - 1;
	c = (void *)(buf + off);
	if ((mode & S_IFMT_) == S_IFSOCK_) {
		struct socket *sock = (void *)fl[0];
		struct sock *sk = BPF_CORE_READ(sock, sk);
		info.type = BPF_CORE_READ(sk, __sk_common.skc_family);
		info.state = BPF_CORE_READ(sk, __sk_common.skc_state);
		len = socket_details(buf + off + sizeof(*c) + sizeof(info), sk, info.type, &info.peer);
		c->info = CAP_INFO(BT_ARG_FDS, flags, element);
		c->len = sizeof(info) + len;
		__builtin_memcpy(buf + off + sizeof(*c), &info, sizeof(info));
		return (off + sizeof(*c) + sizeof(info) + len + 7) & ~7U;
	}
	info.type = (mode & S_IFMT_) >> 12;
	if (info.type == S_IFCHR_ >> 12 || info.type == S_IFBLK_ >> 12)
		info.peer = in[3];
	w.dentry = fl[3];
	w.mnt = fl[2] - bpf_core_field_offset(struct mount, mnt);
	vfsmnt = (void *)fl[2];
	w.mnt_root = (__u64)BPF_CORE_READ(vfsmnt, mnt_root);
	bpf_loop(BT_FD_PATH_DEPTH, walk_step, &w, 0);
	if (!w.done)
		flags |= BT_CAP_TRUNCATED;
	len = w.pos < BT_FD_PATH_MAX ? BT_FD_PATH_MAX - w.pos : 0;
	c->info = CAP_INFO(BT_ARG_FDS, flags, element);
	c->len = sizeof(info) + len;
	__builtin_memcpy(buf + off + sizeof(*c), &info, sizeof(info));
	bt_barrier_var(len);
	len &= 2 * BT_FD_PATH_MAX - 1; /* no-op that shows the verifier the bound */
	if (len > BT_FD_PATH_MAX)
		len = BT_FD_PATH_MAX;
	bpf_probe_read_kernel(buf + off + sizeof(*c) + sizeof(info), len,
			      buf + PATH_AREA + ((BT_FD_PATH_MAX - len) & (BT_FD_PATH_MAX - 1)));
	return (off + sizeof(*c) + sizeof(info) + len + 7) & ~7U;
}

/* A call's six arguments, as a global function takes them (a pointer to 48 bytes). */
struct bt_call_args {
	__u64 v[BT_NARGS];
};

/*
 * Sends the record of what the fds a call made refer to (verified once, on its own), at
 * its successful exit (or a connect in progress): the fd returned (BT_SPEC_FD_RET), the
 * two fds written to memory at its fds argument (BT_SPEC_FD_PAIR); or the socket of its fd
 * argument (BT_SPEC_FD_ARG). `flags`: its capture table row's.
 */
__noinline int bt_send_fd_paths(__u64 pid_tid, __u32 nr, __s64 ret, __u32 flags, const struct bt_call_args *args)
{
	struct bt_fd_paths *rec;
	__u32 off = sizeof(*rec), next, fds = BT_SPEC_FDS_ARG(flags);
	__u64 fds_arg;
	__u16 n = 0;
	__s32 pair[2] = {};

	/* A non-blocking connect in progress has its local address already (-EINPROGRESS). */
	if (ret < 0 && ret != -115)
		return 0;
	if (ret < 0)
		flags &= BT_SPEC_FD_ARG;
	rec = scratch_buf();
	if (!rec || !args)
		return 0;
	fds_arg = fds < BT_NARGS ? args->v[fds] : 0;
	rec->type = BT_REC_FD_PATHS;
	rec->pid = pid_tid >> 32;
	rec->tid = (__u32)pid_tid;
	rec->nr = nr;
	rec->pad = 0;
	/* A capture that found no file is not written: n counts what is there. */
	if (flags & BT_SPEC_FD_RET) {
		next = bt_fd_path_capture(off, BT_EL_FD_RET, ret);
		n += next != off;
		off = next;
	}
	if (flags & BT_SPEC_FD_ARG) {
		next = bt_fd_path_capture(off, BT_EL_FD_ARG, (__s32)fds_arg);
		n += next != off;
		off = next;
	}
	if ((flags & BT_SPEC_FD_PAIR) && !bpf_probe_read_user(pair, sizeof(pair), (void *)fds_arg)) {
		next = bt_fd_path_capture(off, BT_EL_FD_PAIR, pair[0]);
		n += next != off;
		off = next;
		next = bt_fd_path_capture(off, BT_EL_FD_PAIR + 1, pair[1]);
		n += next != off;
		off = next;
	}
	rec = scratch_buf();
	if (!rec || !n)
		return 0;
	rec->ncaptures = n;
	rec->size = off;
	emit(rec, off & (16384 - 1));
	return 0;
}

/*
 * -y: what the fds a call made refer to, when its row of the capture table says it makes
 * some (both rows of a number have the same fd flags). Only the row's flags are looked at
 * here, the status in bt_send_fd_paths: a branch on the return value in the exit hook split
 * the verifier's walk of the rest of the hook in two (sys_exit: 16,261 instructions processed,
 * 21 ms of load, against ~10,300 and 12 ms).
 */
static __always_inline __u32 fd_flags(__u32 spec_flags)
{
	return spec_flags & (BT_SPEC_FD_RET | BT_SPEC_FD_PAIR | BT_SPEC_FD_ARG);
}

static __always_inline void send_fd_paths(__u32 pid, __u32 tid, __u32 nr, long ret, const __u64 *args, __u32 spec_flags)
{
	if (fd_flags(spec_flags))
		bt_send_fd_paths((__u64)pid << 32 | tid, nr, ret, spec_flags, (const struct bt_call_args *)args);
}

/* A process record of `type` for pid/tid in this CPU's scratch slot, every field zeroed. */
static __always_inline struct bt_process *process_record(__u32 type, __u32 pid, __u32 tid)
{
	struct bt_process *rec = scratch_buf();
	if (!rec)
		return NULL;
	__builtin_memset(rec, 0, sizeof(*rec));
	rec->type = type;
	rec->size = sizeof(*rec);
	rec->pid = pid;
	rec->tid = tid;
	rec->ns = bpf_ktime_get_ns();
	return rec;
}

/* Sends a process record with `len` bytes of data after it. */
static __always_inline void emit_process(struct bt_process *rec, __u32 len)
{
	rec->data_len = len;
	rec->size = (sizeof(*rec) + len + 7) & ~7U;
	emit(rec, rec->size);
}

/*
 * --cgroup: whether the current task, whose process tgid is not traced, runs in the cgroup
 * (or below it); if so, its process joins the traced set from this call on, and a
 * BT_REC_JOINED record tells the recorder. One helper call per call of an untraced process.
 */
static __always_inline bool in_cgroup(__u32 tgid, __u32 tid)
{
	struct bt_process *rec;
	__u64 *w;

	if (!cgroup_filter || tgid == recorder_tgid || bpf_current_task_under_cgroup(&cgroup, 0) != 1)
		return false;
	w = traced_word(tgid);
	if (!w)
		return false;
	__sync_fetch_and_or(w, (__u64)BT_TRACED << BT_PID_SHIFT(tgid));
	if (floor_only)
		return true;
	/* Built in the scratch slot: on the stack it would take 56 bytes of the entry hook's frame. */
	rec = process_record(BT_REC_JOINED, tgid, tid);
	if (rec)
		emit_process(rec, 0);
	return true;
}

/*
 * -e: whether the call now returning (its number read from the registers, before any
 * other work) is outside the filter entirely, so that its exit costs this and no more.
 * A new task's return from its parent's fork/clone is never outside it (those calls
 * change the state), so the new_task mark below is always cleared.
 */
static __always_inline bool unwanted_at_exit(struct pt_regs *regs, bool btf)
{
	if (!filter_calls)
		return false;
	return !wanted_call(read_nr(regs, btf));
}

/*
 * The syscall tracepoints' arguments (the registers; the number at entry, the return value
 * at exit), read from the context where they are used: a value kept across a helper call
 * takes a stack slot, and the exit hook's frame must stay small (exit_in_place).
 */
#define HOOK_REGS(ctx) ((struct pt_regs *)(ctx)[0])
#define HOOK_ARG(ctx) ((long)(ctx)[1])

/*
 * The record of the captures a call takes at entry (execve's, the value-result arguments'),
 * for the row of flags (0 or BT_SC_STATE_ONLY). A function of its own, with the arguments
 * read again onto its own stack, so that the entry hook's frame stays small.
 */
static __noinline int sys_enter_captures(__u64 *ctx, __u64 pid_tgid, __u64 now, __u32 flags, bool btf)
{
	long id = HOOK_ARG(ctx);
	const struct bt_syscall_spec *spec;
	__u64 args[BT_NARGS];

	if (id < 0 || id >= BT_MAX_NR)
		return 0;
	spec = spec_of(id, flags);
	if (!spec)
		return 0;
	read_args(HOOK_REGS(ctx), args, btf);
	emit_syscall(BT_REC_SYSCALL_ENTRY, pid_tgid >> 32, (__u32)pid_tgid, id, now, now, 0, args, flags, spec, false);
	return 0;
}

/*
 * The syscall hooks. Each is built twice from the same code: as tp_btf programs
 * (BTF-typed raw tracepoints: the registers are read with plain loads), which the
 * recorder loads when the kernel takes them, and as raw_tp programs otherwise.
 */
static __always_inline int sys_enter(__u64 *ctx, bool btf)
{
	long id = HOOK_ARG(ctx);
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid;
	__u32 state = trace_state(tgid);
	const struct bt_syscall_spec *spec;
	struct bt_inflight *f;
	__u32 cls, flags;
	__u64 now;

	if (!state && !in_cgroup(tgid, tid))
		return 0;
	if (id < 0)
		return 0;
	if (state == BT_PENDING_EXEC) {
		/* The started program: its own execve is the first call recorded. */
		if (id != NR_EXECVE && id != NR_EXECVEAT)
			return 0;
		__u64 *w = traced_word(tgid);
		if (w)
			__sync_fetch_and_xor(w, (__u64)(BT_PENDING_EXEC ^ BT_TRACED) << BT_PID_SHIFT(tgid));
	}
	if (floor_only)
		return 0;
	cls = wanted_call(id);
	if (!cls)
		return 0;
	f = inflight_of(tid, true);
	if (!f)
		return 0;
	now = bpf_ktime_get_ns();
	/* The registers straight into the slot: no copy on the stack. */
	read_args(HOOK_REGS(ctx), f->args, btf);
	f->enter_ns = now;
	f->nr = id;
	f->pid = tgid;
	f->active = 1;
	f->new_task = 0;
	/* f (an array slot or a hash value) is not used below: one path to verify, not two. */
	if (id < BT_MAX_NR) {
		/* Outside the -e set: the entry captures of the state-only row. */
		flags = cls & BT_CALL_TRACE ? 0 : BT_SC_STATE_ONLY;
		spec = spec_of(id, flags);
		if (spec && (spec->flags & BT_SPEC_ENTRY_SLOTS))
			sys_enter_captures(ctx, pid_tgid, now, flags, btf);
	}
	return 0;
}

/* The return value, loaded from ctx itself: the verifier refuses a load through a pointer the compiler made into the context. */
static __always_inline long hook_ret(__u64 *ctx)
{
	bt_barrier_var(ctx);
	return HOOK_ARG(ctx);
}

/* An in-place plan (in_place_plan) with a capture: its argument, the bytes kept, whether more was wanted. */
#define INPLACE_CAPTURE 1
#define INPLACE_ARG(plan) (((plan) >> 8) & 7)
#define INPLACE_LEN(plan) (((plan) >> 16) & 63)
#define INPLACE_TRUNCATED (1 << 24)

/*
 * How the exit of a call whose entry is in this thread's slot `f` of the array, with the
 * capture-table row `spec`, is written in place: 0 with nothing to capture; with one buffer
 * of at most BT_INPLACE_BYTES, the capture packed in one number (INPLACE_*: its argument,
 * the bytes kept, whether it was cut); -1 not in place (captures built in the scratch slot,
 * or a call that makes fds: sys_exit_other). Only loads: the hook decides before any helper
 * call, and keeps only this number across them (in a register: the frame stays small).
 */
static __always_inline int in_place_plan(__u64 *ctx, const struct bt_inflight *f, const struct bt_syscall_spec *spec)
{
	const struct bt_capture_slot *s;
	__u32 i, limit = 0;
	__u64 want = 0, len;
	int plan;

	if (fd_flags(spec->flags))
		return -1;
	if (!spec->exit_end)
		return 0;
	i = spec->exit_first;
	if (spec->exit_end != i + 1 || i >= BT_NARGS)
		return -1;
	s = &spec->slot[i];
	plan = plan_buffer(s->kind & BT_CK_KIND_MASK, !capture_buffers && (s->kind & BT_CK_DATA), s->size_arg, s->bytes,
			   f->args, hook_ret(ctx), true, &want, &limit);
	if (plan <= 0)
		return plan;
	len = want < limit ? want : limit;
	if (len > BT_INPLACE_BYTES)
		return -1;
	return INPLACE_CAPTURE | i << 8 | len << 16 | (want > len ? INPLACE_TRUNCATED : 0);
}

/*
 * Writes in place the record of an exit in_place_plan found `plan` for, from the slot `f`
 * (the arguments go from the slot into the record). The time is read after the reservation,
 * so that only f, ctx and plan are kept across a helper call (in registers). A buffer is
 * read into the stack and copied: this runs inline in the hook, whose frame is kept under
 * 64 bytes so that it runs on the thread's stack (see finish_small).
 */
static __always_inline void exit_in_place(__u64 *ctx, struct bt_inflight *f, int plan)
{
	struct small_syscall *r;
	__u32 i, len;

	if (!plan) {
		/* As emit_syscall's, with the fields read from the slot after the reservation, not kept across it. */
		struct bt_syscall *rec = bpf_ringbuf_reserve(&events, sizeof(*rec), 0);

		if (!rec) {
			count_lost();
			return;
		}
		rec->exit_ns = bpf_ktime_get_ns();
		fill_syscall(rec, BT_REC_SYSCALL, f->pid, f->tid, f->nr, f->enter_ns, rec->exit_ns, hook_ret(ctx), f->args, 0);
		bpf_ringbuf_submit(rec, BPF_RB_NO_WAKEUP);
		return;
	}
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		count_lost();
		return;
	}
	r->rec.exit_ns = bpf_ktime_get_ns();
	fill_syscall(&r->rec, BT_REC_SYSCALL, f->pid, f->tid, f->nr, f->enter_ns, r->rec.exit_ns, hook_ret(ctx), f->args, 0);
	bt_barrier_var(plan);
	i = INPLACE_ARG(plan);
	if (i >= BT_NARGS) /* never: the plan said so; the verifier sees the bound here */
		i = 0;
	len = INPLACE_LEN(plan);
	/* finish_small marks the capture cut when more was wanted than kept. */
	finish_small(r, CAP_INFO(i, BT_CAP_AT_EXIT, 0), f->args[i], len + !!(plan & INPLACE_TRUNCATED), len);
}

/*
 * Any other exit: a thread whose entry state is in the hash or missing (the call entered
 * before tracing began), a new task's return from fork, a call with fds to describe or
 * captures built in the scratch slot, a call -e keeps in compact form or drops. A function of
 * its own, so that the hook's frame stays small.
 */
static __noinline int sys_exit_other(__u64 *ctx, __u64 now, __u64 pid_tgid, bool btf)
{
	struct pt_regs *regs = HOOK_REGS(ctx);
	long ret = HOOK_ARG(ctx);
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid;
	const struct bt_syscall_spec *spec;
	struct bt_inflight *f;
	__u64 args[BT_NARGS];
	__u64 enter;
	__u32 flags = 0;
	long nr;
	int disposition;

	f = inflight_of(tid, false);
	if (f && f->new_task) {
		/* A new task returning from its parent's fork/clone: not a call it made. */
		f->new_task = 0;
		return 0;
	}
	if (f && f->active) {
		f->active = 0;
		nr = f->nr;
		enter = f->enter_ns;
		for (int i = 0; i < BT_NARGS; i++)
			args[i] = f->args[i];
	} else {
		/* Entered before tracing began (or before this thread was known). */
		nr = read_nr(regs, btf);
		if (nr < 0)
			return 0;
		enter = now;
		flags = BT_SC_NO_ENTRY;
		read_args(regs, args, btf);
	}
	disposition = wanted_status(wanted_call(nr), status_of(ret));
	if (disposition < 0)
		return 0;
	flags |= disposition;
	spec = spec_of(nr, flags);
	send_fd_paths(tgid, tid, (__u32)nr, ret, args, spec ? spec->flags : 0);
	emit_syscall(BT_REC_SYSCALL, tgid, tid, (__u32)nr, enter, now, ret, args, flags, spec, true);
	return 0;
}

static __always_inline int sys_exit(__u64 *ctx, bool btf)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid, k = tid & slot_mask;
	const struct bt_syscall_spec *spec;
	struct bt_inflight *f;
	int plan;

	if (!is_traced(tgid) || floor_only || unwanted_at_exit(HOOK_REGS(ctx), btf))
		return 0;
	/*
	 * The common case: the entry is in the thread's array slot (an active one is no new
	 * task's), and the call is recorded in full (with -e, one in the set whose status is kept).
	 */
	f = bpf_map_lookup_elem(&inflight_slots, &k);
	if (f && f->tid == tid && f->active && f->nr < BT_MAX_NR &&
	    wanted_status(wanted_call(f->nr), status_of(HOOK_ARG(ctx))) == 0) {
		spec = bpf_map_lookup_elem(&specs, &f->nr);
		if (spec && (plan = in_place_plan(ctx, f, spec)) >= 0) {
			f->active = 0;
			exit_in_place(ctx, f, plan);
			return 0;
		}
	}
	return sys_exit_other(ctx, bpf_ktime_get_ns(), pid_tgid, btf);
}

/* The syscall hooks, each as a tp_btf program and as a raw_tp one (the recorder loads one pair). */
#define SYSCALL_HOOK(sec, name, hook, btf) \
	SEC(sec) int name(__u64 *ctx) { return hook(ctx, btf); }
SYSCALL_HOOK("tp_btf/sys_enter", bt_sys_enter, sys_enter, true)
SYSCALL_HOOK("tp_btf/sys_exit", bt_sys_exit, sys_exit, true)
SYSCALL_HOOK("raw_tp/sys_enter", bt_sys_enter_raw, sys_enter, false)
SYSCALL_HOOK("raw_tp/sys_exit", bt_sys_exit_raw, sys_exit, false)

/* The number of `pid` at its own level (the pid the task sees), and that level's namespace inode. */
static __always_inline __u32 pid_at_own_level(struct pid *pid, __u32 *level, __u64 *inode)
{
	struct upid up = {};
	__u32 l = BPF_CORE_READ(pid, level) & 31; /* MAX_PID_NS_LEVEL is 32 */

	bpf_probe_read_kernel(&up, sizeof(up), &pid->numbers[l]);
	*level = l;
	*inode = BPF_CORE_READ(up.ns, ns.inum);
	return up.nr;
}

/* Fills the fork record's data with the child's ids in its pid namespace; its length. */
static __always_inline __u32 fork_ns_ids(struct task_struct *child, struct bt_fork_ns *ns)
{
	__u32 level;
	__u64 inode;

	ns->ns_tid = pid_at_own_level(BPF_CORE_READ(child, thread_pid), &ns->level, &ns->inode);
	ns->ns_pid = pid_at_own_level(BPF_CORE_READ(child, group_leader, thread_pid), &level, &inode);
	return sizeof(*ns);
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(bt_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid), ctgid = BPF_CORE_READ(child, tgid), ctid = BPF_CORE_READ(child, pid);
	struct bt_inflight *f;
	struct bt_process *rec;

	if (!is_traced(ptgid))
		return 0;
	if (ctgid != ptgid) {
		__u64 *w = traced_word(ctgid);
		if (w)
			__sync_fetch_and_or(w, (__u64)BT_TRACED << BT_PID_SHIFT(ctgid));
	}
	f = inflight_of(ctid, true);
	if (f) {
		f->pid = ctgid;
		f->active = 0;
		f->new_task = 1;
	}
	rec = process_record(BT_REC_FORK, ctgid, ctid);
	if (!rec)
		return 0;
	rec->parent_pid = ptgid;
	rec->parent_tid = BPF_CORE_READ(parent, pid);
	rec->thread = ctgid == ptgid;
	emit_process(rec, fork_ns_ids(child, (struct bt_fork_ns *)(rec + 1)));
	return 0;
}

SEC("raw_tp/sched_process_exec")
int BPF_PROG(bt_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u32 tgid = BPF_CORE_READ(p, tgid);
	struct bt_process *rec;
	long n;

	if (!is_traced(tgid))
		return 0;
	rec = process_record(BT_REC_EXEC, tgid, BPF_CORE_READ(p, pid));
	if (!rec)
		return 0;
	rec->old_tid = old_pid;
	n = bpf_probe_read_kernel_str((__u8 *)rec + sizeof(*rec), BT_FILENAME_MAX, BPF_CORE_READ(bprm, filename));
	emit_process(rec, n > 0 ? n - 1 : 0);
	return 0;
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(bt_exit, struct task_struct *p, bool group_dead)
{
	__u32 tgid = BPF_CORE_READ(p, tgid), tid = BPF_CORE_READ(p, pid);
	struct bt_inflight *f;
	struct bt_process *rec;

	if (!is_traced(tgid))
		return 0;
	/* A call the thread never returned from (exit_group, or killed inside a call). */
	f = inflight_of(tid, false);
	if (f && f->active) {
		int disposition = wanted_status(wanted_call(f->nr), BT_STATUS_UNFINISHED);
		if (disposition >= 0)
			emit_syscall(BT_REC_SYSCALL, tgid, tid, f->nr, f->enter_ns, f->enter_ns, 0, f->args,
				     BT_SC_UNFINISHED | disposition, NULL, false);
	}
	inflight_release(tid);
	rec = process_record(BT_REC_EXIT, tgid, tid);
	if (!rec)
		return 0;
	rec->exit_code = BPF_CORE_READ(p, exit_code);
	rec->group_dead = group_dead;
	emit_process(rec, 0);
	if (group_dead) {
		__u64 *w = traced_word(tgid);
		if (w)
			__sync_fetch_and_and(w, ~((__u64)3 << BT_PID_SHIFT(tgid)));
	}
	return 0;
}

/* A signal record with the kernel's siginfo (when there is one) for tgid/tid. */
static __always_inline void emit_signal(__u32 tgid, __u32 tid, int sig, struct kernel_siginfo *info, __u32 ignored)
{
	struct bt_process *rec = process_record(BT_REC_SIGNAL, tgid, tid);
	__u32 len = BT_SIGINFO_BYTES;

	if (!rec)
		return;
	rec->signo = sig;
	rec->ignored = ignored;
	/* SEND_SIG_NOINFO and SEND_SIG_PRIV are the small values 0 and 1, not pointers. */
	if ((unsigned long)info < 4096 || bpf_probe_read_kernel((__u8 *)rec + sizeof(*rec), BT_SIGINFO_BYTES, info))
		len = 0;
	emit_process(rec, len);
}

SEC("raw_tp/signal_deliver")
int BPF_PROG(bt_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;

	if (is_traced(tgid))
		emit_signal(tgid, (__u32)pid_tgid, sig, info, 0);
	return 0;
}

/*
 * A signal the kernel discards at once because its action is to ignore it (a
 * default-ignored SIGCHLD, SIGWINCH...). signal_deliver never sees these; strace,
 * being a tracer, does, so they are recorded for the target, marked ignored.
 */
SEC("raw_tp/signal_generate")
int BPF_PROG(bt_signal_ignored, int sig, struct kernel_siginfo *info, struct task_struct *task, int group, int result)
{
	__u32 tgid;

	if (result != 1 /* TRACE_SIGNAL_IGNORED */)
		return 0;
	tgid = BPF_CORE_READ(task, tgid);
	if (is_traced(tgid))
		emit_signal(tgid, BPF_CORE_READ(task, pid), sig, info, 1);
	return 0;
}
