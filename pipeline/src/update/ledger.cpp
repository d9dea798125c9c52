#include "update/ledger.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <tuple>
#include <utility>

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

void exec(sqlite3 *db, const char *sql) {
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : "unknown";
        sqlite3_free(message);
        throw Error("ledger: " + why);
    }
}

// The commune of the ledger ("" for a new one) and its id_ban_commune, if recorded.
std::pair<std::string, std::optional<std::string>> read_meta(sqlite3 *db, const std::string &path) {
    Statement get(db, "SELECT key, value FROM meta", path);
    std::pair<std::string, std::optional<std::string>> meta;
    while (get.step()) {
        const std::string key = get.column_text(0);
        if (key == "commune_insee") {
            meta.first = get.column_text(1);
        } else if (key == "id_ban_commune") {
            meta.second = get.column_text(1);
        }
    }
    return meta;
}

// The crash-injection hook of the ledger test: SIGKILL after that many rows written.
long kill_after() {
    const char *value = std::getenv("ADRESSAGE_LEDGER_KILL_AFTER");
    return value ? std::atol(value) : -1;
}

// The rows a commit writes, counted for the crash test (ADRESSAGE_LEDGER_KILL_AFTER).
class WriteCounter {
  public:
    void wrote() {
        if (kill_ >= 0 && ++written_ > kill_) {
            ::kill(::getpid(), SIGKILL);
        }
    }

  private:
    long kill_ = kill_after();
    long written_ = 0;
};

// The history of one run: a row per change, each a row written.
class History {
  public:
    History(sqlite3 *db, const std::string &path, std::int64_t run, WriteCounter &counter)
        : insert_(db,
                  "INSERT INTO history(run, kind, id, change, before, after) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  path),
          run_(run), counter_(counter) {}

    std::int64_t run() const { return run_; }

    // `before` and `after` are NULL when empty.
    void record(const char *kind, const std::string &id, const char *change,
                const std::string &before, const std::string &after) {
        insert_.reset();
        insert_.integer(1, run_).text(2, kind).text(3, id).text(4, change);
        if (!before.empty()) {
            insert_.text(5, before);
        }
        if (!after.empty()) {
            insert_.text(6, after);
        }
        insert_.step();
        counter_.wrote();
    }

  private:
    Statement insert_;
    std::int64_t run_;
    WriteCounter &counter_;
};

void write_meta(sqlite3 *db, const std::string &path, const std::string &insee,
                const std::string &id_ban_commune) {
    Statement meta(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", path);
    meta.text(1, "commune_insee").text(2, insee).step();
    meta.reset();
    if (!id_ban_commune.empty()) {
        meta.text(1, "id_ban_commune").text(2, id_ban_commune).step();
    }
}

// Toponymes: an id that moves to another name is a change.
void record_toponymes(sqlite3 *db, const std::string &path,
                      const std::map<LedgerToponymeKey, std::string> &toponymes, History &history) {
    Statement find(db,
                   "SELECT nom, commune_deleguee_insee, deleted_run FROM toponymes "
                   "WHERE id_ban_toponyme = ?",
                   path);
    Statement put(db,
                  "INSERT INTO toponymes(id_ban_toponyme, commune_deleguee_insee, nom, "
                  "voie_code, created_run, changed_run) VALUES (?1, ?2, ?3, ?5, ?4, ?4) "
                  "ON CONFLICT(id_ban_toponyme) DO UPDATE SET "
                  "commune_deleguee_insee = ?2, nom = ?3, changed_run = ?4, "
                  "voie_code = CASE WHEN ?5 = '' THEN voie_code ELSE ?5 END, "
                  "deleted_run = NULL",
                  path);
    for (const auto &[key, id] : toponymes) {
        find.reset();
        find.text(1, id);
        const bool known = find.step();
        const std::string before = known ? find.column_text(0) : "";
        if (known && before == key.nom && find.column_text(1) == key.commune_deleguee_insee &&
            sqlite3_column_type(find.get(), 2) == SQLITE_NULL) {
            continue;
        }
        put.reset();
        put.text(1, id)
            .text(2, key.commune_deleguee_insee)
            .text(3, key.nom)
            .integer(4, history.run())
            .text(5, key.voie_code);
        put.step();
        history.record("toponyme", id, known ? "changed" : "created", before, key.nom);
    }
}

// The address as the ledger holds it (`found`, a row of record_addresses' query) is the one
// the run wrote; an empty cle_interop (BAL 1.5) keeps the one known.
bool unchanged(Statement &found, const LedgerAddress &a, const std::string &label) {
    return found.column_text(0) == label &&
           (a.cle_interop.empty() || found.column_text(1) == a.cle_interop) &&
           found.column_text(2) == a.position && sqlite3_column_double(found.get(), 3) == a.x &&
           sqlite3_column_double(found.get(), 4) == a.y &&
           found.column_text(5) == a.id_ban_toponyme &&
           sqlite3_column_type(found.get(), 6) == SQLITE_NULL &&
           found.column_text(7) == a.key.commune_deleguee_insee;
}

// Addresses, by id: each one is marked seen; an empty cle_interop or voie code (BAL 1.5) keeps
// the one known.
void record_addresses(sqlite3 *db, const std::string &path,
                      const std::vector<LedgerAddress> &addresses, History &history,
                      Statement &mark_seen) {
    Statement find(db,
                   "SELECT voie_nom || ' ' || numero || suffixe, cle_interop, position, "
                   "x, y, id_ban_toponyme, deleted_run, commune_deleguee_insee "
                   "FROM adresses WHERE id_ban_adresse = ?",
                   path);
    Statement put(db,
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
                  path);
    for (const LedgerAddress &a : addresses) {
        mark_seen.reset();
        mark_seen.text(1, a.id_ban_adresse).step();
        find.reset();
        find.text(1, a.id_ban_adresse);
        const bool known = find.step();
        const std::string label =
            a.key.voie_nom + " " + std::to_string(a.key.numero) + a.key.suffixe;
        if (known && unchanged(find, a, label)) {
            continue; // the run that last changed it stays
        }
        const std::string before = known ? find.column_text(0) : "";
        put.reset();
        put.text(1, a.id_ban_adresse)
            .text(2, a.key.commune_deleguee_insee)
            .text(3, a.key.voie_nom)
            .integer(4, a.key.numero)
            .text(5, a.key.suffixe)
            .text(6, a.id_ban_toponyme)
            .text(7, a.cle_interop)
            .text(8, a.position)
            .real(9, a.x)
            .real(10, a.y)
            .integer(11, history.run())
            .text(12, a.key.voie_code)
            .step();
        history.record("adresse", a.id_ban_adresse, known ? "changed" : "created", before, label);
    }
}

// The addresses (`adresse`) or toponymes of the ledger not seen in the run: deleted by it.
void record_deletions(sqlite3 *db, const std::string &path, bool adresse, History &history) {
    Statement gone(db,
                   adresse ? "SELECT id_ban_adresse, voie_nom || ' ' || numero || suffixe "
                             "FROM adresses WHERE deleted_run IS NULL AND id_ban_adresse "
                             "NOT IN (SELECT id FROM seen) ORDER BY id_ban_adresse"
                           : "SELECT id_ban_toponyme, nom FROM toponymes WHERE "
                             "deleted_run IS NULL AND id_ban_toponyme NOT IN "
                             "(SELECT id FROM seen) ORDER BY id_ban_toponyme",
                   path);
    std::vector<std::pair<std::string, std::string>> deleted;
    while (gone.step()) {
        deleted.emplace_back(gone.column_text(0), gone.column_text(1));
    }
    Statement drop(db,
                   adresse ? "UPDATE adresses SET deleted_run = ? WHERE id_ban_adresse = ?"
                           : "UPDATE toponymes SET deleted_run = ? WHERE id_ban_toponyme = ?",
                   path);
    for (const auto &[id, label] : deleted) {
        drop.reset();
        drop.integer(1, history.run()).text(2, id).step();
        history.record(adresse ? "adresse" : "toponyme", id, "deleted", label, "");
    }
}

} // namespace

// A damaged ledger is the user's to restore (exit 2), found before anything is read from it:
// otherwise SQLite reports "database disk image is malformed" midway through the run.
// quick_check reads every page once (a few ms for a commune's ledger).
void check_integrity(sqlite3 *db, const std::string &path) {
    const std::string input = "--ledger " + path;
    const std::string fix = "; restore the ledger from a backup (it holds the BAN ids given so "
                            "far), or give a new file to start one from the existing BAL";
    sqlite3_stmt *check = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &check, nullptr) == SQLITE_OK &&
        sqlite3_step(check) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(check, 0);
        result = text != nullptr ? reinterpret_cast<const char *>(text) : "";
    } else {
        result = sqlite3_errmsg(db);
    }
    sqlite3_finalize(check);
    if (result != "ok") {
        throw InputError(input, "is damaged (" + result + ")" + fix);
    }
}

struct Ledger::Impl {
    sqlite3 *db = nullptr;
    int lock_fd = -1; // holds the run's lock on the ledger until the run ends
    ~Impl() {
        sqlite3_close(db);
        if (lock_fd >= 0) {
            ::close(lock_fd);
        }
    }
};

namespace {

// One run at a time per ledger, for the whole run, not only its final transaction: two runs
// that both read the ledger before either wrote minted different BAN ids for the same new
// addresses (3,878 rows for Beausoleil's 2,186). flock() is apart from SQLite's own fcntl()
// locks; the lock goes with the descriptor, so a killed run leaves none behind.
int lock_ledger(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw InputError("--ledger " + path, std::string("cannot be opened (") +
                                                 std::strerror(errno) + "); give a writable path");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        throw InputError("--ledger " + path,
                         error == EWOULDBLOCK
                             ? "is in use by another run of adressage; wait for it to end, or "
                               "give each run its own ledger"
                             : std::string("cannot be locked (") + std::strerror(error) + ")");
    }
    return fd;
}

} // namespace

Ledger::Ledger(const std::string &path, const std::string &insee)
    : impl_(std::make_unique<Impl>()), path_(path) {
    std::error_code ec;
    created_ = !std::filesystem::exists(path, ec);
    // A new ledger in a folder not made yet (ledgers/06012.sqlite): made, as --out's is.
    if (const auto folder = std::filesystem::path(path).parent_path(); !folder.empty()) {
        std::filesystem::create_directories(folder, ec);
        if (ec) {
            throw InputError("--ledger " + path, "its folder cannot be made (" + ec.message() +
                                                     "); give a writable path");
        }
    }
    impl_->lock_fd = lock_ledger(path);
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
    check_integrity(impl_->db, path);
    std::string commune;
    std::tie(commune, id_ban_commune_) = read_meta(impl_->db, path);
    if (!commune.empty() && commune != insee) {
        throw InputError("--ledger " + path, "is the ledger of commune " + commune + ", not " +
                                                 insee + "; give this commune's ledger");
    }
    load_ids(path);
    meta_insee_ = insee;
}

void Ledger::load_ids(const std::string &path) {
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
    WriteCounter counter;
    sqlite3 *db = impl_->db;
    exec(db, "BEGIN IMMEDIATE");
    try {
        Statement run(db, "INSERT INTO runs(date_der_maj, bal_version) VALUES (?, ?)", path_);
        run.text(1, date).text(2, bal_version).step();
        const std::int64_t run_id = sqlite3_last_insert_rowid(db);
        counter.wrote();
        write_meta(db, path_, meta_insee_, id_ban_commune);
        History history(db, path_, run_id, counter);
        record_toponymes(db, path_, toponymes, history);
        Statement seen(db, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT PRIMARY KEY)", path_);
        seen.step();
        exec(db, "DELETE FROM seen");
        Statement mark_seen(db, "INSERT OR IGNORE INTO seen(id) VALUES (?)", path_);
        record_addresses(db, path_, addresses, history, mark_seen);
        for (const auto &[key, id] : toponymes) {
            mark_seen.reset();
            mark_seen.text(1, id).step();
        }
        record_deletions(db, path_, true, history);
        record_deletions(db, path_, false, history);
        exec(db, "COMMIT");
        committed_ = true;
        return run_id;
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace adressage::pipeline
