#pragma once
// Transformers kept for the life of the calling thread, one per (source, target): creating one
// from CRS names costs milliseconds in proj.db, more than transforming a commune's points.
#include <string>

#include "adressage/geo/transformer.hpp"

namespace adressage::geo {

// The calling thread's transformer from `source` to `target`, created on first use. Throws
// ProjError as the Transformer constructor does.
const Transformer &thread_transformer(const std::string &source, const std::string &target);

} // namespace adressage::geo
