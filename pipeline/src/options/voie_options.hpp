#pragma once
// Per-voie overrides read from a small CSV (--voie-options FILE), one voie a line:
//
//   voie_nom;origine;numerotation
//   Avenue du Général de Gaulle;nord;
//   Chemin des Crêtes;ouest;classique
//
// `voie_nom` names the voie as it is written in the BAL or in the roads (accents, case and
// apostrophes do not matter: the voies' grouping key is compared); every voie of that name
// gets the line's options. `origine`: the end where the numbering starts, nord, sud, est or
// ouest (north, south, east, west), empty or auto for the national rule. `numerotation`:
// metrique or classique (metric, classic), empty for the commune's --numbering. The
// delimiter is ';' or ',' (the header's), quotes as in any CSV; columns other than these are
// ignored, `origine` or `numerotation` may be absent.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "adressage/pipeline/run_options.hpp"
#include "rules/voie_origin.hpp"

namespace adressage::pipeline {

struct VoieOption {
    std::string nom;  // as written in the file
    std::size_t line; // in the file, for messages
    std::optional<Cardinal> origin;
    std::optional<NumberingMode> numbering;
};

class VoieOptions {
  public:
    // Throws InputError("--voie-options PATH", what is wrong and how to fix it).
    static VoieOptions load(const std::string &path);

    // The options of a voie named `nom`, or null.
    const VoieOption *find(const std::string &nom) const;

    std::size_t size() const { return by_key_.size(); }
    bool empty() const { return by_key_.empty(); }
    const std::string &path() const { return path_; }
    // By grouping key, in key order.
    const std::map<std::string, VoieOption> &entries() const { return by_key_; }

  private:
    std::string path_;
    std::map<std::string, VoieOption> by_key_;
};

} // namespace adressage::pipeline
