#pragma once
// The existing BAL of an update: its rows of this commune, the voie code of each row, and its
// addresses (the rows of one commune déléguée, voie, numero and suffixe).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/pipeline/run_options.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

// The rows of commune o.insee in --existing, in file order; the file lines of the rows of other
// communes go to `other_communes`. Throws InputError naming --existing when the file cannot be
// read, lacks what tells a row's commune and address, or has no row of this commune.
formats::BalTable
read_existing_bal(const RunOptions &o,
                  std::map<std::string, std::vector<std::size_t>> &other_communes);

// The voie codes taken, and the temporary codes that no row uses, given in turn.
class VoieCodes {
  public:
    explicit VoieCodes(std::set<std::string> taken) : taken_(std::move(taken)) {}
    bool taken(const std::string &code) const { return taken_.contains(code); }
    void take(const std::string &code) { taken_.insert(code); }
    std::string take_unused();

  private:
    std::set<std::string> taken_;
    int next_temporary_ = 1;
};

struct ExistingVoieCodes {
    VoieCodes codes; // for the new voies
    std::int64_t from_ledger = 0;
    std::int64_t temporary = 0;
};

// Sets state.voie_codes: each row's voie code, toponymes too. The one its cle_interop carries,
// else (a BAL 1.5, a key without one) the code the ledger recorded for its toponyme id, else a
// temporary code no row uses, one per voie (commune déléguée, name, toponyme id).
ExistingVoieCodes code_existing_rows(UpdateState &state);

// The addresses of the rows (toponymes left out), in the order of their first rows, with their
// positions in the legal CRS (x and y, else long and lat projected).
std::vector<ExistingAddress> existing_addresses(const formats::BalTable &t,
                                                const std::vector<std::string> &voie_codes,
                                                const geo::LegalCrs &crs);

} // namespace adressage::pipeline
