// beetrace's native addon: the BPF recorder, process spawning, and the capture
// table's layout (offsets and constants from beetrace.h, so the TypeScript side
// that fills the table never hard-codes them).
#include <napi.h>

#include <cstddef>

#include <linux/types.h>

#include "beetrace.h"
#include "recorder.h"
#include "spawn.h"

namespace {

Napi::Object Layout(Napi::Env env) {
  Napi::Object l = Napi::Object::New(env);
  auto set = [&](const char* k, size_t v) { l.Set(k, Napi::Number::New(env, static_cast<double>(v))); };
  set("spec_size", sizeof(bt_syscall_spec));
  set("spec_flags", offsetof(bt_syscall_spec, flags));
  set("slot_size", sizeof(bt_capture_slot));
  set("MAX_NR", BT_MAX_NR);
  set("MAX_CAPTURE", BT_MAX_CAPTURE);
  set("SPEC_AT_ENTRY", BT_SPEC_AT_ENTRY);
  set("SPEC_ENTRY_SLOTS", BT_SPEC_ENTRY_SLOTS);
  set("CK_ALSO_AT_ENTRY", BT_CK_ALSO_AT_ENTRY);
  set("CK_DATA", BT_CK_DATA);
  return l;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Recorder", Recorder::Init(env));
  exports.Set("waitChild", Napi::Function::New(env, WaitChild));
  exports.Set("layout", Layout(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(beetrace_recorder, Init)
