#pragma once
#include <napi.h>

Napi::Value Spawn(const Napi::CallbackInfo& info);
Napi::Value Release(const Napi::CallbackInfo& info);
Napi::Value Abandon(const Napi::CallbackInfo& info);
Napi::Value WaitChild(const Napi::CallbackInfo& info);
