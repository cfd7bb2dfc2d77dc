// SPDX-License-Identifier: MIT
/*
 * helper-cost [ROUNDS]: runs each program of helper-cost.bpf.c with BPF_PROG_TEST_RUN,
 * in turn, ROUNDS times (default 9), and prints the nanoseconds per helper call
 * (median, min, max), less the empty loop's. `make -C bpf helper-cost` builds and runs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "helper-cost.skel.h"

#define CALLS_PER_STEP 8
#define MAX_ROUNDS 64

static volatile unsigned char user_byte = 42;

static int ignore(void *ctx, void *data, size_t size) { return 0; }

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 9;
	struct helper_cost *skel;
	struct ring_buffer *ring;

	if (rounds < 1 || rounds > MAX_ROUNDS) {
		fprintf(stderr, "helper-cost: rounds must be 1..%d\n", MAX_ROUNDS);
		return 2;
	}
	skel = helper_cost__open();
	if (!skel)
		return 1;
	skel->rodata->user_byte = (unsigned long)&user_byte;
	if (helper_cost__load(skel)) {
		fprintf(stderr, "helper-cost: loading failed (root?)\n");
		return 1;
	}
	ring = ring_buffer__new(bpf_map__fd(skel->maps.ring), ignore, NULL, NULL);
	/* Steps per run: each run is a few milliseconds with preemption off. */
	struct { const char *what; struct bpf_program *prog; unsigned steps; double ns[MAX_ROUNDS]; } t[] = {
		{ "empty loop step (subtracted below)", skel->progs.run_empty, 50000 },
		{ "bpf_ktime_get_ns", skel->progs.run_ktime, 25000 },
		{ "bpf_get_current_pid_tgid", skel->progs.run_pid_tgid, 25000 },
		{ "bpf_get_smp_processor_id", skel->progs.run_cpu, 25000 },
		{ "bpf_get_current_task", skel->progs.run_task, 25000 },
		{ "bpf_probe_read_user, 1 byte to the stack", skel->progs.run_user1, 12500 },
		{ "bpf_probe_read_user, 32 bytes to the stack", skel->progs.run_user32, 12500 },
		{ "bpf_probe_read_user_str, 2 bytes to the stack", skel->progs.run_user_str2, 12500 },
		{ "bpf_probe_read_user, 1 byte to a map value", skel->progs.run_user1_map, 12500 },
		{ "bpf_probe_read_kernel, 1 byte", skel->progs.run_kernel1, 12500 },
		{ "array map lookup (inlined)", skel->progs.run_array, 50000 },
		{ "per-CPU array map lookup", skel->progs.run_percpu, 50000 },
		{ "hash map lookup", skel->progs.run_hash, 25000 },
		{ "bpf_ringbuf_reserve + 136 bytes + submit(NO_WAKEUP)", skel->progs.run_ring, 5000 },
		{ "bpf_ringbuf_output of 136 bytes (NO_WAKEUP)", skel->progs.run_ring_output, 5000 },
	};
	int n = sizeof(t) / sizeof(t[0]);

	for (int r = -1; r < rounds; r++) { /* round -1 warms up */
		for (int i = 0; i < n; i++) {
			unsigned long long ctx[1] = { t[i].steps };
			LIBBPF_OPTS(bpf_test_run_opts, opts, .ctx_in = ctx, .ctx_size_in = sizeof(ctx));
			double t0 = now_ns();
			int err = bpf_prog_test_run_opts(bpf_program__fd(t[i].prog), &opts);
			double t1 = now_ns();

			if (err) {
				fprintf(stderr, "helper-cost: %s: BPF_PROG_TEST_RUN failed (%d)\n", t[i].what, err);
				return 1;
			}
			ring_buffer__consume(ring); /* frees the ring for the next run; not timed */
			if (r >= 0)
				t[i].ns[r] = (t1 - t0) / ((double)t[i].steps * CALLS_PER_STEP);
		}
	}
	double empty = 0;
	printf("%-52s %8s %8s %8s\n", "ns per call", "median", "min", "max");
	for (int i = 0; i < n; i++) {
		qsort(t[i].ns, rounds, sizeof(double), by_value);
		double base = i ? empty : 0, med = t[i].ns[rounds / 2];
		if (!i)
			empty = med;
		printf("%-52s %8.1f %8.1f %8.1f\n", t[i].what, med - base, t[i].ns[0] - base, t[i].ns[rounds - 1] - base);
	}
	ring_buffer__free(ring);
	helper_cost__destroy(skel);
	return 0;
}
