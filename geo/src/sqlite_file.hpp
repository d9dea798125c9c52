#pragma once
// Internal to geo/src: a SQLite database file and its prepared statements, each SQLite status
// turned into an Error in one place (`check`), with the file's name and SQLite's message.
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace adressage::geo::detail {

class SqliteFile {
  public:
    // Creates (or opens) the database at `path`, read-write, for the calling thread only.
    explicit SqliteFile(const std::string &path);
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    void exec(const std::string &sql);
    // Closes the file; throws when SQLite cannot (the destructor closes quietly).
    void close();
    sqlite3 *get() { return db_; }
    // Throws Error("<path>: <what>: <SQLite's message>") unless `rc` is SQLITE_OK.
    void check(int rc, const char *what) const;

  private:
    sqlite3 *db_ = nullptr;
    std::string path_;
};

// A statement run once per row: bind every parameter, run(), bind the next row's. The
// bindings are not cleared between rows: a parameter not bound again keeps its value.
class SqliteStatement {
  public:
    SqliteStatement(SqliteFile &db, const std::string &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The bound text and blob must live until run() returns.
    void bind_null(int i);
    void bind(int i, std::int64_t v);
    void bind(int i, double v);
    void bind_text(int i, const std::string &v);
    void bind_blob(int i, const std::string &v);
    // Steps to the end, then resets the statement.
    void run();

  private:
    SqliteFile &db_;
    sqlite3_stmt *stmt_ = nullptr;
};

} // namespace adressage::geo::detail
