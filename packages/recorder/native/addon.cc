// beetrace's native addon: the BPF recorder, process spawning, and the capture
// table's layout (offsets and constants from beetrace.h, so the TypeScript side
// that fills the table never hard-codes them).
#include <napi.h>

#include <time.h>

#include <cstddef>
#include <vector>

#include <linux/types.h>

#include "batch_writer.h"
#include "beetrace.h"
#include "errors.h"
#include "recorder.h"
#include "spawn.h"

namespace {

Napi::Object Layout(Napi::Env env) {
  Napi::Object l = Napi::Object::New(env);
  auto set = [&](const char* k, size_t v) { l.Set(k, Napi::Number::New(env, static_cast<double>(v))); };
  set("spec_size", sizeof(bt_syscall_spec));
  set("spec_flags", offsetof(bt_syscall_spec, flags));
  set("spec_exit_first", offsetof(bt_syscall_spec, exit_first));
  set("spec_exit_end", offsetof(bt_syscall_spec, exit_end));
  set("spec_nargs", offsetof(bt_syscall_spec, nargs));
  set("NARGS", BT_NARGS);
  set("slot_size", sizeof(bt_capture_slot));
  set("MAX_NR", BT_MAX_NR);
  set("SPEC_ROWS", BT_SPEC_ROWS);
  set("CALL_TRACE", BT_CALL_TRACE);
  set("CALL_STATE", BT_CALL_STATE);
  set("STATUS_SUCCESSFUL", BT_STATUS_SUCCESSFUL);
  set("STATUS_FAILED", BT_STATUS_FAILED);
  set("STATUS_UNFINISHED", BT_STATUS_UNFINISHED);
  set("STATUS_DETACHED", BT_STATUS_DETACHED);
  set("MAX_CAPTURE", BT_MAX_CAPTURE);
  set("SPEC_AT_ENTRY", BT_SPEC_AT_ENTRY);
  set("SPEC_ENTRY_SLOTS", BT_SPEC_ENTRY_SLOTS);
  set("CK_ALSO_AT_ENTRY", BT_CK_ALSO_AT_ENTRY);
  set("CK_DATA", BT_CK_DATA);
  set("SPEC_FD_RET", BT_SPEC_FD_RET);
  set("SPEC_FD_PAIR", BT_SPEC_FD_PAIR);
  set("SPEC_FD_ARG", BT_SPEC_FD_ARG);
  set("SPEC_FDS_ARG_SHIFT", BT_SPEC_FDS_ARG_SHIFT);
  return l;
}

// The ring-buffer records' layout, for tests that make records without BPF
// (encodeRecords): "bt_syscall.tid" is a field's offset, "bt_syscall.tid.size" its bytes.
Napi::Object RecordLayout(Napi::Env env) {
  Napi::Object l = Napi::Object::New(env);
  auto set = [&](const char* k, size_t v) { l.Set(k, Napi::Number::New(env, static_cast<double>(v))); };
#define BT_FIELD(rec, f) set(#rec "." #f, offsetof(rec, f)), set(#rec "." #f ".size", sizeof(rec::f))
  set("bt_syscall", sizeof(bt_syscall));
  BT_FIELD(bt_syscall, type), BT_FIELD(bt_syscall, size), BT_FIELD(bt_syscall, pid), BT_FIELD(bt_syscall, tid);
  BT_FIELD(bt_syscall, enter_ns), BT_FIELD(bt_syscall, exit_ns), BT_FIELD(bt_syscall, ret), BT_FIELD(bt_syscall, args);
  BT_FIELD(bt_syscall, nr), BT_FIELD(bt_syscall, flags), BT_FIELD(bt_syscall, ncaptures);
  set("bt_capture", sizeof(bt_capture));
  BT_FIELD(bt_capture, info), BT_FIELD(bt_capture, len);
  set("bt_process", sizeof(bt_process));
  BT_FIELD(bt_process, type), BT_FIELD(bt_process, size), BT_FIELD(bt_process, pid), BT_FIELD(bt_process, tid);
  BT_FIELD(bt_process, ns), BT_FIELD(bt_process, parent_pid), BT_FIELD(bt_process, parent_tid);
  BT_FIELD(bt_process, exit_code), BT_FIELD(bt_process, signo), BT_FIELD(bt_process, old_tid);
  BT_FIELD(bt_process, group_dead), BT_FIELD(bt_process, thread), BT_FIELD(bt_process, data_len);
  BT_FIELD(bt_process, ignored);
#undef BT_FIELD
  set("REC_SYSCALL", BT_REC_SYSCALL);
  set("REC_SYSCALL_ENTRY", BT_REC_SYSCALL_ENTRY);
  set("REC_FORK", BT_REC_FORK);
  set("REC_EXEC", BT_REC_EXEC);
  set("REC_EXIT", BT_REC_EXIT);
  set("REC_SIGNAL", BT_REC_SIGNAL);
  return l;
}

// encodeRecords(records: Uint8Array[]) -> Buffer: what the consumer thread writes for
// these ring-buffer records (bpf/beetrace.h), one length-delimited Record{batch}
// (nothing for an empty batch), made by the same BatchWriter without BPF: the
// encoder's byte-level tests feed it known records.
Napi::Value EncodeRecords(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsArray()) {
    Napi::TypeError::New(env, "encodeRecords: an array of Uint8Array records expected").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Array records = info[0].As<Napi::Array>();
  BatchWriter batch;
  for (uint32_t i = 0; i < records.Length(); i++) {
    Napi::Value rec = records.Get(i);
    if (!rec.IsTypedArray() || rec.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
      Napi::TypeError::New(env, "encodeRecords: an array of Uint8Array records expected").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    Napi::Uint8Array bytes = rec.As<Napi::Uint8Array>();
    batch.Add(bytes.Data(), bytes.ByteLength());
  }
  std::vector<uint8_t> out;
  batch.Finish(&out);
  return Napi::Buffer<uint8_t>::Copy(env, out.data(), out.size());
}

// clocks() -> { monotonicNs, realtimeNs }: CLOCK_MONOTONIC (process.hrtime's) and CLOCK_REALTIME,
// read together, for the trace's header and trailer (performance.timeOrigin costs Node ~1 ms
// of module loading on first use, at the start of every recording).
Napi::Value Clocks(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  timespec mono, real;
  clock_gettime(CLOCK_MONOTONIC, &mono);
  clock_gettime(CLOCK_REALTIME, &real);
  Napi::Object o = Napi::Object::New(env);
  o.Set("monotonicNs", Napi::Number::New(env, mono.tv_sec * 1e9 + mono.tv_nsec));
  o.Set("realtimeNs", Napi::Number::New(env, real.tv_sec * 1e9 + real.tv_nsec));
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("setErrorConstructor", Napi::Function::New(env, SetErrorConstructor));
  exports.Set("Recorder", Recorder::Init(env));
  exports.Set("waitChild", Napi::Function::New(env, WaitChild));
  exports.Set("clocks", Napi::Function::New(env, Clocks));
  exports.Set("layout", Layout(env));
  exports.Set("recordLayout", RecordLayout(env));
  exports.Set("encodeRecords", Napi::Function::New(env, EncodeRecords));
  return exports;
}

}  // namespace

NODE_API_MODULE(beetrace_recorder, Init)
