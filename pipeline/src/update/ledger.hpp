#pragma once
// The ledger kept between runs (SQLite): every address and toponyme a run wrote, with its BAN
// ids, numbers, position, the run that created it and the run that last changed it, and the
// history of changes. BAN ids are UUID v4 from libuuid, minted once for an address or toponyme
// and then read back from the ledger on every later run.
//
// A run reads the ledger when it opens it and records everything in one transaction when the
// BAL has passed validation (commit()): a run that dies before leaves the ledger as it was.
// For the crash test, ADRESSAGE_LEDGER_KILL_AFTER=N kills the process (SIGKILL) after the N-th
// row written inside that transaction.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace adressage::pipeline {

// A fresh random UUID v4, lower-case (libuuid).
std::string mint_uuid_v4();

// A voie is its name and its voie code (of cle_interop), as the validator sees it: homonym
// voies of a BAL 1.4 differ by their code. A BAL 1.5 has no code: the key's code is "" and
// matches the first id of that name whatever its code.
struct LedgerAddressKey {
    std::string commune_deleguee_insee;
    std::string voie_nom;
    int numero = 0;
    std::string suffixe;
    std::string voie_code;
    friend auto operator<=>(const LedgerAddressKey &, const LedgerAddressKey &) = default;
};

struct LedgerToponymeKey {
    std::string commune_deleguee_insee;
    std::string nom;
    std::string voie_code;
    friend auto operator<=>(const LedgerToponymeKey &, const LedgerToponymeKey &) = default;
};

// What a run wrote for one address, recorded by commit().
struct LedgerAddress {
    LedgerAddressKey key;
    std::string id_ban_adresse;
    std::string id_ban_toponyme;
    std::string cle_interop; // "" (BAL 1.5): the ledger keeps the one it has
    std::string position;
    double x = 0.0;
    double y = 0.0;
};

class Ledger {
  public:
    // Opens or creates the ledger of commune `insee` at `path`. Throws InputError (naming
    // --ledger) when the file cannot be opened, is not a ledger, or belongs to another commune.
    Ledger(const std::string &path, const std::string &insee);
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    const std::string &path() const { return path_; }
    std::optional<std::string> id_ban_commune() const;

    // The id the ledger holds for a key, or nullopt.
    std::optional<std::string> adresse_id(const LedgerAddressKey &key) const;
    std::optional<std::string> toponyme_id(const LedgerToponymeKey &key) const;
    // The voie code (of cle_interop) recorded for a toponyme id, or nullopt.
    std::optional<std::string> voie_code(const std::string &id_ban_toponyme) const;

    // Records a run in one transaction: its addresses and toponymes (created, changed or
    // unchanged; those of the ledger not in the run are marked deleted by it). Returns the
    // run's number.
    std::int64_t commit(const std::string &date, const std::string &bal_version,
                        const std::string &id_ban_commune,
                        const std::vector<LedgerAddress> &addresses,
                        const std::map<LedgerToponymeKey, std::string> &toponymes);

  private:
    void load_ids(const std::string &path); // the ids not deleted, into the maps below
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
    std::map<LedgerAddressKey, std::string> adresses_;
    std::map<LedgerToponymeKey, std::string> toponymes_;
    std::map<LedgerAddressKey, std::string> adresses_by_name_; // voie_code ""
    std::map<LedgerToponymeKey, std::string> toponymes_by_name_;
    std::map<std::string, std::string> voie_codes_; // id_ban_toponyme -> voie code
    std::optional<std::string> id_ban_commune_;
    std::string meta_insee_;
    bool created_ = false; // by this run: removed again unless commit() ran
    bool committed_ = false;
};

} // namespace adressage::pipeline
