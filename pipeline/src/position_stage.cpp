#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

void PositionStage::run(CommuneModel &model, RunContext &ctx) {
    for (NumeroIdx n = 0; n < model.numeros.size(); ++n) {
        const Building &building = model.buildings[model.numeros[n].building];
        model.positions.push_back(Position{n, formats::PositionType::batiment, building.anchor});
    }
    ctx.diagnostics.count("position", "positions",
                          static_cast<std::int64_t>(model.positions.size()));
}

} // namespace adressage::pipeline
