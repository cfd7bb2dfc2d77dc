// The addon's one kind of failure: the TypeScript layer's RecorderError (native.ts),
// whose constructor it registers with setErrorConstructor, as better-sqlite3 registers
// SqliteError. Every failure of the addon is thrown as one, with a code and the errno
// behind it (0 when none); argument types wrong are TypeErrors, as in JavaScript.
#pragma once
#include <napi.h>

#include <string>

// new RecorderError(message, code, errno); a plain Error with `code` and `errno` before
// a constructor is registered.
Napi::Error RecorderError(Napi::Env env, const char* code, const std::string& message, int err = 0);

// setErrorConstructor(RecorderError): kept per addon instance (a worker thread loads its own).
Napi::Value SetErrorConstructor(const Napi::CallbackInfo& info);
