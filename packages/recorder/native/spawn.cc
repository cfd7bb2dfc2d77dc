// Starting the program to record, and waiting for it off the main thread.
//
// The child is made with clone(CLONE_VM | CLONE_VFORK), as posix_spawn does: it runs on
// a small stack of its own in the recorder's memory (no page tables to copy from a
// process of a hundred MB, no copy-on-write faults afterwards) while the calling thread
// waits. Before exec it puts itself in the traced set as "pending exec", so its own
// execve is the first call recorded and nothing it does is missed.
#include "spawn.h"

#include <linux/types.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <uv.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "beetrace.h"
#include "errors.h"

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

// What the child needs, prepared by the parent: the child may not allocate.
struct ChildSetup {
  const char* path;
  char* const* argv;
  char* const* envp;
  const char* cwd;
  int fds[3];
  uint64_t* traced_pids;
  int err;            // set by the child when it cannot run the program,
  const char* stage;  // ...at this step: its error code (CWD, BPF_MAP, EXEC)
};

// The child, until exec: system calls only, on its own stack, in the parent's memory.
int ChildMain(void* p) {
  auto* c = static_cast<ChildSetup*>(p);
  // The recorder's signal handlers are not the program's: default dispositions, then
  // an empty mask (all signals were blocked across the clone).
  struct sigaction dfl;
  memset(&dfl, 0, sizeof(dfl));
  dfl.sa_handler = SIG_DFL;
  for (int s = 1; s < NSIG; s++) sigaction(s, &dfl, nullptr);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int i = 0; i < 3; i++) {
    if (c->fds[i] >= 0 && c->fds[i] != i) dup2(c->fds[i], i);
    if (c->fds[i] == i) fcntl(i, F_SETFD, 0);
  }
  if (c->cwd[0] && chdir(c->cwd)) {
    c->err = errno;
    c->stage = "CWD";
    _exit(127);
  }
  uint32_t pid = static_cast<uint32_t>(getpid());
  if (pid >= BT_PID_LIMIT) {
    c->err = ERANGE;
    c->stage = "BPF_MAP";
    _exit(127);
  }
  SetTraceState(c->traced_pids, pid, BT_PENDING_EXEC);
  execve(c->path, c->argv, c->envp);
  c->err = errno;
  c->stage = "EXEC";
  _exit(127);
}

}  // namespace

// (path, argv, envp, cwd, stdinFd, stdoutFd, stderrFd) -> pid of the running program.
// A child that could not change directory, join the traced set or exec has exited
// 127: it is reaped, and the failure thrown (CWD, BPF_MAP, EXEC with the errno).
Napi::Value SpawnTraced(const Napi::CallbackInfo& info, uint64_t* traced_pids) {
  Napi::Env env = info.Env();
  if (info.Length() < 7 || !info[0].IsString() || !info[1].IsArray() || !info[2].IsArray() || !info[3].IsString() ||
      !info[4].IsNumber() || !info[5].IsNumber() || !info[6].IsNumber()) {
    Napi::TypeError::New(env, "spawn: (path, argv, envp, cwd, stdin, stdout, stderr) expected").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::vector<std::string> argv = Strings(info[1].As<Napi::Array>());
  std::vector<std::string> envp = Strings(info[2].As<Napi::Array>());
  std::string cwd = info[3].As<Napi::String>().Utf8Value();
  std::vector<char*> argvp = Pointers(argv);
  std::vector<char*> envpp = Pointers(envp);
  ChildSetup setup{path.c_str(), argvp.data(), envpp.data(), cwd.c_str(),
                   {info[4].As<Napi::Number>().Int32Value(), info[5].As<Napi::Number>().Int32Value(),
                    info[6].As<Napi::Number>().Int32Value()},
                   traced_pids, 0, nullptr};
  std::vector<char> stack(64 << 10);

  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid_t pid = clone(ChildMain, stack.data() + stack.size(), CLONE_VM | CLONE_VFORK | SIGCHLD, &setup);
  int clone_err = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (pid < 0) {
    RecorderError(env, "SPAWN", std::string("cannot start a process: ") + strerror(clone_err), clone_err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (setup.err) {
    // The child has exited (CLONE_VFORK returns after its exec or its exit): reap it.
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) continue;
    std::string what = setup.stage == std::string("CWD") ? "cannot change to directory '" + cwd + "': "
                       : setup.stage == std::string("EXEC") ? "cannot execute '" + path + "': "
                       : "cannot add the process to the traced set: ";
    RecorderError(env, setup.stage, what + strerror(setup.err), setup.err).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return Napi::Number::New(env, pid);
}

void SetTraceState(uint64_t* traced_pids, uint32_t pid, uint32_t state) {
  if (pid >= BT_PID_LIMIT) return;
  uint64_t* word = &traced_pids[BT_PID_WORD(pid)];
  uint64_t mask = uint64_t{3} << BT_PID_SHIFT(pid);
  uint64_t old = __atomic_load_n(word, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(word, &old, (old & ~mask) | (uint64_t{state} << BT_PID_SHIFT(pid)), true,
                                      __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
  }
}

namespace {

// Waiting for a child without a thread: its pidfd (Linux 5.3; the BPF ring buffer needs
// 5.8) becomes readable when it exits, which the event loop polls; then it is reaped.
// (A libuv thread-pool job blocked in waitpid made Node start its four pool threads at
// every recording's start and join them at its exit.)
struct ChildWait {
  ChildWait(Napi::Env env, pid_t pid, int pidfd)
      : pidfd(pidfd), pid(pid), deferred(Napi::Promise::Deferred::New(env)), context(env, "beetrace:waitChild") {}
  uv_poll_t poll{};
  int pidfd;
  pid_t pid;
  Napi::Promise::Deferred deferred;
  Napi::AsyncContext context;  // the promise settles in a callback scope: its reactions run then
};

std::string WaitFailure(pid_t pid, int err) { return "cannot wait for process " + std::to_string(pid) + ": " + strerror(err); }

void Settle(ChildWait* w) {
  int status = 0;
  pid_t r;
  do r = waitpid(w->pid, &status, WNOHANG);
  while (r < 0 && errno == EINTR);
  if (r == 0) return;  // not yet (a spurious wake-up): still polled
  int err = r < 0 ? errno : 0;
  Napi::Env env = w->deferred.Env();
  {
    Napi::HandleScope scope(env);
    Napi::CallbackScope callback(env, w->context);
    if (err) {
      w->deferred.Reject(RecorderError(env, "WAIT", WaitFailure(w->pid, err), err).Value());
    } else {
      Napi::Object o = Napi::Object::New(env);
      o.Set("status", Napi::Number::New(env, status));
      o.Set("exited", Napi::Boolean::New(env, WIFEXITED(status)));
      o.Set("code", Napi::Number::New(env, WIFEXITED(status) ? WEXITSTATUS(status) : 0));
      o.Set("signal", Napi::Number::New(env, WIFSIGNALED(status) ? WTERMSIG(status) : 0));
      o.Set("core", Napi::Boolean::New(env, WIFSIGNALED(status) && WCOREDUMP(status)));
      w->deferred.Resolve(o);
    }
  }
  uv_poll_stop(&w->poll);
  uv_close(reinterpret_cast<uv_handle_t*>(&w->poll), [](uv_handle_t* h) {
    auto* w = static_cast<ChildWait*>(h->data);
    close(w->pidfd);
    delete w;
  });
}

}  // namespace

// waitChild(pid) -> Promise<{status, exited, code, signal, core}>
Napi::Value WaitChild(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsNumber()) {
    Napi::TypeError::New(env, "waitChild: pid must be a number").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  pid_t pid = info[0].As<Napi::Number>().Int32Value();
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  uv_loop_t* loop = nullptr;
  int err = pidfd < 0 ? errno : napi_get_uv_event_loop(env, &loop) == napi_ok ? 0 : EINVAL;
  auto* w = new ChildWait(env, pid, pidfd);
  Napi::Promise promise = w->deferred.Promise();
  if (!err) err = -uv_poll_init(loop, &w->poll, pidfd);
  if (err) {
    if (pidfd >= 0) close(pidfd);
    w->deferred.Reject(RecorderError(env, "WAIT", WaitFailure(pid, err), err).Value());
    delete w;
    return promise;
  }
  w->poll.data = w;
  uv_poll_start(&w->poll, UV_READABLE, [](uv_poll_t* h, int, int) { Settle(static_cast<ChildWait*>(h->data)); });
  return promise;
}
