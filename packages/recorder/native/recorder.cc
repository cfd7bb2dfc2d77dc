#include "recorder.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include <algorithm>
#include <utility>
#include <vector>
#include <chrono>
#include <string>

#include <linux/types.h>

#include "beetrace.h"
#include "beetrace.skel.h"
#include "errors.h"
#include "spawn.h"

namespace {

// The code of a failure to load or attach the BPF programs: the kernel's refusal, or `otherwise`.
const char* BpfCode(int err, const char* otherwise) { return err == EPERM || err == EACCES ? "PERMISSION" : otherwise; }

// libbpf's messages (the verifier log among them) go to stderr only when
// BT_BPF_DEBUG is set: a user sees one line, a developer can see everything.
int PrintLibbpf(enum libbpf_print_level level, const char* fmt, va_list args) {
  static const bool debug = getenv("BT_BPF_DEBUG") != nullptr;
  if (!debug && level != LIBBPF_WARN) return 0;
  if (!debug) return 0;
  return vfprintf(stderr, fmt, args);
}

// Slots of the entry-state array: a power of two at least pid_max (then no two live
// threads share one), within BT_MIN_SLOTS and BT_MAX_SLOTS.
uint32_t EntrySlots() {
  uint32_t pid_max = BT_MAX_SLOTS;
  if (FILE* f = fopen("/proc/sys/kernel/pid_max", "r")) {
    if (fscanf(f, "%u", &pid_max) != 1) pid_max = BT_MAX_SLOTS;
    fclose(f);
  }
  uint32_t n = BT_MIN_SLOTS;
  while (n < pid_max && n < BT_MAX_SLOTS) n <<= 1;
  return n;
}

// SEC("tp_btf/NAME") programs (BTF-typed raw tracepoints) are loaded with the kernel BTF
// id of their tracepoint's type, btf_trace_NAME. To find it libbpf parses all of the
// kernel's BTF (~50 ms of start-up). The build finds the ids once (write-build-data.mjs);
// on the kernel the build saw, a handler of each such section passes the id instead: the
// program is opened as a raw_tp one, so that libbpf does not load the kernel's BTF for
// it, and becomes a tracing one when it is loaded. The ids belong to the running kernel,
// so the handlers are registered once per process. They have no attach step: AttachPrograms()
// attaches these programs itself (libbpf after 1.1 forgets the handler of a program whose
// type changed).
//
// The handler is also the loading thread's signal that an object's maps exist: libbpf creates
// them all before it loads the first program. Set on that thread, maps_created runs once there.
thread_local std::function<void()> maps_created;
std::atomic<bool> tp_btf_handlers{false};

int PrepareTpBtf(bpf_program* prog, bpf_prog_load_opts* opts, long btf_id) {
  // A libbpf that no longer lets the type change here fails the load: the raw_tp programs load instead.
  if (int err = bpf_program__set_type(prog, BPF_PROG_TYPE_TRACING)) return err;
  opts->expected_attach_type = BPF_TRACE_RAW_TP;
  opts->attach_btf_id = static_cast<uint32_t>(btf_id);
  if (maps_created) std::exchange(maps_created, nullptr)();
  return 0;
}

void UseTpBtfIds(const std::vector<std::pair<std::string, uint32_t>>& ids) {
  static std::once_flag once;
  std::call_once(once, [&] {
    for (const auto& [name, id] : ids) {
      LIBBPF_OPTS(libbpf_prog_handler_opts, h, .cookie = id, .prog_prepare_load_fn = PrepareTpBtf);
      libbpf_register_prog_handler(("tp_btf/" + name).c_str(), BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_TRACE_RAW_TP, &h);
    }
    auto has = [&](const char* name) { return std::any_of(ids.begin(), ids.end(), [&](const auto& id) { return id.first == name; }); };
    tp_btf_handlers = has("sys_enter") && has("sys_exit");
  });
}

uint32_t GetU32(Napi::Object o, const char* key, uint32_t def) {
  Napi::Value v = o.Get(key);
  return v.IsNumber() ? v.As<Napi::Number>().Uint32Value() : def;
}

}  // namespace

Napi::Function Recorder::Init(Napi::Env env) {
  return DefineClass(env, "Recorder",
                     {
                         InstanceMethod<&Recorder::Attach>("attach"),
                         InstanceMethod<&Recorder::Spawn>("spawn"),
                         InstanceMethod<&Recorder::Trace>("trace"),
                         InstanceMethod<&Recorder::Untrace>("untrace"),
                         InstanceMethod<&Recorder::WatchCgroup>("watchCgroup"),
                         InstanceMethod<&Recorder::UntraceAll>("untraceAll"),
                         InstanceMethod<&Recorder::Start>("start"),
                         InstanceMethod<&Recorder::Stop>("stop"),
                         InstanceMethod<&Recorder::Lost>("lost"),
                         InstanceMethod<&Recorder::ProgramStats>("programStats"),
                         InstanceMethod<&Recorder::Close>("close"),
                     });
}

// new Recorder({ ringBytes, stringMax, bufferMax, captureBuffers, pollMicros, coreBtf, tpBtfIds,
// rawTp, floor, programStats }) starts
// loading the BPF programs on a thread of its own (opening vmlinux BTF and the verifier
// take a while), so that JavaScript can go on loading its modules meanwhile;
// attach(specs) waits for that and fills the capture table (Load attaches). coreBtf: a BTF
// file with the kernel types the CO-RE relocations need (bpf/Makefile), which spares
// libbpf parsing the whole vmlinux BTF; without it libbpf reads the kernel's. tpBtfIds: the
// kernel BTF ids of the tp_btf programs' tracepoints, { NAME: id of btf_trace_NAME }, from the
// same build (see UseTpBtfIds). rawTp: the syscall hooks as raw_tp programs even where tp_btf
// ones load (the fallback, for tests and the bench). floor: the
// syscall hooks only run the process filter and record nothing (the bench's floor).
// programStats: the kernel counts each program's runs and run time (programStats()).
// callFilter (a Uint8Array of BT_MAX_NR bytes, BT_CALL_* per syscall number) and
// statusFilter (BT_STATUS_* bits): bt-record -e, applied in the BPF programs.
// cgroup: processes of the cgroup watchCgroup() names join the traced set.
// The order is libbpf's: open, configure, load, attach.
Recorder::Recorder(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Recorder>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsObject()) {
    Napi::TypeError::New(env, "Recorder: options object expected").ThrowAsJavaScriptException();
    return;
  }
  Napi::Object opts = info[0].As<Napi::Object>();
  poll_us_ = GetU32(opts, "pollMicros", 2000);
  uint32_t string_max = GetU32(opts, "stringMax", 4096);
  uint32_t buffer_max = GetU32(opts, "bufferMax", 256);
  bool capture_buffers = opts.Get("captureBuffers").ToBoolean().Value();
  bool floor = opts.Get("floor").ToBoolean().Value();
  bool cgroup = opts.Get("cgroup").ToBoolean().Value();
  Napi::Value filter_value = opts.Get("callFilter");
  if (filter_value.IsTypedArray()) {
    Napi::Uint8Array filter = filter_value.As<Napi::Uint8Array>();
    if (filter.ByteLength() == BT_MAX_NR) call_filter_.assign(filter.Data(), filter.Data() + BT_MAX_NR);
  }
  status_filter_ = GetU32(opts, "statusFilter", 0);
  if (opts.Get("programStats").ToBoolean().Value()) stats_fd_ = bpf_enable_stats(BPF_STATS_RUN_TIME);
  uint32_t ring_bytes = GetU32(opts, "ringBytes", 16u << 20);
  Napi::Value core_btf_value = opts.Get("coreBtf");
  std::string core_btf = core_btf_value.IsString() ? core_btf_value.As<Napi::String>().Utf8Value() : "";
  btf_path_ = core_btf.empty() ? "/sys/kernel/btf/vmlinux" : core_btf;
  libbpf_set_print(PrintLibbpf);
  std::vector<std::pair<std::string, uint32_t>> tp_btf_ids;
  if (Napi::Value v = opts.Get("tpBtfIds"); v.IsObject()) {
    Napi::Object o = v.As<Napi::Object>();
    Napi::Array names = o.GetPropertyNames();
    for (uint32_t i = 0; i < names.Length(); i++) {
      std::string name = names.Get(i).As<Napi::String>().Utf8Value();
      tp_btf_ids.emplace_back(name, GetU32(o, name.c_str(), 0));
    }
  }
  bool raw_tp = opts.Get("rawTp").ToBoolean().Value();
  config_ = {string_max, buffer_max, capture_buffers, floor, cgroup, ring_bytes};
  loader_ = std::thread([=] {
    if (!tp_btf_ids.empty()) UseTpBtfIds(tp_btf_ids);
    // The syscall hooks as tp_btf programs; when the kernel refuses those (or rawTp), as raw_tp ones.
    int err = 0;
    if (!raw_tp) err = Load(core_btf, true);
    if (raw_tp || (err && err != EPERM && err != EACCES)) {
      DestroyObjects();
      err = Load(core_btf, false);
    }
    load_err_ = err;
  });
}

// Opens the BPF object and sets it up for this recording (settings, map sizes): null with errno set.
beetrace_bpf* Recorder::Open(const std::string& core_btf) {
  LIBBPF_OPTS(bpf_object_open_opts, open_opts, .btf_custom_path = core_btf.empty() ? nullptr : core_btf.c_str());
  beetrace_bpf* skel = beetrace_bpf__open_opts(&open_opts);
  if (!skel) return nullptr;
  skel->rodata->string_max = config_.string_max;
  skel->rodata->buffer_max = config_.buffer_max;
  skel->rodata->capture_buffers = config_.capture_buffers;
  skel->rodata->floor_only = config_.floor;
  skel->rodata->cgroup_filter = config_.cgroup;
  skel->rodata->recorder_tgid = getpid();
  if (!call_filter_.empty()) {
    skel->rodata->filter_calls = true;
    memcpy(const_cast<uint8_t*>(skel->rodata->call_filter), call_filter_.data(), BT_MAX_NR);
    skel->rodata->status_filter = status_filter_;
  }
  uint32_t slots = EntrySlots();
  skel->rodata->slot_mask = slots - 1;
  bpf_map__set_max_entries(skel->maps.inflight_slots, slots);
  int ncpu = libbpf_num_possible_cpus();
  bpf_map__set_max_entries(skel->maps.scratch, ncpu > 0 ? ncpu : 1);
  bpf_map__set_max_entries(skel->maps.events, config_.ring_bytes);
  return skel;
}

// Opens the BPF object, sets it up and loads it, with the syscall hooks as tp_btf programs
// or as raw_tp ones: 0, or the errno.
//
// The verifier takes longest over the exit hook (about half of the load; the maps take a
// fifth). With the tp_btf handlers (UseTpBtfIds), a second copy of the object loads only
// the exit hook, on a thread of its own, with the first copy's maps, while the first one
// loads the other programs: the load takes the maps and the exit hook, not the sum of all
// (BENCHMARKS.md, issue 10, start-up).
int Recorder::Load(const std::string& core_btf, bool tp_btf) {
  skel_ = Open(core_btf);
  if (!skel_) {
    load_stage_ = "open";
    return errno;
  }
  bpf_program__set_autoload(skel_->progs.bt_sys_enter, tp_btf);
  bpf_program__set_autoload(skel_->progs.bt_sys_exit, tp_btf);
  bpf_program__set_autoload(skel_->progs.bt_sys_enter_raw, !tp_btf);
  bpf_program__set_autoload(skel_->progs.bt_sys_exit_raw, !tp_btf);
  std::thread exit_loader;
  int exit_err = 0;
  if (tp_btf && tp_btf_handlers) {
    exit_skel_ = Open(core_btf);
    if (!exit_skel_) {
      load_stage_ = "open";
      return errno;
    }
    bpf_program* prog;
    bpf_object__for_each_program(prog, exit_skel_->obj) bpf_program__set_autoload(prog, prog == exit_skel_->progs.bt_sys_exit);
    bpf_program__set_autoload(skel_->progs.bt_sys_exit, false);
    maps_created = [&] {
      // The copy's maps are the first one's (its read-only data, the same settings, its own).
      bpf_map* map;
      bpf_object__for_each_map(map, exit_skel_->obj) {
        if (bpf_map__is_internal(map)) continue;
        bpf_map* shared = bpf_object__find_map_by_name(skel_->obj, bpf_map__name(map));
        if (int err = shared ? bpf_map__reuse_fd(map, bpf_map__fd(shared)) : -ENOENT) {
          exit_err = -err;
          return;
        }
      }
      exit_loader = std::thread([&] { exit_err = -beetrace_bpf__load(exit_skel_); });
    };
  }
  load_stage_ = "load";
  int err = -beetrace_bpf__load(skel_);
  // Run now if the first copy loaded no tp_btf program (it failed before).
  if (auto start = std::exchange(maps_created, nullptr); start && !err) start();
  // While the exit hook may still be verified: the maps this process reads and writes, and
  // the programs loaded attached (they record nothing before a process is traced).
  if (!err) MapShared();
  if (!err && !map_err_) attach_err_ = AttachPrograms(skel_);
  if (exit_loader.joinable()) exit_loader.join();
  return err ? err : exit_err;
}

// Attaches the programs loaded from `skel` (the object, or the exit hook's copy); their links
// are the object's: 0, or the errno. The tp_btf syscall hooks loaded through PrepareTpBtf,
// which the skeleton leaves alone: they are attached one by one.
int Recorder::AttachPrograms(beetrace_bpf* skel) {
  int err = skel == skel_ ? -beetrace_bpf__attach(skel) : 0;
  for (auto [prog, link] : {std::pair{skel->progs.bt_sys_enter, &skel_->links.bt_sys_enter},
                            std::pair{skel->progs.bt_sys_exit, &skel_->links.bt_sys_exit}}) {
    if (err || !bpf_program__autoload(prog) || *link) continue;
    *link = bpf_program__attach_trace(prog);
    err = *link ? 0 : errno;
  }
  return err;
}

// Maps the traced set and the ring buffer (on the loading thread, off attach's path); a
// failure is attach's to report.
void Recorder::MapShared() {
  void* set = mmap(nullptr, sizeof(bt_traced_set), PROT_READ | PROT_WRITE, MAP_SHARED, bpf_map__fd(skel_->maps.traced), 0);
  if (set == MAP_FAILED) {
    map_err_ = errno;
    map_what_ = "cannot map the traced set: ";
    return;
  }
  traced_ = static_cast<bt_traced_set*>(set);
  ring_ = new RingReader();
  if (!ring_->Open(bpf_map__fd(skel_->maps.events), bpf_map__max_entries(skel_->maps.events))) {
    map_err_ = errno;
    map_what_ = "cannot open the ring buffer: ";
    return;
  }
  // The entry states' slots, which the end reads for calls still in progress (AddUnfinished):
  // their page table entries made now, not on the end's path (~0.4 ms for 2.6 MB).
  size_t bytes = bpf_map__max_entries(skel_->maps.inflight_slots) * sizeof(bt_inflight);
  void* slots = mmap(nullptr, bytes, PROT_READ, MAP_SHARED | MAP_POPULATE, bpf_map__fd(skel_->maps.inflight_slots), 0);
  if (slots != MAP_FAILED) {
    slots_ = static_cast<const bt_inflight*>(slots);
    slots_bytes_ = bytes;
  }
}

// The BPF objects and what this process mapped of them.
void Recorder::DestroyObjects() {
  delete ring_;
  ring_ = nullptr;
  if (traced_) munmap(traced_, sizeof(bt_traced_set));
  traced_ = nullptr;
  if (slots_) munmap(const_cast<bt_inflight*>(slots_), slots_bytes_);
  slots_ = nullptr;
  map_err_ = attach_err_ = 0;
  beetrace_bpf__destroy(exit_skel_);
  exit_skel_ = nullptr;
  beetrace_bpf__destroy(skel_);
  skel_ = nullptr;
}

// attach(specs: Uint8Array): the capture table, one row per syscall number. Waits for the
// load (which mapped the traced set and the ring buffer and attached the object's
// programs), fills the table, attaches the exit hook's copy.
Napi::Value Recorder::Attach(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (loader_.joinable()) loader_.join();
  if (closed_) {
    RecorderError(env, "CLOSED", "attach: the recorder is closed").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (load_err_) {
    int err = load_err_;
    std::string what = load_stage_ == std::string("open") ? "cannot open the BPF object: " : "cannot load the BPF programs: ";
    Destroy();
    // The BTF the CO-RE relocations need cannot be read: no BTF, whatever errno libbpf reports.
    bool no_btf = access(btf_path_.c_str(), R_OK) != 0;
    RecorderError(env, BpfCode(err, no_btf ? "NO_BTF" : "BPF_LOAD"), what + strerror(err) + (no_btf ? " (no BTF at " + btf_path_ + ")" : ""), err)
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (attached_) {
    RecorderError(env, "STATE", "attach: the recorder is already attached").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (info.Length() < 1 || !info[0].IsTypedArray()) {
    Napi::TypeError::New(env, "attach: specs must be a Uint8Array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Uint8Array specs = info[0].As<Napi::Uint8Array>();
  if (specs.ByteLength() != BT_SPEC_ROWS * sizeof(bt_syscall_spec)) {
    Napi::RangeError::New(env, "attach: specs has the wrong size").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  // The capture table, every row in one call (a call per row was ~2 ms of start-up).
  int err;
  std::vector<uint32_t> keys(BT_SPEC_ROWS);
  for (uint32_t row = 0; row < BT_SPEC_ROWS; row++) keys[row] = row;
  uint32_t count = BT_SPEC_ROWS;
  if (bpf_map_update_batch(bpf_map__fd(skel_->maps.specs), keys.data(), specs.Data(), &count, nullptr)) {
    err = errno;
    Destroy();
    RecorderError(env, "ATTACH", std::string("cannot fill the capture table: ") + strerror(err), err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  batch_.SetArgCounts(specs.Data(), BT_MAX_NR);
  if (map_err_) {
    err = map_err_;
    std::string what = map_what_;
    Destroy();
    RecorderError(env, "ATTACH", what + strerror(err), err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  // The loading thread attached the object's programs; the exit hook's copy's is attached now.
  err = attach_err_ ? attach_err_ : exit_skel_ ? AttachPrograms(exit_skel_) : 0;
  if (err) {
    Destroy();
    RecorderError(env, BpfCode(err, "ATTACH"), std::string("cannot attach the BPF programs: ") + strerror(err), err)
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  attached_ = true;
  return env.Undefined();
}

Recorder::~Recorder() { Destroy(); }

void Recorder::RequestStop() {
  {
    std::lock_guard<std::mutex> lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
}

void Recorder::Destroy() {
  if (closer_.joinable() && closer_.get_id() != std::this_thread::get_id()) closer_.join();
  if (loader_.joinable()) loader_.join();
  if (thread_.joinable()) {
    RequestStop();
    thread_.join();
  }
  DestroyObjects();
  if (stats_fd_ >= 0) close(stats_fd_);
  stats_fd_ = -1;
  if (!closed_) closed_ = true;  // (close() set it before its thread runs this)
}

// Whether `method` may run now; if not, throws CLOSED or STATE (not attached yet).
bool Recorder::Usable(Napi::Env env, const char* method) {
  if (closed_) {
    RecorderError(env, "CLOSED", std::string(method) + ": the recorder is closed").ThrowAsJavaScriptException();
    return false;
  }
  if (!attached_) {
    RecorderError(env, "STATE", std::string(method) + ": the recorder is not attached").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

// The traced set's words (beetrace.h), in its map, which attach() mapped.
uint64_t* Recorder::TracedPids() { return reinterpret_cast<uint64_t*>(traced_->words); }

// spawn(path, argv, envp, cwd, stdinFd, stdoutFd, stderrFd) -> pid: the program starts in
// the traced set, from its own execve on (spawn.cc).
Napi::Value Recorder::Spawn(const Napi::CallbackInfo& info) {
  if (!Usable(info.Env(), "spawn")) return info.Env().Undefined();
  return SpawnTraced(info, TracedPids());
}

// trace(pid): pid's thread group (and, through the fork hook, its future children)
// is recorded from now on (-p).
Napi::Value Recorder::Trace(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "trace")) return env.Undefined();
  if (!info[0].IsNumber()) {
    Napi::TypeError::New(env, "trace: pid must be a number").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  uint32_t pid = info[0].As<Napi::Number>().Uint32Value();
  if (pid >= BT_PID_LIMIT) {
    RecorderError(env, "BPF_MAP", "cannot add the process to the traced set: pid " + std::to_string(pid) + " out of range", ERANGE)
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  SetTraceState(TracedPids(), pid, BT_TRACED);
  return env.Undefined();
}

// untrace(pid): pid is no longer recorded (a pid that is not traced is no failure).
Napi::Value Recorder::Untrace(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "untrace")) return env.Undefined();
  if (!info[0].IsNumber()) {
    Napi::TypeError::New(env, "untrace: pid must be a number").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  SetTraceState(TracedPids(), info[0].As<Napi::Number>().Uint32Value(), 0);
  return env.Undefined();
}

// watchCgroup(path): the processes of this cgroup v2 directory (and of those below it)
// join the traced set at their next call (--cgroup); the recorder was made with cgroup.
Napi::Value Recorder::WatchCgroup(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "watchCgroup")) return env.Undefined();
  if (!info[0].IsString()) {
    Napi::TypeError::New(env, "watchCgroup: path must be a string").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  uint32_t zero = 0;
  if (fd < 0 || bpf_map_update_elem(bpf_map__fd(skel_->maps.cgroup), &zero, &fd, BPF_ANY)) {
    int err = errno;
    if (fd >= 0) close(fd);
    RecorderError(env, "CGROUP", "cannot watch the cgroup " + path + ": " + strerror(err), err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  close(fd);
  return env.Undefined();
}

// untraceAll(): no process joins through the cgroup any more, and none is recorded.
Napi::Value Recorder::UntraceAll(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "untraceAll")) return env.Undefined();
  uint32_t zero = 0;
  bpf_map_delete_elem(bpf_map__fd(skel_->maps.cgroup), &zero);
  uint64_t* words = TracedPids();
  for (size_t i = 0; i < BT_PID_WORDS; i++)
    if (words[i]) __atomic_store_n(&words[i], 0, __ATOMIC_RELAXED);
  return env.Undefined();
}

void Recorder::OnRecord(const uint8_t* data, size_t size) {
  batch_.Add(data, size);
  if (batch_.Full()) {
    batch_.Finish(&out_);
    // Hand over as batches fill: memory stays bounded even when the ring holds a lot.
    if (out_.size() >= deliver_bytes_) Deliver();
  }
}

// A delivery to JavaScript: finished batch records (when JavaScript writes the trace),
// the process notes, the running counts and how writing the trace goes.
struct Delivery {
  std::vector<uint8_t> bytes;
  std::vector<int32_t> notes;
  RecordCounts counts;
  uint64_t written;
  int write_error;
};

// Writes to the trace file, all of it; on a failure, remembers the errno and writes no more.
void Recorder::Write(const uint8_t* p, size_t n) {
  while (n > 0 && write_error_ == 0) {
    ssize_t w = write(output_fd_, p, n);
    if (w >= 0) {
      p += w;
      n -= w;
      written_ += w;
    } else if (errno == EAGAIN) {
      pollfd pfd{output_fd_, POLLOUT, 0};
      poll(&pfd, 1, 100);
    } else if (errno != EINTR) {
      write_error_ = errno;
    }
  }
}

// Writes the finished batches (or hands them to JavaScript) and tells JavaScript what
// changed. The JavaScript call blocks when JavaScript is behind (the queue is bounded),
// so memory stays bounded and the ring buffer absorbs the rest.
void Recorder::Deliver() {
  // The counts of what was handed over: --flight and --rotate split files between deliveries.
  const RecordCounts& c = batch_.finished;
  if (output_fd_ >= 0) {
    Write(out_.data(), out_.size());
    out_.clear();  // keeps its memory: the next batches go into pages already in use
    bool same = c.syscalls == reported_.syscalls && c.process_events == reported_.process_events &&
                c.unfinished == reported_.unfinished && c.state_only == reported_.state_only;
    if (same && batch_.notes.empty() && write_error_ == 0) return;
  } else if (out_.empty() && batch_.notes.empty()) {
    return;
  }
  reported_ = c;
  auto* d = new Delivery{std::vector<uint8_t>(), std::move(batch_.notes), c, written_, write_error_};
  batch_.notes = std::vector<int32_t>();
  if (output_fd_ < 0) {
    d->bytes = std::move(out_);
    out_ = std::vector<uint8_t>();
    out_.reserve(deliver_bytes_ + (2 << 20));
  }
  napi_status st = tsfn_.BlockingCall(d, [](Napi::Env env, Napi::Function cb, Delivery* d) {
    Napi::Object o = Napi::Object::New(env);
    Napi::Int32Array notes = Napi::Int32Array::New(env, d->notes.size());
    std::copy(d->notes.begin(), d->notes.end(), notes.Data());
    o.Set("notes", notes);
    o.Set("syscalls", Napi::Number::New(env, static_cast<double>(d->counts.syscalls)));
    o.Set("processEvents", Napi::Number::New(env, static_cast<double>(d->counts.process_events)));
    o.Set("unfinished", Napi::Number::New(env, static_cast<double>(d->counts.unfinished)));
    o.Set("stateOnly", Napi::Number::New(env, static_cast<double>(d->counts.state_only)));
    o.Set("written", Napi::Number::New(env, static_cast<double>(d->written)));
    o.Set("writeError", Napi::Number::New(env, d->write_error));
    if (d->bytes.empty()) {
      o.Set("bytes", Napi::Buffer<uint8_t>::New(env, 0));
      delete d;
    } else {
      // The bytes are handed over without a copy; the Delivery goes when JavaScript lets go of them.
      o.Set("bytes", Napi::Buffer<uint8_t>::New(
                         env, d->bytes.data(), d->bytes.size(), [](Napi::Env, uint8_t*, Delivery* d) { delete d; }, d));
    }
    cb.Call({o});
  });
  if (st != napi_ok) delete d;
}

// Calls still in progress when recording ends, recorded as entered but not finished:
// read from the entry states (the array's slots and the hash) after the processes
// were untraced and the ring drained.
void Recorder::AddUnfinished() {
  auto add = [this](const bt_inflight& f) {
    // Entries exist only for threads that were traced when they entered the call.
    if (!f.active || f.tid == 0) return;
    // -e: kept in full when its status (unfinished: detached) is wanted, else for the state only.
    uint16_t state_only = 0;
    if (!call_filter_.empty()) {
      uint8_t cls = f.nr < call_filter_.size() ? call_filter_[f.nr] : 0;
      if (!((cls & BT_CALL_TRACE) && (status_filter_ & (BT_STATUS_UNFINISHED | BT_STATUS_DETACHED)))) {
        if (!(cls & BT_CALL_STATE)) return;
        state_only = BT_SC_STATE_ONLY;
      }
    }
    bt_syscall rec{};
    rec.type = BT_REC_SYSCALL;
    rec.size = sizeof(rec);
    rec.pid = f.pid;
    rec.tid = f.tid;
    rec.enter_ns = f.enter_ns;
    rec.exit_ns = f.enter_ns;
    for (int i = 0; i < BT_NARGS; i++) rec.args[i] = f.args[i];
    rec.nr = f.nr;
    rec.flags = BT_SC_UNFINISHED | state_only;
    batch_.Add(reinterpret_cast<const uint8_t*>(&rec), sizeof(rec));
    if (batch_.Full()) batch_.Finish(&out_);
  };
  if (slots_) {
    for (size_t i = 0; i < slots_bytes_ / sizeof(bt_inflight); i++) add(slots_[i]);
  }
  int fd = bpf_map__fd(skel_->maps.inflight);
  uint32_t key = 0, next = 0;
  uint32_t* prev = nullptr;
  while (bpf_map_get_next_key(fd, prev, &next) == 0) {
    bt_inflight f;
    if (bpf_map_lookup_elem(fd, &next, &f) == 0) {
      f.tid = next;
      add(f);
    }
    key = next;
    prev = &key;
  }
}

void Recorder::Consume() {
  using clock = std::chrono::steady_clock;
  auto last_batch = clock::now(), last_delivery = last_batch;
  while (!stopping_.load(std::memory_order_relaxed)) {
    ring_->Drain([this](const uint8_t* p, size_t n) { OnRecord(p, n); });
    auto now = clock::now();
    // A batch is at most 250 ms old when written: a trace cut short loses little.
    if (!batch_.Empty() && now - last_batch >= std::chrono::milliseconds(250)) {
      batch_.Finish(&out_);
      last_batch = now;
    }
    if (out_.size() >= deliver_bytes_ || now - last_delivery >= std::chrono::milliseconds(50)) {
      Deliver();
      last_delivery = now;
    }
    // Sleep until the next poll, or until stop() says to finish now.
    std::unique_lock<std::mutex> lock(wake_mutex_);
    wake_.wait_for(lock, std::chrono::microseconds(poll_us_), [this] { return stopping_.load(); });
  }
  while (ring_->Drain([this](const uint8_t* p, size_t n) { OnRecord(p, n); }) > 0) continue;
  AddUnfinished();
  batch_.Finish(&out_);
  Deliver();
  rusage ru{};
  if (getrusage(RUSAGE_THREAD, &ru) == 0) {
    consumer_cpu_ = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  }
  // null tells JavaScript that everything was delivered.
  tsfn_.BlockingCall([](Napi::Env env, Napi::Function cb) { cb.Call({env.Null()}); });
  tsfn_.Release();
}

// start(onDelivery, outputFd[, deliverBytes]): the consumer writes the finished batch
// records to outputFd, or, when it is -1, hands them to JavaScript, once they hold
// deliverBytes (default 1 MiB; --rotate and --flight split files between deliveries). onDelivery({ bytes, notes,
// syscalls, processEvents, unfinished, written, writeError }) every 50 ms when
// something changed: the batches (when JavaScript writes them), the processes created
// (+pid) and ended (-pid) since the last delivery, the running counts, the bytes
// written and the errno of a failed write (0: none). onDelivery(null) after stop(),
// once everything was written or delivered.
Napi::Value Recorder::Start(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "start")) return env.Undefined();
  if (started_) {
    RecorderError(env, "STATE", "start: the recorder is already started").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!info[0].IsFunction()) {
    Napi::TypeError::New(env, "start: callback expected").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  started_ = true;
  output_fd_ = info[1].IsNumber() ? info[1].As<Napi::Number>().Int32Value() : -1;
  if (info[2].IsNumber()) deliver_bytes_ = std::max<uint32_t>(1, info[2].As<Napi::Number>().Uint32Value());
  out_.reserve(deliver_bytes_ + (2 << 20));
  tsfn_ = Napi::ThreadSafeFunction::New(env, info[0].As<Napi::Function>(), "beetrace-consumer", 16, 1);
  thread_ = std::thread([this] { Consume(); });
  return env.Undefined();
}

// stop(): the consumer drains what is left, delivers it, then calls onChunk(null).
Napi::Value Recorder::Stop(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "stop")) return env.Undefined();
  if (!started_) {
    RecorderError(env, "STATE", "stop: the recorder is not started").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  RequestStop();
  return env.Undefined();
}

// lost(): ring-buffer records dropped, per CPU.
Napi::Value Recorder::Lost(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Usable(env, "lost")) return env.Undefined();
  int ncpu = libbpf_num_possible_cpus();
  Napi::Array out = Napi::Array::New(env);
  std::vector<uint64_t> values(ncpu > 0 ? ncpu : 0);
  uint32_t zero = 0;
  if (ncpu <= 0 || bpf_map_lookup_elem(bpf_map__fd(skel_->maps.lost), &zero, values.data())) {
    int err = ncpu <= 0 ? -ncpu : errno;
    RecorderError(env, "BPF_MAP", std::string("cannot read the lost-record counters: ") + strerror(err), err)
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  for (int i = 0; i < ncpu; i++) out.Set(i, Napi::Number::New(env, static_cast<double>(values[i])));
  return out;
}

// programStats(): [{ name, runs, ns }] per program, counted while programStats was on
// (an empty array otherwise; the syscall hooks run for every process's calls), then
// { name: "consumer", runs: 0, ns } the consumer thread's CPU time once it ended.
Napi::Value Recorder::ProgramStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array out = Napi::Array::New(env);
  if (closed_ || !skel_ || stats_fd_ < 0) return out;
  bpf_program* prog;
  uint32_t i = 0;
  // The programs loaded, from the object and from the exit hook's copy.
  for (beetrace_bpf* skel : {skel_, exit_skel_}) {
    if (!skel) continue;
    bpf_object__for_each_program(prog, skel->obj) {
      bpf_prog_info pi{};
      uint32_t len = sizeof(pi);
      if (bpf_program__fd(prog) < 0 || bpf_obj_get_info_by_fd(bpf_program__fd(prog), &pi, &len)) continue;
      Napi::Object o = Napi::Object::New(env);
      o.Set("name", Napi::String::New(env, bpf_program__name(prog)));
      o.Set("runs", Napi::Number::New(env, static_cast<double>(pi.run_cnt)));
      o.Set("ns", Napi::Number::New(env, static_cast<double>(pi.run_time_ns)));
      out.Set(i++, o);
    }
  }
  Napi::Object c = Napi::Object::New(env);
  c.Set("name", Napi::String::New(env, "consumer"));
  c.Set("runs", Napi::Number::New(env, 0));
  c.Set("ns", Napi::Number::New(env, consumer_cpu_.load() * 1e9));
  out.Set(i, c);
  return out;
}

// close(): the consumer stops; the BPF objects go on a thread of its own (unmapping the ring,
// detaching and closing the programs and maps: ~2 ms at the end of every recording), which the
// caller does not wait for. The recorder is closed at once; its destructor joins that thread,
// and a process that exits before it is done leaves the rest to the kernel, as at any exit.
Napi::Value Recorder::Close(const Napi::CallbackInfo& info) {
  if (started_ && thread_.joinable()) {
    RequestStop();
    thread_.join();
  }
  if (loader_.joinable()) loader_.join();
  if (!closed_) {
    closed_ = true;
    closer_ = std::thread([this] { Destroy(); });
  }
  return info.Env().Undefined();
}
