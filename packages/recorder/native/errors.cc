#include "errors.h"

Napi::Value SetErrorConstructor(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsFunction()) {
    Napi::TypeError::New(env, "setErrorConstructor: a constructor expected").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto* ctor = env.GetInstanceData<Napi::FunctionReference>();
  if (!ctor) {
    ctor = new Napi::FunctionReference();
    env.SetInstanceData(ctor);  // deleted when the environment goes (node-addon-api's cleanup)
  }
  *ctor = Napi::Persistent(info[0].As<Napi::Function>());
  return env.Undefined();
}

Napi::Error RecorderError(Napi::Env env, const char* code, const std::string& message, int err) {
  auto* ctor = env.GetInstanceData<Napi::FunctionReference>();
  if (ctor && !ctor->IsEmpty()) {
    Napi::Object e = ctor->New({Napi::String::New(env, message), Napi::String::New(env, code), Napi::Number::New(env, err)});
    if (!env.IsExceptionPending()) return Napi::Error(env, e);
    env.GetAndClearPendingException();
  }
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  e.Set("errno", Napi::Number::New(env, err));
  return e;
}
