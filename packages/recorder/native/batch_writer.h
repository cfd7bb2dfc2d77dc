// Turns the raw ring-buffer records (bpf/beetrace.h) into the trace's Batch records
// (packages/format/proto/trace.proto), column by column, and encodes them as
// length-delimited Record{batch} messages. Runs on the consumer thread, so the
// recorder's JavaScript only writes finished bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

// A growable byte buffer with protobuf's varint primitives.
class ProtoBytes {
 public:
  void Varint(uint64_t v) {
    while (v > 0x7f) {
      bytes_.push_back(static_cast<uint8_t>(v) | 0x80);
      v >>= 7;
    }
    bytes_.push_back(static_cast<uint8_t>(v));
  }
  void SignedVarint(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Tag(uint32_t field, uint32_t wire_type) { Varint((field << 3) | wire_type); }
  void Append(const uint8_t* p, size_t n) { bytes_.insert(bytes_.end(), p, p + n); }
  // Fields of a message, written only when they differ from proto3's default.
  void UintField(uint32_t field, uint64_t v) {
    if (v == 0) return;
    Tag(field, 0);
    Varint(v);
  }
  void Int32Field(uint32_t field, int32_t v) {
    if (v == 0) return;
    Tag(field, 0);
    Varint(static_cast<uint64_t>(static_cast<int64_t>(v)));  // negative int32: ten bytes, as protobuf says
  }
  void BytesField(uint32_t field, const uint8_t* p, size_t n) {
    if (n == 0) return;
    Tag(field, 2);
    Varint(n);
    Append(p, n);
  }
  void StringField(uint32_t field, const uint8_t* p, size_t n);  // replaces bytes that are not UTF-8

  const std::vector<uint8_t>& bytes() const { return bytes_; }
  size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }
  void clear() { bytes_.clear(); }

 private:
  std::vector<uint8_t> bytes_;
};

struct RecordCounts {
  uint64_t syscalls = 0;
  uint64_t process_events = 0;
  uint64_t unfinished = 0;
  uint64_t state_only = 0;
};

class BatchWriter {
 public:
  // A batch is finished at this many syscalls or captured bytes.
  static constexpr uint32_t kMaxSyscalls = 4096;
  static constexpr size_t kMaxCaptureBytes = 1 << 20;

  // The capture table (one bt_syscall_spec per syscall number): how many arguments each
  // syscall takes; the registers after them are written as 0 (all six for a number the
  // table lacks, and until this is called).
  void SetArgCounts(const uint8_t* specs, size_t n);
  // Adds one raw record of any type; a malformed one is skipped.
  void Add(const uint8_t* rec, size_t size);
  bool Full() const { return syscalls_ >= kMaxSyscalls || cap_data_.size() >= kMaxCaptureBytes; }
  bool Empty() const { return syscalls_ == 0 && procs_.empty(); }
  // Appends the batch as a length-delimited Record{batch} to `out` and starts a new one.
  void Finish(std::vector<uint8_t>* out);

  // What the JavaScript side follows: +pid when a process (not a thread) is created or
  // joins the traced set through --cgroup, -pid when a thread group is dead. Taken by the consumer with each delivery.
  std::vector<int32_t> notes;
  RecordCounts counts;
  // The counts of the records in finished batches (what the bytes handed over hold).
  RecordCounts finished;

 private:
  void AddSyscall(const uint8_t* rec, size_t size);
  void AddProcess(const uint8_t* rec, size_t size);
  void AddCaptures(const uint8_t* p, const uint8_t* end, uint32_t n);

  // Captures taken at entry (execve), per thread, until the call's exit record.
  struct EntryCaptures {
    uint32_t nr;
    uint32_t count;
    std::vector<uint8_t> raw;  // bt_capture headers and data, as in the record
  };
  void AddStashed(std::unordered_map<uint32_t, EntryCaptures>& stash, uint32_t tid, uint32_t nr);
  std::unordered_map<uint32_t, EntryCaptures> entries_;
  // What the fds a call made refer to (-y), per thread, sent just before the call's record.
  std::unordered_map<uint32_t, EntryCaptures> fd_paths_;

  std::vector<uint8_t> nargs_;  // by syscall number
  uint32_t syscalls_ = 0;
  uint64_t base_ns_ = 0;
  uint64_t last_exit_ns_ = 0;
  uint32_t last_tid_ = 0;
  // Packed columns, in field order 4..17, then the capture data, the process events (19)
  // and the ids (20, 21: sc_tid_delta, sc_tid_minus_pid).
  ProtoBytes nr_, exit_delta_, duration_, ret_, args_[6], flags_, cap_syscall_, cap_info_, cap_len_;
  ProtoBytes cap_data_, procs_, tid_delta_, tid_minus_pid_;
};
