#pragma once
// A pipeline stage (after PDAL's Stage): a name, the tables it reads and writes, a cheap
// prepare() that checks options and inputs before any heavy work, and run().
#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "core/run_context.hpp"

namespace adressage::pipeline {

// What a stage reads and writes (creates or changes): the model's tables (model.hpp) and the
// named results stages pass on (StageResults, run_context.hpp). check_chain refuses a stage list
// in which a stage reads what no earlier stage wrote; stage_declarations_test runs the stages on
// a commune and fails when one changes something it does not declare.
enum Table : std::uint32_t {
    no_table = 0,
    boundary_table = 1u << 0, // the boundary and the centre
    roads_table = 1u << 1,
    buildings_table = 1u << 2,
    parcels_table = 1u << 3,
    deleguees_table = 1u << 4, // the communes déléguées
    voies_table = 1u << 5,
    assignments_table = 1u << 6,
    numeros_table = 1u << 7,
    positions_table = 1u << 8,
    toponymes_table = 1u << 9,
    lieudits_table = 1u << 10,
    update_result = 1u << 11,
    report_result = 1u << 12,
    bal_result = 1u << 13,
    unserved_table = 1u << 14,       // buildings no named voie serves
    voies_a_nommer_table = 1u << 15, // naming/
};
using Tables = std::uint32_t;

class Stage {
  public:
    virtual ~Stage() = default;
    virtual std::string_view name() const = 0;
    virtual Tables reads() const = 0;
    virtual Tables writes() const = 0; // created or changed, by prepare() or run()
    virtual void prepare(RunContext &) {}
    virtual void run(CommuneModel &model, RunContext &ctx) = 0;
};

} // namespace adressage::pipeline
