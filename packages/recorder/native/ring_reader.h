// Reads the BPF ring buffer the way libbpf's ring_buffer__consume does, except that
// the consumer position is published once per drained stretch, not after every record:
// each publication is a cache line the producing CPU must fetch back on its next
// reservation, and the producers are the traced program's syscalls.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

class RingReader {
 public:
  // Maps the ring buffer map `fd` of `size` bytes (a power of two); false with errno set.
  bool Open(int fd, size_t size);
  ~RingReader();
  // Calls fn(ctx, record, length) for every committed record, in order, stopping at one
  // still being written; returns the number of records read.
  template <typename Fn>
  size_t Drain(Fn&& fn);

 private:
  void Publish(uint64_t pos);
  // A record that wraps around the end of the data, put together (the data are mapped once).
  const uint8_t* Joined(size_t at, uint32_t bytes);
  std::vector<uint8_t> joined_;
  uint64_t* consumer_pos_ = nullptr;
  const uint64_t* producer_pos_ = nullptr;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t page_ = 0;
};

// The kernel's record header (include/uapi/linux/bpf.h).
constexpr uint32_t kRingBusyBit = 1u << 31;
constexpr uint32_t kRingDiscardBit = 1u << 30;
constexpr uint32_t kRingHeaderBytes = 8;

template <typename Fn>
size_t RingReader::Drain(Fn&& fn) {
  // Space is given back to the producers at least this often while draining a lot.
  constexpr uint64_t kPublishEvery = 256 << 10;
  uint64_t cons = __atomic_load_n(consumer_pos_, __ATOMIC_ACQUIRE);
  uint64_t published = cons;
  size_t n = 0;
  bool busy = false;
  while (!busy) {
    uint64_t prod = __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE);
    if (cons >= prod) break;
    while (cons < prod) {
      const uint8_t* hdr = data_ + (cons & (size_ - 1));
      uint32_t len = __atomic_load_n(reinterpret_cast<const uint32_t*>(hdr), __ATOMIC_ACQUIRE);
      if (len & kRingBusyBit) {  // still being written: the rest next time
        busy = true;
        break;
      }
      uint32_t bytes = len & ~(kRingBusyBit | kRingDiscardBit);
      if (!(len & kRingDiscardBit)) {
        // The header never wraps (records are 8-byte aligned); the data after it may.
        size_t at = (cons + kRingHeaderBytes) & (size_ - 1);
        fn(at + bytes <= size_ ? data_ + at : Joined(at, bytes), bytes);
        n++;
      }
      cons += (bytes + kRingHeaderBytes + 7) & ~uint64_t{7};
      if (cons - published >= kPublishEvery) {
        Publish(cons);
        published = cons;
      }
    }
  }
  if (cons != published) Publish(cons);
  return n;
}
