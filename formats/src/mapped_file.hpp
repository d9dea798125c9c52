#pragma once
// A whole file mapped read-only: a large BAL is read without copying it (and without the
// page-zeroing a buffer of its size costs).
#include <string>
#include <string_view>

namespace adressage::formats::detail {

class MappedFile {
  public:
    // Throws InputError naming the path when the file cannot be opened or mapped.
    explicit MappedFile(const std::string &path);
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    ~MappedFile();

    std::string_view bytes() const noexcept { return {data_, size_}; }
    // Drops the whole pages before `offset` from the resident set; they stay readable (the
    // mapping is private and never written, so they are read again from the file if touched).
    void release_before(std::size_t offset) const noexcept;

  private:
    const char *data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace adressage::formats::detail
