#include "update/ledger.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <cstdlib>
#include <filesystem>

#include "adressage/error.hpp"

namespace adressage::pipeline {

std::string mint_uuid_v4() {
    uuid_t raw;
    uuid_generate_random(raw);
    char text[37];
    uuid_unparse_lower(raw, text);
    return text;
}

namespace {

constexpr const char *schema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
    run INTEGER PRIMARY KEY,
    date_der_maj TEXT NOT NULL,
    bal_version TEXT NOT NULL,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE IF NOT EXISTS toponymes(
    id_ban_toponyme TEXT PRIMARY KEY,
    commune_deleguee_insee TEXT NOT NULL,
    nom TEXT NOT NULL,
    voie_code TEXT NOT NULL,
    created_run INTEGER NOT NULL,
    changed_run INTEGER NOT NULL,
    deleted_run INTEGER);
CREATE TABLE IF NOT EXISTS adresses(
    id_ban_adresse TEXT PRIMARY KEY,
    commune_deleguee_insee TEXT NOT NULL,
    voie_nom TEXT NOT NULL,
    voie_code TEXT NOT NULL,
    numero INTEGER NOT NULL,
    suffixe TEXT NOT NULL,
    id_ban_toponyme TEXT NOT NULL,
    cle_interop TEXT NOT NULL,
    position TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    created_run INTEGER NOT NULL,
    changed_run INTEGER NOT NULL,
    deleted_run INTEGER);
CREATE TABLE IF NOT EXISTS history(
    run INTEGER NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    change TEXT NOT NULL,
    before TEXT,
    after TEXT);
)sql";

class Statement {
  public:
    Statement(sqlite3 *db, const char *sql, const std::string &path) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
            throw InputError("--ledger " + path, std::string("is not a ledger (") +
                                                     sqlite3_errmsg(db) +
                                                     "); give a new file or the run's own ledger");
        }
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    sqlite3_stmt *get() { return stmt_; }
    Statement &text(int i, const std::string &v) {
        sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &integer(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    Statement &real(int i, double v) {
        sqlite3_bind_double(stmt_, i, v);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            throw Error(std::string("ledger: ") + sqlite3_errmsg(sqlite3_db_handle(stmt_)));
        }
        return false;
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string column_text(int i) {
        const auto *p = sqlite3_column_text(stmt_, i);
        return p ? reinterpret_cast<const char *>(p) : "";
    }

  private:
    sqlite3_stmt *stmt_ = nullptr;
};

// The crash-injection hook of the ledger test: SIGKILL after that many rows written.
long kill_after() {
    const char *value = std::getenv("ADRESSAGE_LEDGER_KILL_AFTER");
    return value ? std::atol(value) : -1;
}

} // namespace

struct Ledger::Impl {
    sqlite3 *db = nullptr;
    ~Impl() { sqlite3_close(db); }
    void exec(const char *sql) {
        char *message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string why = message ? message : "unknown";
            sqlite3_free(message);
            throw Error("ledger: " + why);
        }
    }
};

Ledger::Ledger(const std::string &path, const std::string &insee)
    : impl_(std::make_unique<Impl>()), path_(path) {
    std::error_code ec;
    created_ = !std::filesystem::exists(path, ec);
    if (sqlite3_open_v2(path.c_str(), &impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        throw InputError("--ledger " + path, std::string("cannot be opened (") +
                                                 sqlite3_errmsg(impl_->db) +
                                                 "); give a writable path");
    }
    sqlite3_busy_timeout(impl_->db, 5000);
    char *message = nullptr;
    if (sqlite3_exec(impl_->db, schema, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : "unknown";
        sqlite3_free(message);
        throw InputError("--ledger " + path,
                         "is not a ledger (" + why + "); give a new file or the run's own ledger");
    }
    {
        Statement get(impl_->db, "SELECT key, value FROM meta", path);
        std::string commune;
        while (get.step()) {
            const std::string key = get.column_text(0);
            if (key == "commune_insee") {
                commune = get.column_text(1);
            } else if (key == "id_ban_commune") {
                id_ban_commune_ = get.column_text(1);
            }
        }
        if (!commune.empty() && commune != insee) {
            throw InputError("--ledger " + path, "is the ledger of commune " + commune + ", not " +
                                                     insee + "; give this commune's ledger");
        }
    }
    Statement adresses(impl_->db,
                       "SELECT commune_deleguee_insee, voie_nom, numero, suffixe, "
                       "id_ban_adresse, voie_code FROM adresses WHERE deleted_run IS NULL "
                       "ORDER BY id_ban_adresse",
                       path);
    while (adresses.step()) {
        LedgerAddressKey key{adresses.column_text(0), adresses.column_text(1),
                             sqlite3_column_int(adresses.get(), 2), adresses.column_text(3),
                             adresses.column_text(5)};
        adresses_.emplace(key, adresses.column_text(4));
        key.voie_code.clear();
        adresses_by_name_.emplace(key, adresses.column_text(4));
    }
    Statement toponymes(impl_->db,
                        "SELECT commune_deleguee_insee, nom, id_ban_toponyme, voie_code "
                        "FROM toponymes WHERE deleted_run IS NULL ORDER BY id_ban_toponyme",
                        path);
    while (toponymes.step()) {
        LedgerToponymeKey key{toponymes.column_text(0), toponymes.column_text(1),
                              toponymes.column_text(3)};
        toponymes_.emplace(key, toponymes.column_text(2));
        if (!key.voie_code.empty()) {
            voie_codes_.emplace(toponymes.column_text(2), key.voie_code);
        }
        key.voie_code.clear();
        toponymes_by_name_.emplace(key, toponymes.column_text(2));
    }
    meta_insee_ = insee;
}

Ledger::~Ledger() {
    // A ledger this run created and never committed to is removed: nothing half-written.
    if (created_ && !committed_) {
        impl_.reset();
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        std::filesystem::remove(path_ + "-journal", ignored);
    }
}

std::optional<std::string> Ledger::id_ban_commune() const { return id_ban_commune_; }

std::optional<std::string> Ledger::adresse_id(const LedgerAddressKey &key) const {
    const auto &map = key.voie_code.empty() ? adresses_by_name_ : adresses_;
    const auto it = map.find(key);
    return it == map.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<std::string> Ledger::toponyme_id(const LedgerToponymeKey &key) const {
    const auto &map = key.voie_code.empty() ? toponymes_by_name_ : toponymes_;
    const auto it = map.find(key);
    return it == map.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<std::string> Ledger::voie_code(const std::string &id_ban_toponyme) const {
    const auto it = voie_codes_.find(id_ban_toponyme);
    return it == voie_codes_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::int64_t Ledger::commit(const std::string &date, const std::string &bal_version,
                            const std::string &id_ban_commune,
                            const std::vector<LedgerAddress> &addresses,
                            const std::map<LedgerToponymeKey, std::string> &toponymes) {
    const long kill = kill_after();
    long written = 0;
    auto wrote = [&] {
        if (kill >= 0 && ++written > kill) {
            ::kill(::getpid(), SIGKILL);
        }
    };
    sqlite3 *db = impl_->db;
    impl_->exec("BEGIN IMMEDIATE");
    try {
        Statement run(db, "INSERT INTO runs(date_der_maj, bal_version) VALUES (?, ?)", path_);
        run.text(1, date).text(2, bal_version).step();
        const std::int64_t run_id = sqlite3_last_insert_rowid(db);
        wrote();
        Statement meta(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", path_);
        meta.text(1, "commune_insee").text(2, meta_insee_).step();
        meta.reset();
        if (!id_ban_commune.empty()) {
            meta.text(1, "id_ban_commune").text(2, id_ban_commune).step();
        }
        Statement history(db,
                          "INSERT INTO history(run, kind, id, change, before, after) "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          path_);
        auto record = [&](const char *kind, const std::string &id, const char *change,
                          const std::string &before, const std::string &after) {
            history.reset();
            history.integer(1, run_id).text(2, kind).text(3, id).text(4, change);
            if (!before.empty()) {
                history.text(5, before);
            }
            if (!after.empty()) {
                history.text(6, after);
            }
            history.step();
        };

        // Toponymes: an id that moves to another name is a change.
        Statement find_t(db,
                         "SELECT nom, commune_deleguee_insee, deleted_run FROM toponymes "
                         "WHERE id_ban_toponyme = ?",
                         path_);
        Statement put_t(db,
                        "INSERT INTO toponymes(id_ban_toponyme, commune_deleguee_insee, nom, "
                        "voie_code, created_run, changed_run) VALUES (?1, ?2, ?3, ?5, ?4, ?4) "
                        "ON CONFLICT(id_ban_toponyme) DO UPDATE SET "
                        "commune_deleguee_insee = ?2, nom = ?3, changed_run = ?4, "
                        "voie_code = CASE WHEN ?5 = '' THEN voie_code ELSE ?5 END, "
                        "deleted_run = NULL",
                        path_);
        for (const auto &[key, id] : toponymes) {
            find_t.reset();
            find_t.text(1, id);
            const bool known = find_t.step();
            const std::string before = known ? find_t.column_text(0) : "";
            if (known && before == key.nom && find_t.column_text(1) == key.commune_deleguee_insee &&
                sqlite3_column_type(find_t.get(), 2) == SQLITE_NULL) {
                continue;
            }
            put_t.reset();
            put_t.text(1, id)
                .text(2, key.commune_deleguee_insee)
                .text(3, key.nom)
                .integer(4, run_id)
                .text(5, key.voie_code);
            put_t.step();
            record("toponyme", id, known ? "changed" : "created", before, key.nom);
            wrote();
        }

        // Addresses: by id; an empty cle_interop or voie code (BAL 1.5) keeps the one known.
        Statement find_a(db,
                         "SELECT voie_nom || ' ' || numero || suffixe, cle_interop, position, "
                         "x, y, id_ban_toponyme, deleted_run, commune_deleguee_insee "
                         "FROM adresses WHERE id_ban_adresse = ?",
                         path_);
        Statement put_a(db,
                        "INSERT INTO adresses(id_ban_adresse, commune_deleguee_insee, voie_nom, "
                        "voie_code, numero, suffixe, id_ban_toponyme, cle_interop, position, x, "
                        "y, created_run, changed_run) "
                        "VALUES (?1, ?2, ?3, ?12, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) "
                        "ON CONFLICT(id_ban_adresse) DO UPDATE SET "
                        "commune_deleguee_insee = ?2, voie_nom = ?3, numero = ?4, suffixe = ?5, "
                        "id_ban_toponyme = ?6, position = ?8, x = ?9, y = ?10, "
                        "cle_interop = CASE WHEN ?7 = '' THEN cle_interop ELSE ?7 END, "
                        "voie_code = CASE WHEN ?12 = '' THEN voie_code ELSE ?12 END, "
                        "changed_run = ?11, deleted_run = NULL",
                        path_);
        Statement seen(db, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT PRIMARY KEY)", path_);
        seen.step();
        impl_->exec("DELETE FROM seen");
        Statement mark(db, "INSERT OR IGNORE INTO seen(id) VALUES (?)", path_);
        for (const LedgerAddress &a : addresses) {
            mark.reset();
            mark.text(1, a.id_ban_adresse).step();
            find_a.reset();
            find_a.text(1, a.id_ban_adresse);
            const bool known = find_a.step();
            const std::string label =
                a.key.voie_nom + " " + std::to_string(a.key.numero) + a.key.suffixe;
            if (known && find_a.column_text(0) == label &&
                (a.cle_interop.empty() || find_a.column_text(1) == a.cle_interop) &&
                find_a.column_text(2) == a.position &&
                sqlite3_column_double(find_a.get(), 3) == a.x &&
                sqlite3_column_double(find_a.get(), 4) == a.y &&
                find_a.column_text(5) == a.id_ban_toponyme &&
                sqlite3_column_type(find_a.get(), 6) == SQLITE_NULL &&
                find_a.column_text(7) == a.key.commune_deleguee_insee) {
                continue; // unchanged: the run that last changed it stays
            }
            const std::string before = known ? find_a.column_text(0) : "";
            put_a.reset();
            put_a.text(1, a.id_ban_adresse)
                .text(2, a.key.commune_deleguee_insee)
                .text(3, a.key.voie_nom)
                .integer(4, a.key.numero)
                .text(5, a.key.suffixe)
                .text(6, a.id_ban_toponyme)
                .text(7, a.cle_interop)
                .text(8, a.position)
                .real(9, a.x)
                .real(10, a.y)
                .integer(11, run_id)
                .text(12, a.key.voie_code)
                .step();
            record("adresse", a.id_ban_adresse, known ? "changed" : "created", before, label);
            wrote();
        }
        // Addresses and toponymes of the ledger that the run did not write: deleted by it.
        for (const auto &[key, id] : toponymes) {
            mark.reset();
            mark.text(1, id).step();
        }
        for (const char *kind : {"adresse", "toponyme"}) {
            const bool adresse = kind[0] == 'a';
            Statement gone(db,
                           adresse ? "SELECT id_ban_adresse, voie_nom || ' ' || numero || suffixe "
                                     "FROM adresses WHERE deleted_run IS NULL AND id_ban_adresse "
                                     "NOT IN (SELECT id FROM seen) ORDER BY id_ban_adresse"
                                   : "SELECT id_ban_toponyme, nom FROM toponymes WHERE "
                                     "deleted_run IS NULL AND id_ban_toponyme NOT IN "
                                     "(SELECT id FROM seen) ORDER BY id_ban_toponyme",
                           path_);
            std::vector<std::pair<std::string, std::string>> deleted;
            while (gone.step()) {
                deleted.emplace_back(gone.column_text(0), gone.column_text(1));
            }
            Statement drop(db,
                           adresse
                               ? "UPDATE adresses SET deleted_run = ? WHERE id_ban_adresse = ?"
                               : "UPDATE toponymes SET deleted_run = ? WHERE id_ban_toponyme = ?",
                           path_);
            for (const auto &[id, label] : deleted) {
                drop.reset();
                drop.integer(1, run_id).text(2, id).step();
                record(kind, id, "deleted", label, "");
                wrote();
            }
        }
        impl_->exec("COMMIT");
        committed_ = true;
        return run_id;
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace adressage::pipeline
