#include "recorder.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include <chrono>
#include <string>

#include <linux/types.h>

#include "beetrace.h"
#include "beetrace.skel.h"

namespace {

// A JavaScript Error with a `code` the TypeScript layer maps to a message.
Napi::Error CodedError(Napi::Env env, const char* code, const std::string& message, int err = 0) {
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  if (err) e.Set("errno", Napi::Number::New(env, err));
  return e;
}

const char* CodeForErrno(int err) {
  switch (err) {
    case EPERM:
      return "EPERM";
    case ENOENT:
      return "ENOENT";
    default:
      return "EBPF";
  }
}

// libbpf's messages (the verifier log among them) go to stderr only when
// BT_BPF_DEBUG is set: a user sees one line, a developer can see everything.
int PrintLibbpf(enum libbpf_print_level level, const char* fmt, va_list args) {
  static const bool debug = getenv("BT_BPF_DEBUG") != nullptr;
  if (!debug && level != LIBBPF_WARN) return 0;
  if (!debug) return 0;
  return vfprintf(stderr, fmt, args);
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
                         InstanceMethod<&Recorder::Trace>("trace"),
                         InstanceMethod<&Recorder::Untrace>("untrace"),
                         InstanceMethod<&Recorder::Start>("start"),
                         InstanceMethod<&Recorder::Stop>("stop"),
                         InstanceMethod<&Recorder::Lost>("lost"),
                         InstanceMethod<&Recorder::Unfinished>("unfinished"),
                         InstanceMethod<&Recorder::Close>("close"),
                     });
}

// new Recorder({ ringBytes, stringMax, bufferMax, captureBuffers, pollMicros }) starts
// loading the BPF programs on a thread of its own (opening vmlinux BTF and the verifier
// take a while), so that JavaScript can go on loading its modules meanwhile;
// attach(specs) waits for that, fills the capture table and attaches.
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
  uint32_t ring_bytes = GetU32(opts, "ringBytes", 32u << 20);
  libbpf_set_print(PrintLibbpf);
  loader_ = std::thread([=] {
    skel_ = beetrace_bpf__open();
    if (!skel_) {
      load_err_ = errno;
      load_stage_ = "open";
      return;
    }
    skel_->rodata->string_max = string_max;
    skel_->rodata->buffer_max = buffer_max;
    skel_->rodata->capture_buffers = capture_buffers;
    int ncpu = libbpf_num_possible_cpus();
    bpf_map__set_max_entries(skel_->maps.scratch, ncpu > 0 ? ncpu : 1);
    bpf_map__set_max_entries(skel_->maps.events, ring_bytes);
    int err = beetrace_bpf__load(skel_);
    if (err) {
      load_err_ = -err;
      load_stage_ = "load";
    }
  });
}

// attach(specs: Uint8Array): the capture table, one row per syscall number.
Napi::Value Recorder::Attach(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (loader_.joinable()) loader_.join();
  if (load_err_) {
    int err = load_err_;
    std::string what = load_stage_ == std::string("open") ? "cannot open the BPF object: " : "cannot load the BPF programs: ";
    Destroy();
    CodedError(env, CodeForErrno(err), what + strerror(err), err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!skel_ || attached_) return CodedError(env, "ESTATE", "recorder is closed or attached").Value();
  if (info.Length() < 1 || !info[0].IsTypedArray()) {
    Napi::TypeError::New(env, "attach: specs must be a Uint8Array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Uint8Array specs = info[0].As<Napi::Uint8Array>();
  if (specs.ByteLength() != BT_MAX_NR * sizeof(bt_syscall_spec)) {
    Napi::RangeError::New(env, "attach: specs has the wrong size").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  int err;
  int specs_fd = bpf_map__fd(skel_->maps.specs);
  for (uint32_t nr = 0; nr < BT_MAX_NR; nr++) {
    const uint8_t* row = specs.Data() + nr * sizeof(bt_syscall_spec);
    bool any = false;
    for (size_t i = 0; i < sizeof(bt_syscall_spec); i++) any |= row[i] != 0;
    if (any && bpf_map_update_elem(specs_fd, &nr, row, BPF_ANY)) {
      err = errno;
      Destroy();
      CodedError(env, "EBPF", std::string("cannot fill the capture table: ") + strerror(err))
          .ThrowAsJavaScriptException();
      return env.Undefined();
    }
  }
  ring_ = ring_buffer__new(bpf_map__fd(skel_->maps.events), &Recorder::OnRecord, this, nullptr);
  if (!ring_) {
    err = errno;
    Destroy();
    CodedError(env, "EBPF", std::string("cannot open the ring buffer: ") + strerror(err)).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  err = beetrace_bpf__attach(skel_);
  if (err) {
    err = -err;
    Destroy();
    CodedError(env, CodeForErrno(err), std::string("cannot attach the BPF programs: ") + strerror(err), err)
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  attached_ = true;
  return env.Undefined();
}

Recorder::~Recorder() { Destroy(); }

void Recorder::Destroy() {
  if (loader_.joinable()) loader_.join();
  if (thread_.joinable()) {
    stopping_ = true;
    thread_.join();
  }
  if (ring_) ring_buffer__free(ring_);
  ring_ = nullptr;
  if (skel_) beetrace_bpf__destroy(skel_);
  skel_ = nullptr;
}

// trace(pid, pendingExec): pid's thread group (and, through the fork hook, its
// future children) is recorded; with pendingExec, from its next execve on.
Napi::Value Recorder::Trace(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!skel_) return CodedError(env, "ECLOSED", "recorder is closed").Value();
  uint32_t pid = info[0].As<Napi::Number>().Uint32Value();
  uint32_t state = info[1].ToBoolean().Value() ? BT_PENDING_EXEC : BT_TRACED;
  if (bpf_map_update_elem(bpf_map__fd(skel_->maps.traced), &pid, &state, BPF_ANY)) {
    CodedError(env, "EBPF", std::string("cannot add the process to the traced set: ") + strerror(errno))
        .ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

Napi::Value Recorder::Untrace(const Napi::CallbackInfo& info) {
  if (skel_) {
    uint32_t pid = info[0].As<Napi::Number>().Uint32Value();
    bpf_map_delete_elem(bpf_map__fd(skel_->maps.traced), &pid);
  }
  return info.Env().Undefined();
}

int Recorder::OnRecord(void* ctx, void* data, size_t size) {
  auto* self = static_cast<Recorder*>(ctx);
  const uint8_t* p = static_cast<const uint8_t*>(data);
  self->chunk_.insert(self->chunk_.end(), p, p + size);
  // Hand over full chunks as they fill: memory stays bounded even when the ring holds a lot.
  if (self->chunk_.size() >= self->flush_bytes_) self->Flush(true);
  return 0;
}

// Hands the current chunk to JavaScript; blocks when JavaScript is behind (the
// queue is bounded), so memory stays bounded and the ring buffer absorbs the rest.
void Recorder::Flush(bool force) {
  if (chunk_.empty() || (!force && chunk_.size() < flush_bytes_)) return;
  auto* moved = new std::vector<uint8_t>(std::move(chunk_));
  chunk_ = std::vector<uint8_t>();
  chunk_.reserve(flush_bytes_ + (64 << 10));
  napi_status st = tsfn_.BlockingCall(moved, [](Napi::Env env, Napi::Function cb, std::vector<uint8_t>* bytes) {
    auto buf = Napi::Buffer<uint8_t>::New(
        env, bytes->data(), bytes->size(), [](Napi::Env, uint8_t*, std::vector<uint8_t>* v) { delete v; }, bytes);
    cb.Call({buf});
  });
  if (st != napi_ok) delete moved;
}

void Recorder::Consume() {
  using clock = std::chrono::steady_clock;
  auto last = clock::now();
  while (!stopping_.load(std::memory_order_relaxed)) {
    ring_buffer__consume(ring_);
    auto now = clock::now();
    if (chunk_.size() >= flush_bytes_ || (!chunk_.empty() && now - last >= std::chrono::milliseconds(50))) {
      Flush(true);
      last = now;
    }
    usleep(poll_us_);
  }
  while (ring_buffer__consume(ring_) > 0) continue;
  Flush(true);
  // null tells JavaScript that everything was delivered.
  tsfn_.BlockingCall([](Napi::Env env, Napi::Function cb) { cb.Call({env.Null()}); });
  tsfn_.Release();
}

// start(onChunk): onChunk(Buffer) for each chunk of raw records, then onChunk(null) after stop().
Napi::Value Recorder::Start(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!attached_ || started_) return CodedError(env, "ESTATE", "recorder not startable").Value();
  if (!info[0].IsFunction()) {
    Napi::TypeError::New(env, "start: callback expected").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  started_ = true;
  chunk_.reserve(flush_bytes_ + (64 << 10));
  tsfn_ = Napi::ThreadSafeFunction::New(env, info[0].As<Napi::Function>(), "beetrace-consumer", 16, 1);
  thread_ = std::thread([this] { Consume(); });
  return env.Undefined();
}

// stop(): the consumer drains what is left, delivers it, then calls onChunk(null).
Napi::Value Recorder::Stop(const Napi::CallbackInfo& info) {
  stopping_ = true;
  return info.Env().Undefined();
}

// lost(): ring-buffer records dropped, per CPU.
Napi::Value Recorder::Lost(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int ncpu = libbpf_num_possible_cpus();
  Napi::Array out = Napi::Array::New(env);
  if (!skel_ || ncpu <= 0) return out;
  std::vector<uint64_t> values(ncpu);
  uint32_t zero = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(skel_->maps.lost), &zero, values.data()) == 0) {
    for (int i = 0; i < ncpu; i++) out.Set(i, Napi::Number::New(env, static_cast<double>(values[i])));
  }
  return out;
}

// unfinished(): syscall records (BT_REC_SYSCALL, UNFINISHED) for the calls still in
// progress: called when recording ends, after the processes were untraced.
Napi::Value Recorder::Unfinished(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<uint8_t> out;
  if (skel_) {
    int fd = bpf_map__fd(skel_->maps.inflight);
    uint32_t key = 0, next = 0;
    uint32_t* prev = nullptr;
    while (bpf_map_get_next_key(fd, prev, &next) == 0) {
      bt_inflight f;
      // Entries exist only for threads that were traced when they entered the call.
      if (bpf_map_lookup_elem(fd, &next, &f) == 0 && f.active) {
        bt_syscall rec{};
        rec.type = BT_REC_SYSCALL;
        rec.size = sizeof(rec);
        rec.pid = f.pid;
        rec.tid = next;
        rec.enter_ns = f.enter_ns;
        rec.exit_ns = f.enter_ns;
        for (int i = 0; i < BT_NARGS; i++) rec.args[i] = f.args[i];
        rec.nr = f.nr;
        rec.flags = BT_SC_UNFINISHED;
        const uint8_t* p = reinterpret_cast<const uint8_t*>(&rec);
        out.insert(out.end(), p, p + sizeof(rec));
      }
      key = next;
      prev = &key;
    }
  }
  return Napi::Buffer<uint8_t>::Copy(env, out.data(), out.size());
}

Napi::Value Recorder::Close(const Napi::CallbackInfo& info) {
  if (started_ && thread_.joinable()) {
    stopping_ = true;
    thread_.join();
  }
  Destroy();
  return info.Env().Undefined();
}
