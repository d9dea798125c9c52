#include "sqlite_file.hpp"

#include "adressage/error.hpp"

namespace adressage::geo::detail {

SqliteFile::SqliteFile(const std::string &path) : path_(path) {
    // NOMUTEX: a connection is only ever used by the thread that opened it.
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(path + ": cannot create: " + why);
    }
}

SqliteFile::~SqliteFile() { sqlite3_close(db_); }

void SqliteFile::check(int rc, const char *what) const {
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        throw Error(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
    }
}

void SqliteFile::exec(const std::string &sql) {
    check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), "cannot write");
}

void SqliteFile::close() {
    check(sqlite3_close(db_), "cannot finish");
    db_ = nullptr;
}

SqliteStatement::SqliteStatement(SqliteFile &db, const std::string &sql) : db_(db) {
    db.check(sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &stmt_, nullptr), "cannot prepare");
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::bind_null(int i) { db_.check(sqlite3_bind_null(stmt_, i), "cannot bind"); }

void SqliteStatement::bind(int i, std::int64_t v) {
    db_.check(sqlite3_bind_int64(stmt_, i, v), "cannot bind");
}

void SqliteStatement::bind(int i, double v) {
    db_.check(sqlite3_bind_double(stmt_, i, v), "cannot bind");
}

void SqliteStatement::bind_text(int i, const std::string &v) {
    db_.check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC),
              "cannot bind");
}

void SqliteStatement::bind_blob(int i, const std::string &v) {
    db_.check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC),
              "cannot bind");
}

void SqliteStatement::run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    db_.check(rc, "cannot write");
}

} // namespace adressage::geo::detail
