#pragma once
// The project's one exception hierarchy. main() maps it to exit codes:
// ConfigError and InputError are the user's to fix (exit 2), the rest are processing failures (1).
#include <stdexcept>
#include <string>

namespace adressage {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A bad option or option combination.
class ConfigError : public Error {
  public:
    using Error::Error;
};

// A bad input: a missing file, layer or field, a wrong geometry type, an unknown code.
// `input` names what the user gave (an option and its value), the message says what to do.
class InputError : public Error {
  public:
    InputError(std::string input, const std::string &message)
        : Error(input + ": " + message), input_(std::move(input)) {}
    const std::string &input() const noexcept { return input_; }

  private:
    std::string input_;
};

class GdalError : public Error {
  public:
    using Error::Error;
};

class GeosError : public Error {
  public:
    using Error::Error;
};

class ProjError : public Error {
  public:
    using Error::Error;
};

// A failure inside a pipeline stage, prefixed with the stage's name.
class StageError : public Error {
  public:
    StageError(const std::string &stage, const std::string &message)
        : Error(stage + ": " + message) {}
};

} // namespace adressage
