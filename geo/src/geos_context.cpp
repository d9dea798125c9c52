#include "adressage/geo/geos_context.hpp"

#include <geos_c.h>

#include "adressage/error.hpp"

namespace adressage::geo {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    if (handle_ == nullptr) {
        throw GeosError("GEOS: cannot create a context");
    }
    GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char *message, void *self) {
    // C callback: only record, the caller's check() throws.
    static_cast<GeosContext *>(self)->last_error_ = message ? message : "";
}

void GeosContext::raise(const char *operation) const {
    throw GeosError(std::string("GEOS ") + operation + " failed" +
                    (last_error_.empty() ? std::string() : ": " + last_error_));
}

} // namespace adressage::geo
