#include "adressage/formats/bal_table_writer.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

#include "adressage/formats/csv_field.hpp"

namespace adressage::formats {

namespace {

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

} // namespace

// Over the function-size limit until its split lands (issue 20; see docs/architecture.md).
// NOLINTNEXTLINE(readability-function-size)
std::string write_bal(const BalTable &table, BalVersion version) {
    using Getter = std::function<std::string(const std::vector<std::string> &)>;
    auto column_getter = [&](std::string_view name) -> Getter {
        const int index = table.column(name);
        if (index < 0) {
            return nullptr;
        }
        return [index](const std::vector<std::string> &row) {
            return static_cast<std::size_t>(index) < row.size()
                       ? row[static_cast<std::size_t>(index)]
                       : std::string();
        };
    };

    std::vector<std::string> header;
    std::vector<Getter> getters;
    auto add = [&](std::string name, Getter getter) {
        header.push_back(std::move(name));
        getters.push_back(getter ? std::move(getter)
                                 : [](const std::vector<std::string> &) { return std::string(); });
    };

    for (std::string_view column : bal_columns(version)) {
        Getter getter = column_getter(column);
        if (!getter && column == "toponyme") {
            getter = column_getter("voie_nom");
        } else if (!getter && column == "voie_nom") {
            getter = column_getter("toponyme");
        } else if (!getter && column == "uid_adresse") {
            Getter c = column_getter("id_ban_commune");
            Getter v = column_getter("id_ban_toponyme");
            Getter a = column_getter("id_ban_adresse");
            if (c || v || a) {
                getter = [c, v, a](const std::vector<std::string> &row) {
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
        } else if (!getter && column.rfind("id_ban_", 0) == 0) {
            if (Getter uid = column_getter("uid_adresse")) {
                const char *tag = column == "id_ban_commune"    ? "@c:"
                                  : column == "id_ban_toponyme" ? "@v:"
                                                                : "@a:";
                getter = [uid, tag](const std::vector<std::string> &row) {
                    return uid_part(uid(row), tag);
                };
            }
        }
        add(std::string(column), getter);
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
        add(base + "_" + localised->language, column_getter(column));
    }
    // Unknown columns, as read.
    for (const std::string &column : table.header) {
        if (!in_any_version(column) && !parse_localised_column(column)) {
            add(column, column_getter(column));
        }
    }

    std::string out;
    for (std::size_t i = 0; i < header.size(); ++i) {
        out.append(i ? ";" : "").append(csv_field(header[i]));
    }
    out.push_back('\n');
    // The usual case, the table already in the version's columns: each cell as it is, without
    // a getter call and a copy per cell.
    bool same_columns = header == table.header;
    for (std::size_t i = 0; same_columns && i < header.size(); ++i) {
        same_columns = table.column(header[i]) == static_cast<int>(i);
    }
    if (same_columns) {
        static const std::string empty;
        for (const auto &row : table.rows) {
            for (std::size_t i = 0; i < header.size(); ++i) {
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
        return out;
    }
    for (const auto &row : table.rows) {
        for (std::size_t i = 0; i < getters.size(); ++i) {
            out.append(i ? ";" : "").append(csv_field(getters[i](row)));
        }
        out.push_back('\n');
    }
    return out;
}

} // namespace adressage::formats
