#pragma once
// A file that appears at its final path only when complete: written to a hidden temporary name
// in the same directory, renamed by commit(), removed if never committed.
#include <fstream>
#include <string>

namespace adressage::formats {

class AtomicFile {
  public:
    explicit AtomicFile(std::string path); // throws Error when the file cannot be created
    ~AtomicFile();                         // removes the temporary file if not committed
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    std::ofstream &stream() { return out_; }
    void commit(); // flush, close, rename; throws Error on I/O failure

    const std::string &path() const noexcept { return path_; }

  private:
    std::string path_;
    std::string temp_path_;
    std::ofstream out_;
    bool committed_ = false;
};

// Writes the whole `content` atomically.
void write_file_atomically(const std::string &path, const std::string &content);

} // namespace adressage::formats
