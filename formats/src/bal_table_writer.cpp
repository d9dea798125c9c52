#include "adressage/formats/bal_table_writer.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

#include "adressage/formats/csv_field.hpp"

namespace adressage::formats {

namespace {

// One output column's value in a row of the table.
using Getter = std::function<std::string(const std::vector<std::string> &)>;

bool in_any_version(std::string_view column) {
    for (BalVersion v : {BalVersion::v1_3, BalVersion::v1_4, BalVersion::v1_5}) {
        const auto columns = bal_columns(v);
        if (std::find(columns.begin(), columns.end(), column) != columns.end()) {
            return true;
        }
    }
    return false;
}

// The value of `@c:`, `@v:` or `@a:` in a 1.3 uid_adresse ("@c:<uuid> @v:<uuid> @a:<uuid>").
std::string uid_part(const std::string &uid, const char *tag) {
    std::istringstream in(uid);
    std::string token;
    while (in >> token) {
        if (token.rfind(tag, 0) == 0) {
            return token.substr(3);
        }
    }
    return {};
}

// The table's column `name` as read, or nullptr when the table has none.
Getter column_getter(const BalTable &table, std::string_view name) {
    const int index = table.column(name);
    if (index < 0) {
        return nullptr;
    }
    return [index](const std::vector<std::string> &row) {
        return static_cast<std::size_t>(index) < row.size() ? row[static_cast<std::size_t>(index)]
                                                            : std::string();
    };
}

// A 1.3 uid_adresse made of the id_ban_* columns, or nullptr when the table has none.
Getter uid_from_ids(const BalTable &table) {
    Getter c = column_getter(table, "id_ban_commune");
    Getter v = column_getter(table, "id_ban_toponyme");
    Getter a = column_getter(table, "id_ban_adresse");
    if (!c && !v && !a) {
        return nullptr;
    }
    return [c, v, a](const std::vector<std::string> &row) {
        std::string uid;
        auto part = [&](const Getter &g, const char *tag) {
            const std::string value = g ? g(row) : std::string();
            if (!value.empty()) {
                uid.append(uid.empty() ? "" : " ").append(tag).append(value);
            }
        };
        part(c, "@c:");
        part(v, "@v:");
        part(a, "@a:");
        return uid;
    };
}

// An id_ban_* column taken from uid_adresse, or nullptr when the table has no uid_adresse.
Getter id_from_uid(const BalTable &table, std::string_view column) {
    Getter uid = column_getter(table, "uid_adresse");
    if (!uid) {
        return nullptr;
    }
    const char *tag = column == "id_ban_commune"    ? "@c:"
                      : column == "id_ban_toponyme" ? "@v:"
                                                    : "@a:";
    return [uid, tag](const std::vector<std::string> &row) { return uid_part(uid(row), tag); };
}

// A column of the version: the table's own, or what carries over from another version.
Getter version_column(const BalTable &table, std::string_view column) {
    Getter getter = column_getter(table, column);
    if (getter) {
        return getter;
    }
    if (column == "toponyme") {
        return column_getter(table, "voie_nom");
    }
    if (column == "voie_nom") {
        return column_getter(table, "toponyme");
    }
    if (column == "uid_adresse") {
        return uid_from_ids(table);
    }
    if (column.rfind("id_ban_", 0) == 0) {
        return id_from_uid(table, column);
    }
    return nullptr;
}

// The columns written, and how each one is filled.
struct OutputColumns {
    std::vector<std::string> header;
    std::vector<Getter> getters;

    // A null getter writes empty values.
    void add(std::string name, Getter getter) {
        header.push_back(std::move(name));
        getters.push_back(getter ? std::move(getter)
                                 : [](const std::vector<std::string> &) { return std::string(); });
    }
};

OutputColumns output_columns(const BalTable &table, BalVersion version) {
    OutputColumns out;
    for (std::string_view column : bal_columns(version)) {
        out.add(std::string(column), version_column(table, column));
    }
    // Regional-language columns, renamed between voie_nom_xxx and toponyme_xxx.
    for (const std::string &column : table.header) {
        auto localised = parse_localised_column(column);
        if (!localised) {
            continue;
        }
        std::string base = localised->base;
        if (version == BalVersion::v1_5 && base == "voie_nom") {
            base = "toponyme";
        } else if (version != BalVersion::v1_5 && base == "toponyme") {
            base = "voie_nom";
        }
        out.add(base + "_" + localised->language, column_getter(table, column));
    }
    // Unknown columns, as read.
    for (const std::string &column : table.header) {
        if (!in_any_version(column) && !parse_localised_column(column)) {
            out.add(column, column_getter(table, column));
        }
    }
    return out;
}

// The table's columns are already the output's, in its order.
bool in_output_order(const BalTable &table, const std::vector<std::string> &header) {
    bool same_columns = header == table.header;
    for (std::size_t i = 0; same_columns && i < header.size(); ++i) {
        same_columns = table.column(header[i]) == static_cast<int>(i);
    }
    return same_columns;
}

// Each cell as it is, without a getter call and a copy per cell.
void append_rows_as_read(const BalTable &table, std::size_t width, std::string &out) {
    static const std::string empty;
    for (const auto &row : table.rows) {
        for (std::size_t i = 0; i < width; ++i) {
            const std::string &value = i < row.size() ? row[i] : empty;
            if (i != 0) {
                out.push_back(';');
            }
            if (!needs_csv_quotes(value)) {
                out.append(value);
            } else {
                out.append(csv_field(value));
            }
        }
        out.push_back('\n');
    }
}

void append_rows(const BalTable &table, const std::vector<Getter> &getters, std::string &out) {
    for (const auto &row : table.rows) {
        for (std::size_t i = 0; i < getters.size(); ++i) {
            out.append(i ? ";" : "").append(csv_field(getters[i](row)));
        }
        out.push_back('\n');
    }
}

} // namespace

std::string write_bal(const BalTable &table, BalVersion version) {
    const OutputColumns columns = output_columns(table, version);
    std::string out;
    for (std::size_t i = 0; i < columns.header.size(); ++i) {
        out.append(i ? ";" : "").append(csv_field(columns.header[i]));
    }
    out.push_back('\n');
    // The usual case, the table already in the version's columns.
    if (in_output_order(table, columns.header)) {
        append_rows_as_read(table, columns.header.size(), out);
    } else {
        append_rows(table, columns.getters, out);
    }
    return out;
}

} // namespace adressage::formats
