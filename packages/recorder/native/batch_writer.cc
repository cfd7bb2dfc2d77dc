#include "batch_writer.h"

#include <cstring>

#include <linux/types.h>

#include "beetrace.h"

namespace {

// trace.proto's field numbers.
enum BatchField : uint32_t {
  kBaseNs = 1, kTid, kPid, kNr, kExitDelta, kDuration, kRet, kArg0,
  kFlags = 14, kCapSyscall, kCapInfo, kCapLen, kCapData, kProcessEvents, kTidDelta, kTidMinusPid,
};
enum ProcessField : uint32_t {
  kKind = 1, kPosition, kTsNs, kPePid, kPeTid, kParentPid, kParentTid, kFilename, kOldTid,
  kExitCode, kGroupDead, kSigno, kSiginfo, kThread, kIgnored,
  kNsPid = 20, kNsTid, kPidnsLevel, kPidnsInode,
};
enum ProcessKind : uint32_t { kFork = 1, kExec = 2, kExit = 3, kSignal = 4 };
constexpr uint32_t kRecordBatch = 2;

// FORK's ids in the child's pid namespace, written when that is not the initial one
// (in the initial namespace they are pid and tid).
void AddForkNs(ProtoBytes* ev, const uint8_t* data, size_t data_len) {
  if (data_len < sizeof(bt_fork_ns)) return;
  bt_fork_ns ns;
  memcpy(&ns, data, sizeof ns);
  if (ns.level == 0) return;
  ev->UintField(kNsPid, ns.ns_pid);
  ev->UintField(kNsTid, ns.ns_tid);
  ev->UintField(kPidnsLevel, ns.level);
  ev->UintField(kPidnsInode, ns.inode);
}

// The ProcessEvent kind of a raw record type; 0: not a process record.
uint32_t KindOf(uint32_t type) {
  switch (type) {
    case BT_REC_FORK: return kFork;
    case BT_REC_EXEC: return kExec;
    case BT_REC_EXIT: return kExit;
    case BT_REC_SIGNAL: return kSignal;
    default: return 0;
  }
}

template <typename T>
T Load(const uint8_t* p) {
  T v;
  memcpy(&v, p, sizeof v);
  return v;
}

size_t VarintSize(uint64_t v) {
  size_t n = 1;
  while (v > 0x7f) {
    v >>= 7;
    n++;
  }
  return n;
}

// Length of the well-formed UTF-8 sequence at p, or 0.
size_t Utf8Sequence(const uint8_t* p, const uint8_t* end) {
  uint8_t c = p[0];
  if (c < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xbf;  // bounds of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;  // no surrogates
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < n || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80) return 0;
  return n;
}

}  // namespace

// proto3 strings are UTF-8: a byte that does not start a well-formed sequence
// becomes U+FFFD, as the JavaScript TextDecoder would make it.
void ProtoBytes::StringField(uint32_t field, const uint8_t* p, size_t n) {
  if (n == 0) return;
  const uint8_t* end = p + n;
  std::vector<uint8_t> text;
  text.reserve(n);
  for (const uint8_t* q = p; q < end;) {
    size_t len = Utf8Sequence(q, end);
    if (len == 0) {
      static const uint8_t kReplacement[] = {0xef, 0xbf, 0xbd};
      text.insert(text.end(), kReplacement, kReplacement + 3);
      q++;
    } else {
      text.insert(text.end(), q, q + len);
      q += len;
    }
  }
  BytesField(field, text.data(), text.size());
}

void BatchWriter::SetArgCounts(const uint8_t* specs, size_t n) {
  nargs_.assign(n, BT_NARGS);
  for (size_t nr = 0; nr < n; nr++) {
    bt_syscall_spec spec;
    memcpy(&spec, specs + nr * sizeof spec, sizeof spec);
    nargs_[nr] = spec.nargs < BT_NARGS ? spec.nargs : BT_NARGS;
  }
}

void BatchWriter::Add(const uint8_t* rec, size_t size) {
  if (size < 8) return;
  uint32_t type = Load<uint32_t>(rec);
  if (type == BT_REC_SYSCALL || type == BT_REC_SYSCALL_ENTRY) {
    if (size >= sizeof(bt_syscall)) AddSyscall(rec, size);
  } else if (type == BT_REC_FD_PATHS) {
    if (size < sizeof(bt_fd_paths)) return;
    bt_fd_paths fp = Load<bt_fd_paths>(rec);
    fd_paths_[fp.tid] = EntryCaptures{fp.nr, fp.ncaptures, std::vector<uint8_t>(rec + sizeof fp, rec + size)};
  } else if (type == BT_REC_JOINED) {
    // A process joined the traced set through --cgroup: the recorder follows it; no event in the trace.
    if (size >= sizeof(bt_process)) notes.push_back(static_cast<int32_t>(Load<bt_process>(rec).pid));
  } else if (size >= sizeof(bt_process)) {
    AddProcess(rec, size);
  }
}

void BatchWriter::AddCaptures(const uint8_t* p, const uint8_t* end, uint32_t n) {
  for (uint32_t i = 0; i < n && p + sizeof(bt_capture) <= end; i++) {
    bt_capture cap = Load<bt_capture>(p);
    const uint8_t* data = p + sizeof(bt_capture);
    if (cap.len > static_cast<size_t>(end - data)) break;
    cap_syscall_.Varint(syscalls_ - 1);
    cap_info_.Varint(cap.info);
    cap_len_.Varint(cap.len);
    cap_data_.Append(data, cap.len);
    p += (sizeof(bt_capture) + cap.len + 7) & ~size_t{7};
  }
}

// The captures an earlier record of thread tid left for its call nr, appended to the syscall
// just added; forgotten either way. They are rare (execve, value-result arguments, new fds): no
// lookup while there are none.
void BatchWriter::AddStashed(std::unordered_map<uint32_t, EntryCaptures>& stash, uint32_t tid, uint32_t nr) {
  if (stash.empty()) return;
  auto it = stash.find(tid);
  if (it == stash.end()) return;
  if (it->second.nr == nr) AddCaptures(it->second.raw.data(), it->second.raw.data() + it->second.raw.size(), it->second.count);
  stash.erase(it);
}

void BatchWriter::AddSyscall(const uint8_t* rec, size_t size) {
  bt_syscall sc = Load<bt_syscall>(rec);
  const uint8_t* caps = rec + sizeof(bt_syscall);
  const uint8_t* end = rec + size;
  if (sc.type == BT_REC_SYSCALL_ENTRY) {
    entries_[sc.tid] = EntryCaptures{sc.nr, sc.ncaptures, std::vector<uint8_t>(caps, end)};
    return;
  }
  if (syscalls_ == 0) base_ns_ = last_exit_ns_ = sc.exit_ns;
  syscalls_++;
  // Format version 2's ids: small whatever the pids (absolute ones take 3 bytes each past 16,383).
  tid_delta_.SignedVarint(static_cast<int64_t>(sc.tid) - last_tid_);
  last_tid_ = sc.tid;
  tid_minus_pid_.SignedVarint(static_cast<int64_t>(sc.tid) - sc.pid);
  nr_.Varint(sc.nr);
  exit_delta_.SignedVarint(static_cast<int64_t>(sc.exit_ns - last_exit_ns_));
  last_exit_ns_ = sc.exit_ns;
  duration_.Varint(sc.exit_ns - sc.enter_ns);
  ret_.SignedVarint(sc.ret);
  // Registers after the syscall's arguments hold leftovers (7 bytes each in the trace): 0.
  uint32_t nargs = sc.nr < nargs_.size() ? nargs_[sc.nr] : BT_NARGS;
  for (uint32_t i = 0; i < BT_NARGS; i++) args_[i].SignedVarint(i < nargs ? static_cast<int64_t>(sc.args[i]) : 0);
  flags_.Varint(sc.flags);
  // Entry captures first: the argument as it was passed, then what the call wrote; then what
  // the fds it made refer to.
  AddStashed(entries_, sc.tid, sc.nr);
  AddCaptures(caps, end, sc.ncaptures);
  AddStashed(fd_paths_, sc.tid, sc.nr);
  counts.syscalls++;
  if (sc.flags & BT_SC_UNFINISHED) counts.unfinished++;
  if (sc.flags & BT_SC_STATE_ONLY) counts.state_only++;
}

void BatchWriter::AddProcess(const uint8_t* rec, size_t size) {
  bt_process pr = Load<bt_process>(rec);
  const uint8_t* data = rec + sizeof(bt_process);
  size_t data_len = pr.data_len <= size - sizeof(bt_process) ? pr.data_len : size - sizeof(bt_process);
  uint32_t kind = KindOf(pr.type);
  if (kind == 0) return;
  ProtoBytes ev;
  ev.UintField(kKind, kind);
  ev.UintField(kPosition, syscalls_);
  ev.UintField(kTsNs, pr.ns);
  ev.UintField(kPePid, pr.pid);
  ev.UintField(kPeTid, pr.tid);
  switch (pr.type) {
    case BT_REC_FORK:
      ev.UintField(kParentPid, pr.parent_pid);
      ev.UintField(kParentTid, pr.parent_tid);
      ev.UintField(kThread, pr.thread);
      AddForkNs(&ev, data, data_len);
      if (!pr.thread) notes.push_back(static_cast<int32_t>(pr.pid));
      break;
    case BT_REC_EXEC: {
      ev.StringField(kFilename, data, data_len);
      ev.UintField(kOldTid, pr.old_tid);
      // A non-leader thread that exec'd now has the leader's tid: its entry captures follow it.
      auto pending = entries_.find(pr.old_tid);
      if (pr.old_tid != pr.tid && pending != entries_.end()) {
        entries_[pr.tid] = std::move(pending->second);
        entries_.erase(pr.old_tid);
      }
      break;
    }
    case BT_REC_EXIT:
      ev.Int32Field(kExitCode, pr.exit_code);
      ev.UintField(kGroupDead, pr.group_dead);
      if (pr.group_dead) notes.push_back(-static_cast<int32_t>(pr.pid));
      break;
    case BT_REC_SIGNAL:
      ev.UintField(kSigno, pr.signo);
      ev.BytesField(kSiginfo, data, data_len);
      ev.UintField(kIgnored, pr.ignored != 0);
      break;
  }
  procs_.BytesField(kProcessEvents, ev.bytes().data(), ev.size());
  counts.process_events++;
}

void BatchWriter::Finish(std::vector<uint8_t>* out) {
  if (Empty()) return;
  ProtoBytes head;  // base_ns, then each packed column's tag and length
  head.UintField(kBaseNs, base_ns_);
  struct Part {
    uint32_t field;
    const ProtoBytes* bytes;
  };
  const Part parts[] = {
      {kNr, &nr_}, {kExitDelta, &exit_delta_}, {kDuration, &duration_}, {kRet, &ret_},
      {kArg0, &args_[0]}, {kArg0 + 1, &args_[1]}, {kArg0 + 2, &args_[2]}, {kArg0 + 3, &args_[3]},
      {kArg0 + 4, &args_[4]}, {kArg0 + 5, &args_[5]}, {kFlags, &flags_}, {kCapSyscall, &cap_syscall_},
      {kCapInfo, &cap_info_}, {kCapLen, &cap_len_}, {kCapData, &cap_data_},
  };
  // After the process events (field 19): fields in number order, as protobufjs writes them.
  const Part ids[] = {{kTidDelta, &tid_delta_}, {kTidMinusPid, &tid_minus_pid_}};
  size_t batch_len = head.size() + procs_.size();
  auto part_len = [](const Part& part) -> size_t {
    if (part.bytes->empty()) return 0;
    return VarintSize((part.field << 3) | 2) + VarintSize(part.bytes->size()) + part.bytes->size();
  };
  for (const Part& part : parts) batch_len += part_len(part);
  for (const Part& part : ids) batch_len += part_len(part);
  ProtoBytes prefix;  // Record's length, then Record{batch = 2}'s tag and length
  size_t record_len = 1 + VarintSize(batch_len) + batch_len;
  prefix.Varint(record_len);
  prefix.Tag(kRecordBatch, 2);
  prefix.Varint(batch_len);
  out->reserve(out->size() + prefix.size() + batch_len);
  out->insert(out->end(), prefix.bytes().begin(), prefix.bytes().end());
  out->insert(out->end(), head.bytes().begin(), head.bytes().end());
  auto append = [out](const Part& part) {
    if (part.bytes->empty()) return;
    ProtoBytes tag;
    tag.Tag(part.field, 2);
    tag.Varint(part.bytes->size());
    out->insert(out->end(), tag.bytes().begin(), tag.bytes().end());
    out->insert(out->end(), part.bytes->bytes().begin(), part.bytes->bytes().end());
  };
  for (const Part& part : parts) append(part);
  out->insert(out->end(), procs_.bytes().begin(), procs_.bytes().end());
  for (const Part& part : ids) append(part);
  finished = counts;

  syscalls_ = 0;
  base_ns_ = last_exit_ns_ = 0;
  last_tid_ = 0;
  for (ProtoBytes* col : {&nr_, &exit_delta_, &duration_, &ret_, &args_[0], &args_[1], &args_[2], &args_[3],
                          &args_[4], &args_[5], &flags_, &cap_syscall_, &cap_info_, &cap_len_, &cap_data_, &procs_,
                          &tid_delta_, &tid_minus_pid_})
    col->clear();
}
