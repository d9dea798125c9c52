#include "adressage/install_paths.hpp"

#include <unistd.h>

#include <climits>
#include <filesystem>
#include <system_error>

namespace adressage {

std::string executable_dir() {
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) {
        return ".";
    }
    return std::filesystem::path(std::string(path, static_cast<std::size_t>(n)))
        .parent_path()
        .string();
}

std::string beside_executable(const std::string &file,
                              std::initializer_list<const char *> candidates) {
    const std::filesystem::path dir = executable_dir();
    for (const char *candidate : candidates) {
        const std::filesystem::path path = (dir / candidate / file).lexically_normal();
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            return path.string();
        }
    }
    return "";
}

} // namespace adressage
