#include "ring_reader.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

// The consumer page, writable; then the producer page and the data. libbpf maps the data
// twice over (tools/lib/bpf/ringbuf.c), so that a record that wraps around the end reads as
// one piece; mapped once, the kernel fills half the page table entries at start-up and the
// unmapping at the end has half the work (16 MiB: ~1 ms less), and the few records that wrap
// are put together in a buffer.
bool RingReader::Open(int fd, size_t size) {
  page_ = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_ = size;
  void* c = mmap(nullptr, page_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (c == MAP_FAILED) return false;
  consumer_pos_ = static_cast<uint64_t*>(c);
  void* p = mmap(nullptr, page_ + size_, PROT_READ, MAP_SHARED, fd, static_cast<off_t>(page_));
  if (p == MAP_FAILED) {
    int err = errno;
    munmap(c, page_);
    consumer_pos_ = nullptr;
    errno = err;
    return false;
  }
  producer_pos_ = static_cast<const uint64_t*>(p);
  data_ = static_cast<const uint8_t*>(p) + page_;
  return true;
}

RingReader::~RingReader() {
  if (consumer_pos_) munmap(consumer_pos_, page_);
  if (producer_pos_) munmap(const_cast<uint64_t*>(producer_pos_), page_ + size_);
}

void RingReader::Publish(uint64_t pos) { __atomic_store_n(consumer_pos_, pos, __ATOMIC_RELEASE); }

const uint8_t* RingReader::Joined(size_t at, uint32_t bytes) {
  joined_.assign(data_ + at, data_ + size_);
  joined_.insert(joined_.end(), data_, data_ + (at + bytes - size_));
  return joined_.data();
}
