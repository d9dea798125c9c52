#pragma once
// The review layers of a commune (review.gpkg, opened in QGIS): what the run decided, one layer
// per concept, nothing truncated. Built from the model and the BAL as written (read back), so
// `adresses` holds exactly the file's rows.
//  - adresses (points): every BAL column, then what decided the row: the building's fid, the
//    rule (plus_proche, parcelle; existante_par_position or _par_numero for an address an
//    update kept on its building), the distance to the voie, the side, the ambiguity ratio
//    (null for a row the run did not number), the codes of the row's alerts; with --existing, the
//    row against the existing BAL (statut_maj cree, modifie with colonnes_modifiees, inchange) and
//    orphelin (an address kept whose building is gone).
//  - voies (lines): each numbered voie, its parts in numbering order (from the origin), with its
//    mode, origin rule, length, first and last numbers per side, address count, and whether
//    another numbered voie of the commune (déléguée) has its name (homonyme).
//  - batiments (polygons): every building read (its fid and --buildings source, from 1) with
//    its fate (building_fates.hpp: numerote, annexe, en_attente_de_nom,
//    desserte_sous_le_minimum, sans_voie; or hors_commune, inutilisable with the report's
//    skip reason in motif, and no geometry when none could be read) and its numbers.
//  - voies_a_nommer (lines): their ids, kinds, buildings served and the three proposals.
//  - alertes (points): every alert on a row of the BAL, the official validator's and the
//    adressage.* checks, at the row's position, with its level and French and English labels;
//    then every alert of the geometric checks, where it was found (no row: ligne is null).
//  - assignations_ambigues (lines): each building whose second voie is less than
//    --ambiguity-ratio times as far as its voie: two segments, from the building's anchor to
//    the nearest point of the voie chosen and of the other, with both names and distances.
#include <vector>

#include <nlohmann/json.hpp>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/geopackage_writer.hpp"
#include "core/model.hpp"
#include "core/run_context.hpp"

namespace adressage::pipeline {

struct UpdateState; // update/update_stage.hpp

// `update`: the existing stage's, or null; `alerts`: the write stage's, on rows of `bal`.
geo::OutputLayer adresses_layer(const CommuneModel &model, const formats::BalTable &bal,
                                const UpdateState *update,
                                const std::vector<StageResults::RowAlert> &alerts);
geo::OutputLayer voies_layer(const CommuneModel &model);
geo::OutputLayer batiments_layer(const CommuneModel &model, const UpdateState *update);
geo::OutputLayer ambiguous_layer(const CommuneModel &model);
// `alerts`: the write stage's (StageResults::row_alerts), on rows of `bal`; then `geometric`,
// the geometric checks', where each was found.
geo::OutputLayer alertes_layer(const formats::BalTable &bal,
                               const std::vector<StageResults::RowAlert> &alerts,
                               const std::vector<GeometricAlert> &geometric);
// `naming`: the report's voies_a_nommer section (naming_stage.cpp), for the proposals.
geo::OutputLayer voies_a_nommer_layer(const CommuneModel &model, const nlohmann::json &naming);

} // namespace adressage::pipeline
