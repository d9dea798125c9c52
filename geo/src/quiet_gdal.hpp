#pragma once
// GDAL reports through CPLError; keep its messages off stderr while we work and read the last
// one when a call fails. Only records: the caller decides what to throw. For the reader and
// the GeoPackage writer.
#include <string>

#include <cpl_error.h>

namespace adressage::geo {

class QuietGdal {
  public:
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal &) = delete;
    QuietGdal &operator=(const QuietGdal &) = delete;
    static std::string last_message() {
        const char *raw = CPLGetLastErrorMsg();
        std::string m = raw != nullptr ? raw : "";
        m.erase(m.find_last_not_of(" \t\r\n") + 1);
        return m.empty() ? std::string("unknown GDAL error") : m;
    }
};

} // namespace adressage::geo
