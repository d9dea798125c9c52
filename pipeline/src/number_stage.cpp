#include <algorithm>
#include <tuple>

#include "adressage/formats/bal_format.hpp"
#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

void NumberStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    // Per voie, from the origin outwards; equal distances by offset, then by source id.
    std::vector<Assignment> order = model.assignments;
    std::sort(order.begin(), order.end(), [&](const Assignment &a, const Assignment &b) {
        const Building &ba = model.buildings[a.building];
        const Building &bb = model.buildings[b.building];
        return std::tie(a.voie, a.along, a.offset, ba.source, ba.fid) <
               std::tie(b.voie, b.along, b.offset, bb.source, bb.fid);
    });
    std::vector<std::set<int>> taken(model.voies.size());
    for (const Assignment &a : order) {
        const auto numero = MetricNumbering::process_one(a.along, a.side, taken[a.voie]);
        if (!numero) {
            diag.skip("number", "no_number_left_below_10000",
                      "fid " + std::to_string(model.buildings[a.building].fid));
            continue;
        }
        taken[a.voie].insert(*numero);
        model.numeros.push_back(Numero{a.voie, *numero, a.building});
    }
    // Voie codes, in voie order, for the voies that have numbers.
    int next_code = 1;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        if (!taken[v].empty()) {
            model.voies[v].code = formats::temporary_voie_code(next_code++);
        } else {
            diag.count("number", "voies_without_numero");
        }
    }
    diag.count("number", "numbered", static_cast<std::int64_t>(model.numeros.size()));
    diag.count("number", "voies_numbered", next_code - 1);
}

} // namespace adressage::pipeline
