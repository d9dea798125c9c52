#pragma once
// A pipeline stage (after PDAL's Stage): a name, the tables it needs and provides, a cheap
// prepare() that checks options and inputs before any heavy work, and run().
#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "core/run_context.hpp"

namespace adressage::pipeline {

enum Table : std::uint32_t {
    no_table = 0,
    roads_table = 1u << 0,
    buildings_table = 1u << 1,
    boundary_table = 1u << 2,
    voies_table = 1u << 3,
    assignments_table = 1u << 4,
    numeros_table = 1u << 5,
    positions_table = 1u << 6,
};
using Tables = std::uint32_t;

class Stage {
  public:
    virtual ~Stage() = default;
    virtual std::string_view name() const = 0;
    virtual Tables needs() const = 0;
    virtual Tables provides() const = 0;
    virtual void prepare(RunContext &) {}
    virtual void run(CommuneModel &model, RunContext &ctx) = 0;
};

} // namespace adressage::pipeline
