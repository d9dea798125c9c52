#pragma once
// The stages of `adressage run`, in order.
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "adressage/geo/transformer.hpp"
#include "core/stage.hpp"
#include "rules/classic_numbering.hpp"
#include "rules/metric_numbering.hpp"

namespace adressage::pipeline {

// Reads roads, buildings, the boundary, the parcels and the areas of the communes déléguées
// (checked against the COG: the commune's own communes déléguées only), reprojects them to the
// legal CRS, repairs invalid footprints and computes each building's anchor. Unusable features are
// counted and skipped.
class IngestStage final : public Stage {
  public:
    std::string_view name() const override { return "ingest"; }
    Tables reads() const override { return no_table; }
    Tables writes() const override {
        return boundary_table | roads_table | buildings_table | parcels_table | deleguees_table |
               toponymes_table;
    }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;

    // Per-record work: one line reprojected in place.
    static void process_one(const geo::Transformer &to_legal, geo::Polyline &line);

  private:
    // One per input, parallel to RunContext's inputs (null for a source without the layer).
    std::vector<std::unique_ptr<geo::Transformer>> roads_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> buildings_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> boundary_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> parcels_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> places_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> deleguees_to_legal_;

    // A batch's roads, buildings and boundary, and the other inputs filtered to its box.
    void take_preloaded(CommuneInputs &given, CommuneModel &model, RunContext &ctx);
    void read_roads(CommuneModel &model, RunContext &ctx);
    void read_buildings(CommuneModel &model, RunContext &ctx);
    void read_parcels(CommuneModel &model, RunContext &ctx);
    void read_places(CommuneModel &model, RunContext &ctx);
    void read_communes_deleguees(CommuneModel &model, RunContext &ctx);
    void read_boundary(CommuneModel &model, RunContext &ctx);
};

// Rewrites every road name in its display form ("CHE DE L EGLISE" → "Chemin de l’Église") and
// reports each name it changed or could not decide.
class NamesStage final : public Stage {
  public:
    std::string_view name() const override { return "names"; }
    Tables reads() const override { return roads_table | toponymes_table; }
    Tables writes() const override { return roads_table | toponymes_table | report_result; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Keeps the road pieces inside the boundary and the buildings whose anchor is inside it.
class ClipStage final : public Stage {
  public:
    std::string_view name() const override { return "clip"; }
    Tables reads() const override { return boundary_table | roads_table | buildings_table; }
    Tables writes() const override { return boundary_table | roads_table | buildings_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// The same voie run from its other end (parts and their points in reverse, part_start anew).
void reverse_voie(Voie &voie);

// Groups named road segments into voies (see Voie), chooses each voie's origin and numbering
// mode. prepare() reads --voie-options and places --town-hall.
// Orders the merged parts of a voie into one chain starting at the end nearest `centre`, each
// part oriented away from the origin, and records where each part starts along the voie
// (voies_stage.cpp; the naming stage chains its voies à nommer the same way).
void chain_parts(std::vector<geo::Polyline> parts, geo::XY centre, Voie &voie);

class VoiesStage final : public Stage {
  public:
    std::string_view name() const override { return "voies"; }
    Tables reads() const override { return boundary_table | roads_table; }
    Tables writes() const override { return voies_table | report_result; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;

    // Per-record work on a chained voie: origin by the national rules or `option`, from
    // `reference` (the commune centre, or the town hall when `town_hall`), the voie reversed
    // when its origin is its last point; numbering `numbering` unless `option` says otherwise.
    static void process_one(Voie &voie, geo::XY reference, bool town_hall, const VoieOption *option,
                            NumberingMode numbering);

  private:
    std::optional<geo::XY> town_hall_; // in the legal CRS
};

// Gives each building a voie by the rules of assigner.hpp (annexes, sight, parcel frontage,
// ambiguity); the report's "assignment" section counts each rule's effect.
class AssignStage final : public Stage {
  public:
    std::string_view name() const override { return "assign"; }
    Tables reads() const override { return buildings_table | parcels_table | voies_table; }
    Tables writes() const override { return assignments_table | unserved_table | report_result; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Splits the voies by commune déléguée (communes_deleguees.hpp), when --communes-deleguees is
// given: a voie whose buildings lie in two communes déléguées becomes two voies of the same name
// and trace, one per commune déléguée, each with its own buildings (so each its own code and
// numbers); a voie without buildings goes with the commune déléguée of its middle; each
// toponyme gets the commune déléguée it lies in. The report's "communes_deleguees" section
// counts voies and buildings per commune déléguée and lists the voies split.
class DelegueesStage final : public Stage {
  public:
    std::string_view name() const override { return "deleguees"; }
    Tables reads() const override {
        return buildings_table | deleguees_table | voies_table | assignments_table |
               toponymes_table;
    }
    Tables writes() const override {
        return voies_table | assignments_table | toponymes_table | report_result;
    }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Numbers each voie's buildings, metric or classic (Voie::numbering), from the origin outwards;
// voies that get numbers get a voie code. The report's "numbering" section gives, per voie, the
// origin rule, the mode and the unit.
//
// Homonymous voies (one name in one commune déléguée, apart by more than --homonym-distance)
// share one set of numbers: the BAN knows an address by numero, suffixe, voie_nom and commune
// déléguée, and takes two voies of one name for one voie, so equal numbers would be one
// address twice. Metric: a number another homonym took moves to the next free one of its
// parity; classic: the next homonym's numbers go on from the last ones of the voie before it.
class NumberStage final : public Stage {
  public:
    std::string_view name() const override { return "number"; }
    Tables reads() const override { return buildings_table | voies_table | assignments_table; }
    Tables writes() const override { return voies_table | numeros_table | report_result; }
    void run(CommuneModel &model, RunContext &ctx) override;

    // The numbers already given to the homonyms of a voie (empty for the first of a name).
    struct TakenByHomonyms {
        std::set<int> metric;                                 // every number given
        std::optional<ClassicNumbering::Previous> classic[2]; // last number on the left, right
    };

    // Per-record work: the numbers of one voie's assignments, given in order from the origin
    // (along, then offset, then source order); nullopt for a building left without a number.
    // Sets the voie's unit (metric) and says whether classic gaps were kept. `homonyms` is
    // read and then extended with this voie's numbers.
    static std::vector<std::optional<int>> process_one(Voie &voie,
                                                       const std::vector<Assignment> &ordered,
                                                       double classic_gap_metres,
                                                       TakenByHomonyms &homonyms);
    static std::vector<std::optional<int>>
    process_one(Voie &voie, const std::vector<Assignment> &ordered, double classic_gap_metres) {
        TakenByHomonyms none;
        return process_one(voie, ordered, classic_gap_metres, none);
    }
};

// The positions of each numero asked for by --positions (one BAL row each), with the ids of the
// parcels they fall in (cad_parcelles) when parcels are given.
class PositionStage final : public Stage {
  public:
    std::string_view name() const override { return "position"; }
    Tables reads() const override {
        return buildings_table | parcels_table | voies_table | numeros_table;
    }
    Tables writes() const override { return positions_table; }
    void run(CommuneModel &model, RunContext &ctx) override;

    // Per-record work: where a position of `type` lies for a building numbered on `voie`.
    // entrée: the point of the building's outline nearest to the voie; segment: the anchor's
    // projection on the voie; bâtiment (and any other type): the anchor, inside the building.
    static geo::XY process_one(geo::GeosContext &geos, formats::PositionType type,
                               const Building &building, const Voie &voie);
};

// Writes <out>/<insee>/bal-<insee>.csv (BAL 1.4) through a temporary file.
class WriteStage final : public Stage {
  public:
    std::string_view name() const override { return "write"; }
    Tables reads() const override {
        return buildings_table | voies_table | numeros_table | positions_table | toponymes_table |
               lieudits_table | update_result | report_result;
    }
    Tables writes() const override { return update_result | report_result | bal_result; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

std::vector<std::unique_ptr<Stage>> standard_stages();

} // namespace adressage::pipeline
