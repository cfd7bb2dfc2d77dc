#pragma once
#include <napi.h>

// Starts a program in the traced set (see spawn.cc); the Recorder's spawn().
Napi::Value SpawnTraced(const Napi::CallbackInfo& info, uint64_t* traced_pids);

// Sets pid's two bits in the traced set (beetrace.h) to state (0: not traced), atomically:
// the BPF programs change other bits of the same word meanwhile.
void SetTraceState(uint64_t* traced_pids, uint32_t pid, uint32_t state);
Napi::Value WaitChild(const Napi::CallbackInfo& info);
