// beetrace's native addon: the BPF recorder, process spawning, and the raw record
// layout (offsets from beetrace.h, so the TypeScript parser never hard-codes them).
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
  set("REC_SYSCALL", BT_REC_SYSCALL);
  set("REC_SYSCALL_ENTRY", BT_REC_SYSCALL_ENTRY);
  set("REC_FORK", BT_REC_FORK);
  set("REC_EXEC", BT_REC_EXEC);
  set("REC_EXIT", BT_REC_EXIT);
  set("REC_SIGNAL", BT_REC_SIGNAL);
  set("sc_size", sizeof(bt_syscall));
  set("sc_pid", offsetof(bt_syscall, pid));
  set("sc_tid", offsetof(bt_syscall, tid));
  set("sc_enter_ns", offsetof(bt_syscall, enter_ns));
  set("sc_exit_ns", offsetof(bt_syscall, exit_ns));
  set("sc_ret", offsetof(bt_syscall, ret));
  set("sc_args", offsetof(bt_syscall, args));
  set("sc_nr", offsetof(bt_syscall, nr));
  set("sc_flags", offsetof(bt_syscall, flags));
  set("sc_ncaptures", offsetof(bt_syscall, ncaptures));
  set("cap_size", sizeof(bt_capture));
  set("cap_info", offsetof(bt_capture, info));
  set("cap_len", offsetof(bt_capture, len));
  set("pr_size", sizeof(bt_process));
  set("pr_pid", offsetof(bt_process, pid));
  set("pr_tid", offsetof(bt_process, tid));
  set("pr_ns", offsetof(bt_process, ns));
  set("pr_parent_pid", offsetof(bt_process, parent_pid));
  set("pr_parent_tid", offsetof(bt_process, parent_tid));
  set("pr_exit_code", offsetof(bt_process, exit_code));
  set("pr_signo", offsetof(bt_process, signo));
  set("pr_old_tid", offsetof(bt_process, old_tid));
  set("pr_group_dead", offsetof(bt_process, group_dead));
  set("pr_thread", offsetof(bt_process, thread));
  set("pr_data_len", offsetof(bt_process, data_len));
  set("pr_ignored", offsetof(bt_process, ignored));
  set("spec_size", sizeof(bt_syscall_spec));
  set("spec_flags", offsetof(bt_syscall_spec, flags));
  set("slot_size", sizeof(bt_capture_slot));
  set("MAX_NR", BT_MAX_NR);
  set("MAX_CAPTURE", BT_MAX_CAPTURE);
  set("SPEC_AT_ENTRY", BT_SPEC_AT_ENTRY);
  set("SPEC_ENTRY_SLOTS", BT_SPEC_ENTRY_SLOTS);
  set("CK_ALSO_AT_ENTRY", BT_CK_ALSO_AT_ENTRY);
  return l;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Recorder", Recorder::Init(env));
  exports.Set("spawn", Napi::Function::New(env, Spawn));
  exports.Set("release", Napi::Function::New(env, Release));
  exports.Set("abandon", Napi::Function::New(env, Abandon));
  exports.Set("waitChild", Napi::Function::New(env, WaitChild));
  exports.Set("layout", Layout(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(beetrace_recorder, Init)
