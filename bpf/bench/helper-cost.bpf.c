// SPDX-License-Identifier: GPL-2.0
/*
 * What one call of each BPF helper the syscall hooks use costs on this kernel: each
 * program calls one helper 8 times per bpf_loop step, for as many steps as its context's
 * first word says; helper-cost.c runs it with BPF_PROG_TEST_RUN (raw_tp programs take no
 * `repeat`) and divides the time by the calls. Not part of the recorder.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

const volatile __u64 user_byte = 0; /* the address of a byte of the calling process */
__u64 sink;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 << 20);
} ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} array SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} percpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} hash SEC(".maps");

static const __u32 zero = 0;

/* A syscall record as the exit hook writes it in place (struct small_syscall: 136 bytes). */
struct record {
	__u64 w[17];
};

#define EIGHT(x) x x x x x x x x
#define LOOKUP(map) { __u64 *p = bpf_map_lookup_elem(&map, &zero); if (p) s += *p; asm volatile("" : "+r"(s)); }

static long step_empty(__u32 i, void *c) { __u64 s = 0; EIGHT(s += i; asm volatile("" : "+r"(s));) sink = s; return 0; }
static long step_ktime(__u32 i, void *c) { __u64 s = 0; EIGHT(s += bpf_ktime_get_ns();) sink = s; return 0; }
static long step_pid_tgid(__u32 i, void *c) { __u64 s = 0; EIGHT(s += bpf_get_current_pid_tgid();) sink = s; return 0; }
static long step_cpu(__u32 i, void *c) { __u64 s = 0; EIGHT(s += bpf_get_smp_processor_id();) sink = s; return 0; }
static long step_task(__u32 i, void *c) { __u64 s = 0; EIGHT(s += bpf_get_current_task();) sink = s; return 0; }
static long step_user1(__u32 i, void *c) { __u8 b = 0; __u64 s = 0; EIGHT(bpf_probe_read_user(&b, 1, (void *)user_byte); s += b;) sink = s; return 0; }
static long step_user32(__u32 i, void *c) { __u64 b[4] = {}, s = 0; EIGHT(bpf_probe_read_user(b, 32, (void *)user_byte); s += b[0];) sink = s; return 0; }
static long step_user_str2(__u32 i, void *c) { __u8 b[2] = {}; __u64 s = 0; EIGHT(bpf_probe_read_user_str(b, 2, (void *)user_byte); s += b[0];) sink = s; return 0; }
static long step_user1_map(__u32 i, void *c)
{
	__u8 *p = bpf_map_lookup_elem(&percpu, &zero);
	__u64 s = 0;

	if (!p)
		return 1;
	EIGHT(bpf_probe_read_user(p, 1, (void *)user_byte); s += *p;)
	sink = s;
	return 0;
}
static long step_kernel1(__u32 i, void *c) { __u8 b = 0; __u64 s = 0; EIGHT(bpf_probe_read_kernel(&b, 1, &sink); s += b;) sink = s; return 0; }
static long step_array(__u32 i, void *c) { __u64 s = 0; EIGHT(LOOKUP(array)) sink = s; return 0; }
static long step_percpu(__u32 i, void *c) { __u64 s = 0; EIGHT(LOOKUP(percpu)) sink = s; return 0; }
static long step_hash(__u32 i, void *c) { __u64 s = 0; EIGHT(LOOKUP(hash)) sink = s; return 0; }
static long step_ring(__u32 i, void *c)
{
	EIGHT({
		struct record *r = bpf_ringbuf_reserve(&ring, sizeof(*r), 0);
		if (r) {
			for (int k = 0; k < 17; k++)
				r->w[k] = i;
			bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
		}
	})
	return 0;
}
static long step_ring_output(__u32 i, void *c)
{
	struct record r = {};

	r.w[0] = i;
	EIGHT(bpf_ringbuf_output(&ring, &r, sizeof(r), BPF_RB_NO_WAKEUP);)
	return 0;
}

#define PROGRAM(name) \
	SEC("raw_tp") int run_##name(__u64 *ctx) { bpf_loop(ctx[0], step_##name, 0, 0); return 0; }
PROGRAM(empty)
PROGRAM(ktime)
PROGRAM(pid_tgid)
PROGRAM(cpu)
PROGRAM(task)
PROGRAM(user1)
PROGRAM(user32)
PROGRAM(user_str2)
PROGRAM(user1_map)
PROGRAM(kernel1)
PROGRAM(array)
PROGRAM(percpu)
PROGRAM(hash)
PROGRAM(ring)
PROGRAM(ring_output)
