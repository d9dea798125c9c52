#pragma once
// One GEOS reentrant context, owned by one thread. Every GEOS call of the project goes through
// a context; its error handler records the message and check() turns a failed status into a
// GeosError, in this one place.
#include <string>

struct GEOSContextHandle_HS;

namespace adressage::geo {

class GeosContext {
  public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext &) = delete;
    GeosContext &operator=(const GeosContext &) = delete;

    GEOSContextHandle_HS *handle() const noexcept { return handle_; }

    // Throws GeosError naming `operation` and the last message GEOS reported.
    [[noreturn]] void raise(const char *operation) const;

    // Returns `result` unless it signals a failure (nullptr), in which case raise().
    template <typename T> T *check(T *result, const char *operation) const {
        if (result == nullptr) {
            raise(operation);
        }
        return result;
    }

  private:
    static void on_error(const char *message, void *self);

    GEOSContextHandle_HS *handle_ = nullptr;
    std::string last_error_;
};

} // namespace adressage::geo
