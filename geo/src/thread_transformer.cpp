#include "adressage/geo/thread_transformer.hpp"

#include <map>
#include <memory>
#include <utility>

namespace adressage::geo {

const Transformer &thread_transformer(const std::string &source, const std::string &target) {
    thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<Transformer>>
        transformers;
    auto &slot = transformers[{source, target}];
    if (!slot) {
        slot = std::make_unique<Transformer>(source, target);
    }
    return *slot;
}

} // namespace adressage::geo
