#pragma once
// Where the program finds its run module and its data, installed or in a build tree. Installed
// (cmake --install, the .deb), the layout is FHS, relative to the executable so that any prefix
// works: bin/adressage, lib/adressage/libadressage_run.so, share/adressage/ (the datasets).
// In a build tree the module is beside the executable and the data is the checkout's datasets/.
#include <initializer_list>
#include <string>

namespace adressage {

// The folder of the running executable (/proc/self/exe), "." when it cannot be read.
std::string executable_dir();

// The first of `candidates` (folders relative to the executable's folder, e.g. "." or
// "../lib/adressage") that holds `file`, as a normalised path; "" when none does.
std::string beside_executable(const std::string &file,
                              std::initializer_list<const char *> candidates);

} // namespace adressage
