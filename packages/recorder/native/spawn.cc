// Starting the program to record: fork, hold the child at a barrier until the
// recorder has registered it, then exec. And waiting for it, off the main thread.
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> Strings(Napi::Array a) {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < a.Length(); i++) out.push_back(a.Get(i).As<Napi::String>().Utf8Value());
  return out;
}

std::vector<char*> Pointers(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Reads exactly n bytes unless the pipe closes first; returns bytes read.
ssize_t ReadFull(int fd, void* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, static_cast<char*>(buf) + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += r;
  }
  return got;
}

}  // namespace

// spawn(path, argv, envp, cwd, stdinFd, stdoutFd, stderrFd) -> { pid, barrier, status }
// The child is stopped at the barrier: call release(barrier, status) after registering it.
Napi::Value Spawn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::vector<std::string> argv = Strings(info[1].As<Napi::Array>());
  std::vector<std::string> envp = Strings(info[2].As<Napi::Array>());
  std::string cwd = info[3].As<Napi::String>().Utf8Value();
  int fds[3] = {info[4].As<Napi::Number>().Int32Value(), info[5].As<Napi::Number>().Int32Value(),
                info[6].As<Napi::Number>().Int32Value()};
  std::vector<char*> argvp = Pointers(argv);
  std::vector<char*> envpp = Pointers(envp);

  int barrier[2], status[2];
  if (pipe2(barrier, O_CLOEXEC) || pipe2(status, O_CLOEXEC)) {
    Napi::Error e = Napi::Error::New(env, std::string("pipe: ") + strerror(errno));
    e.ThrowAsJavaScriptException();
    return env.Undefined();
  }
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    close(barrier[0]), close(barrier[1]), close(status[0]), close(status[1]);
    Napi::Error::New(env, std::string("fork: ") + strerror(err)).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (pid == 0) {
    // Child: async-signal-safe calls only. Node ignores SIGPIPE and blocks some
    // signals; an exec'd program must start with default dispositions.
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, nullptr);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++) sigaction(s, &dfl, nullptr);
    for (int i = 0; i < 3; i++) {
      if (fds[i] >= 0 && fds[i] != i) dup2(fds[i], i);
      if (fds[i] == i) fcntl(i, F_SETFD, 0);
    }
    int err = 0;
    char go;
    close(barrier[1]);
    if (ReadFull(barrier[0], &go, 1) != 1) _exit(127);  // the recorder went away
    if (!cwd.empty() && chdir(cwd.c_str())) {
      err = errno;
    } else {
      execve(path.c_str(), argvp.data(), envpp.data());
      err = errno;
    }
    ssize_t ignored = write(status[1], &err, sizeof(err));
    (void)ignored;
    _exit(127);
  }
  close(barrier[0]);
  close(status[1]);
  Napi::Object out = Napi::Object::New(env);
  out.Set("pid", Napi::Number::New(env, pid));
  out.Set("barrier", Napi::Number::New(env, barrier[1]));
  out.Set("status", Napi::Number::New(env, status[0]));
  return out;
}

// release(barrier, status) -> errno of a failed exec (or chdir), 0 when the program runs.
Napi::Value Release(const Napi::CallbackInfo& info) {
  int barrier = info[0].As<Napi::Number>().Int32Value();
  int status = info[1].As<Napi::Number>().Int32Value();
  char go = 1;
  ssize_t w;
  do w = write(barrier, &go, 1);
  while (w < 0 && errno == EINTR);
  close(barrier);
  int err = 0;
  ssize_t n = ReadFull(status, &err, sizeof(err));  // closes on exec (CLOEXEC)
  close(status);
  return Napi::Number::New(info.Env(), n == sizeof(err) ? err : 0);
}

// Abandon(barrier, status): the child exits without running the program.
Napi::Value Abandon(const Napi::CallbackInfo& info) {
  close(info[0].As<Napi::Number>().Int32Value());
  close(info[1].As<Napi::Number>().Int32Value());
  return info.Env().Undefined();
}

namespace {

class WaitWorker : public Napi::AsyncWorker {
 public:
  WaitWorker(Napi::Env env, pid_t pid) : Napi::AsyncWorker(env), pid_(pid), deferred_(Napi::Promise::Deferred::New(env)) {}
  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    pid_t r;
    do r = waitpid(pid_, &status_, 0);
    while (r < 0 && errno == EINTR);
    if (r < 0) err_ = errno;
  }
  void OnOK() override {
    Napi::Env env = Env();
    if (err_) {
      deferred_.Reject(Napi::Error::New(env, std::string("waitpid: ") + strerror(err_)).Value());
      return;
    }
    Napi::Object o = Napi::Object::New(env);
    o.Set("status", Napi::Number::New(env, status_));
    o.Set("exited", Napi::Boolean::New(env, WIFEXITED(status_)));
    o.Set("code", Napi::Number::New(env, WIFEXITED(status_) ? WEXITSTATUS(status_) : 0));
    o.Set("signal", Napi::Number::New(env, WIFSIGNALED(status_) ? WTERMSIG(status_) : 0));
    o.Set("core", Napi::Boolean::New(env, WIFSIGNALED(status_) && WCOREDUMP(status_)));
    deferred_.Resolve(o);
  }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  pid_t pid_;
  int status_ = 0;
  int err_ = 0;
  Napi::Promise::Deferred deferred_;
};

}  // namespace

// waitChild(pid) -> Promise<{status, exited, code, signal, core}>
Napi::Value WaitChild(const Napi::CallbackInfo& info) {
  auto* w = new WaitWorker(info.Env(), info[0].As<Napi::Number>().Int32Value());
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}
