#pragma once
#include <napi.h>

// Starts a program in the traced set (see spawn.cc); the Recorder's spawn().
Napi::Value SpawnTraced(const Napi::CallbackInfo& info, int traced_fd);
Napi::Value WaitChild(const Napi::CallbackInfo& info);
