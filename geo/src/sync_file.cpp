#include "adressage/sync_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "adressage/error.hpp"

namespace adressage {

void sync_file(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error("cannot open '" + path + "' to flush it: " + std::strerror(errno));
    }
    const int synced = ::fdatasync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0) {
        throw Error("cannot flush '" + path + "' to the disk: " + std::strerror(error));
    }
}

} // namespace adressage
