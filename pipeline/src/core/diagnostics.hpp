#pragma once
// Counts of what each stage saw and kept, and of the records it skipped, by reason.
// Bad records are data: they are counted here, never thrown.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace adressage::pipeline {

class Diagnostics {
  public:
    void count(std::string_view stage, std::string_view what, std::int64_t n = 1);
    // A skipped record: `example` identifies it (e.g. "fid 42"); the first few are kept.
    void skip(std::string_view stage, std::string_view reason, std::string example);

    std::int64_t counted(std::string_view stage, std::string_view what) const;
    std::int64_t skipped(std::string_view stage, std::string_view reason) const;
    std::int64_t skipped_total(std::string_view stage) const;

    // {"counts": {stage: {what: n}}, "skipped": {stage: {reason: {count, examples}}}}
    nlohmann::json to_json() const;

    static constexpr std::size_t max_examples = 5;

  private:
    struct Skips {
        std::int64_t count = 0;
        std::vector<std::string> examples;
    };
    std::map<std::string, std::map<std::string, std::int64_t, std::less<>>, std::less<>> counts_;
    std::map<std::string, std::map<std::string, Skips, std::less<>>, std::less<>> skips_;
};

} // namespace adressage::pipeline
