#include "core/diagnostics.hpp"

namespace adressage::pipeline {

void Diagnostics::count(std::string_view stage, std::string_view what, std::int64_t n) {
    auto stage_it = counts_.find(stage);
    if (stage_it == counts_.end()) {
        stage_it = counts_.emplace(std::string(stage), decltype(counts_)::mapped_type{}).first;
    }
    auto &table = stage_it->second;
    auto it = table.find(what);
    if (it == table.end()) {
        it = table.emplace(std::string(what), 0).first;
    }
    it->second += n;
}

void Diagnostics::skip(std::string_view stage, std::string_view reason, std::string example) {
    auto stage_it = skips_.find(stage);
    if (stage_it == skips_.end()) {
        stage_it = skips_.emplace(std::string(stage), decltype(skips_)::mapped_type{}).first;
    }
    auto &table = stage_it->second;
    auto it = table.find(reason);
    if (it == table.end()) {
        it = table.emplace(std::string(reason), Skips{}).first;
    }
    ++it->second.count;
    if (it->second.examples.size() < max_examples) {
        it->second.examples.push_back(std::move(example));
    }
}

std::int64_t Diagnostics::counted(std::string_view stage, std::string_view what) const {
    const auto s = counts_.find(stage);
    if (s == counts_.end()) {
        return 0;
    }
    const auto w = s->second.find(what);
    return w == s->second.end() ? 0 : w->second;
}

std::int64_t Diagnostics::skipped(std::string_view stage, std::string_view reason) const {
    const auto s = skips_.find(stage);
    if (s == skips_.end()) {
        return 0;
    }
    const auto r = s->second.find(reason);
    return r == s->second.end() ? 0 : r->second.count;
}

std::int64_t Diagnostics::skipped_total(std::string_view stage) const {
    std::int64_t total = 0;
    const auto s = skips_.find(stage);
    if (s != skips_.end()) {
        for (const auto &[reason, skips] : s->second) {
            total += skips.count;
        }
    }
    return total;
}

nlohmann::json Diagnostics::to_json() const {
    nlohmann::json out;
    out["counts"] = nlohmann::json::object();
    for (const auto &[stage, table] : counts_) {
        for (const auto &[what, n] : table) {
            out["counts"][stage][what] = n;
        }
    }
    out["skipped"] = nlohmann::json::object();
    for (const auto &[stage, table] : skips_) {
        for (const auto &[reason, skips] : table) {
            out["skipped"][stage][reason] = {{"count", skips.count}, {"examples", skips.examples}};
        }
    }
    return out;
}

} // namespace adressage::pipeline
