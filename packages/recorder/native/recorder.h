// The Recorder object: loads and attaches the BPF programs, keeps the set of traced
// processes, and drains the ring buffer on a thread of its own, where the records
// become encoded trace batches that JavaScript only has to write.
#pragma once
#include <napi.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "batch_writer.h"
#include "ring_reader.h"

struct beetrace_bpf;
struct bt_traced_set;

class Recorder : public Napi::ObjectWrap<Recorder> {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit Recorder(const Napi::CallbackInfo& info);
  ~Recorder() override;

 private:
  Napi::Value Attach(const Napi::CallbackInfo& info);
  Napi::Value Spawn(const Napi::CallbackInfo& info);
  Napi::Value Trace(const Napi::CallbackInfo& info);
  Napi::Value Untrace(const Napi::CallbackInfo& info);
  Napi::Value WatchCgroup(const Napi::CallbackInfo& info);
  Napi::Value UntraceAll(const Napi::CallbackInfo& info);
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value Lost(const Napi::CallbackInfo& info);
  Napi::Value ProgramStats(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  void OnRecord(const uint8_t* data, size_t size);
  void Consume();
  void AddUnfinished();
  void Deliver();
  void Write(const uint8_t* p, size_t n);
  void Destroy();
  void RequestStop();
  uint64_t* TracedPids();
  bool Usable(Napi::Env env, const char* method);
  int Load(const std::string& core_btf, bool tp_btf);
  beetrace_bpf* Open(const std::string& core_btf);
  void MapShared();
  int AttachPrograms(beetrace_bpf* skel);
  void DestroyObjects();

  beetrace_bpf* skel_ = nullptr;
  beetrace_bpf* exit_skel_ = nullptr;  // a copy of the object that loads the exit hook with skel_'s maps (Load)
  RingReader* ring_ = nullptr;
  bt_traced_set* traced_ = nullptr;  // the traced set's map, mapped after the load
  const struct bt_inflight* slots_ = nullptr;  // the entry states' array, mapped after the load
  size_t slots_bytes_ = 0;
  int map_err_ = 0;                   // the errno of a failed mapping (MapShared), and what failed
  const char* map_what_ = "";
  int attach_err_ = 0;                // the errno of a failed attach on the loading thread
  struct {
    uint32_t string_max, buffer_max;
    bool capture_buffers, floor, cgroup;
    uint32_t ring_bytes;
  } config_{};  // the load's settings
  std::thread loader_;
  std::thread closer_;  // close()'s teardown of the BPF objects
  int load_err_ = 0;
  const char* load_stage_ = "";
  bool attached_ = false;
  bool closed_ = false;     // closed, or destroyed when loading or attaching failed
  std::string btf_path_;    // the BTF the CO-RE relocations read
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex wake_mutex_;
  std::condition_variable wake_;  // stop() wakes the consumer from its poll interval
  bool started_ = false;
  Napi::ThreadSafeFunction tsfn_;
  BatchWriter batch_;
  std::vector<uint8_t> out_;  // finished batch records not yet written or handed to JavaScript
  size_t deliver_bytes_ = 1 << 20;
  // The trace file this thread writes (-1: JavaScript takes the bytes), what it wrote,
  // and the errno of the write that failed (no more is written after that).
  int output_fd_ = -1;
  uint64_t written_ = 0;
  int write_error_ = 0;
  RecordCounts reported_;  // counts in the last delivery
  unsigned poll_us_ = 2000;
  int stats_fd_ = -1;  // while open, the kernel counts each BPF program's runs and run time
  std::atomic<double> consumer_cpu_{0};  // the consumer thread's CPU seconds, when it ended
  // -e: the call filter (BT_CALL_* per syscall number) and the BT_STATUS_* kept; empty: no filter.
  std::vector<uint8_t> call_filter_;
  uint32_t status_filter_ = 0;
};
