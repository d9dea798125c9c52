#pragma once
// Updating a commune that already has a BAL (`adressage run --existing CURRENT.csv`).
//
// The "existing" stage runs between number and position. It reads the current BAL (any
// version, 1.1 to 1.5) in prepare(), keeping the rows of this commune: a row's commune is its
// commune_insee, else the first part of its cle_interop (BAL 1.1 has no commune_insee), as the
// validator tells it; the rows of other communes are left out and reported. Each row has a voie
// code: its cle_interop's, else (BAL 1.5) the ledger's for its toponyme id, else a temporary
// code, one per voie. Then:
// 1. matches each existing address (the rows of one commune déléguée, voie, numero, suffixe) to
//    a current building: by position first (a building whose footprint holds one of its
//    points, else the one whose outline is nearest within 1 m), then by voie name (its
//    names::grouping_key) and number (the number this run gave the building, within 25 m of a
//    position);
// 2. drops the fresh numbers of every building that has an existing address: that address is
//    written as it was read (every column, ids included);
// 3. numbers the buildings without an address on the voie that the existing addresses of the
//    same current voie use (its name, code, commune déléguée): metric by the distance, parity
//    kept, a taken number moving to the nearest free one of its parity; classic the free
//    number of the side's parity between the neighbours, else a suffix on the previous number
//    (bis, ter, quater... or A, B, C when the voie already uses letters). A current voie with
//    no existing address keeps this run's fresh numbers, under a voie code no existing row
//    uses;
// 4. reports the orphans (addresses whose building is gone): kept unless --drop-orphans.
//
// The write stage then calls build_output_table(): the kept rows (commune_insee filled when
// empty; cle_interop in the form the validator reads it, numero on 5 digits and lower case, or
// built from the commune, the row's voie code, numero and suffixe when it has none or names
// another commune or number) and the new rows, with BAN ids when the output carries them (BAL
// 1.5, a ledger, or an existing BAL with ids): an id read is kept, else the ledger's, else a
// UUID v4 is minted (only with a ledger, so that it stays).
// The ledger records the run in one transaction before the file is put in place.
//
// existing_bal.cpp reads the BAL and its voie codes, address_matching.cpp matches (1, 4),
// update_numbering.cpp numbers (2, 3), output_table.cpp builds the table, ledger.cpp keeps ids.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/bal_schema.hpp"
#include "adressage/formats/bal_writer.hpp"
#include "core/stage.hpp"
#include "update/ledger.hpp"

namespace adressage::pipeline {

// One address of the existing BAL.
struct ExistingAddress {
    std::vector<std::size_t> rows; // indices into the existing table, in file order
    std::string commune_deleguee_insee;
    std::string commune_deleguee_nom;
    std::string voie_nom;
    std::string voie_code; // UpdateState::voie_codes of its rows
    int numero = 0;
    std::string suffixe;
    std::vector<geo::XY> points; // positions in the legal CRS
    std::optional<BuildingIdx> building;
    bool by_number = false; // matched by voie name and number rather than position
};

// The numbers already on one voie, and how it is numbered.
struct VoieNumbers {
    NumberingMode mode = NumberingMode::metric;
    int metres_per_unit = 1;
    struct Entry {
        int numero = 0;
        std::string suffixe;
        std::optional<double> along; // distance along the current voie, when known
    };
    std::vector<Entry> entries;
};

struct NewNumero {
    int numero = 0;
    std::string suffixe;
    friend bool operator==(const NewNumero &, const NewNumero &) = default;
};

// What the existing stage hands to the write stage.
struct UpdateState {
    bool active = false; // --existing, --ledger or --bal-version 1.5
    formats::BalVersion version = formats::BalVersion::v1_4;
    formats::BalTable existing; // the rows of this commune as read; empty without --existing
    // Per existing row: its voie code, of cle_interop, else the ledger's or a temporary one.
    std::vector<std::string> voie_codes;
    // Rows of other communes left out of `existing`: commune (as the validator tells it, "" when
    // none) → 1-based file lines.
    std::map<std::string, std::vector<std::size_t>> other_communes;
    std::vector<ExistingAddress> addresses;
    std::vector<bool> keep_row; // per existing row: false for a dropped orphan
    std::unique_ptr<Ledger> ledger;
    std::size_t kept_rows() const;
};

class ExistingStage final : public Stage {
  public:
    std::string_view name() const override { return "existing"; }
    Tables reads() const override {
        return buildings_table | voies_table | assignments_table | numeros_table;
    }
    Tables writes() const override { return numeros_table | update_result | report_result; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;

    // Per-record work: the number of a building without an address, `along` metres from the
    // voie's origin on `side`, on a voie that already has `voie`'s numbers; nullopt when no
    // number in 1..9999 fits.
    static std::optional<NewNumero> process_one(const VoieNumbers &voie, double along,
                                                geo::Side side);
};

// The table to write: kept existing rows and `new_rows`, ids filled when the output has them,
// sorted; the "update" report section (diff and pre-flight against the existing BAL).
// Throws ConfigError when ids are needed and cannot be found or kept.
formats::BalTable build_output_table(const std::vector<formats::BalRow> &new_rows, RunContext &ctx);

// Records the written table in the ledger, if any (one transaction).
void record_in_ledger(const formats::BalTable &table, RunContext &ctx);

} // namespace adressage::pipeline
