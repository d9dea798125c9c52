#include "adressage/geo/geopackage_writer.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "adressage/error.hpp"
#include "adressage/sync_file.hpp"
#include "gpkg_geometry.hpp"
#include "sqlite_file.hpp"

// Written with SQLite and prepared statements, not through GDAL's GPKG driver: a review
// GeoPackage is a handful of tables, and GDAL spent about 45 ms per commune on it (creating
// the file and each layer, ~4 us a feature), three times a small commune's whole run. The
// file is the one GDAL writes (GeoPackage 1.2, no spatial index, no gpkg_ogr_contents);
// tests read it back with GDAL and GDAL's validate_gpkg.py.

namespace adressage::geo {

namespace {

// The tables of GeoPackage 1.2's core (Annex C), as the specification writes them.
constexpr const char *core_tables = R"sql(
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,
  m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',
  'undefined cartesian coordinate reference system');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',
  'undefined geographic coordinate reference system');
)sql";

struct SrsRow {
    std::string name;
    std::string wkt;
};

// The name and WKT 1 of EPSG:`epsg`, from PROJ's database through OGR, once per process.
const SrsRow &srs_row(int epsg) {
    static std::mutex mutex;
    static std::map<int, SrsRow> rows;
    const std::lock_guard lock(mutex);
    if (auto it = rows.find(epsg); it != rows.end()) {
        return it->second;
    }
    OGRSpatialReference srs;
    char *wkt = nullptr;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE || srs.exportToWkt(&wkt) != OGRERR_NONE) {
        CPLFree(wkt);
        throw GdalError("unknown CRS EPSG:" + std::to_string(epsg));
    }
    SrsRow row{srs.GetName() != nullptr ? srs.GetName() : "EPSG:" + std::to_string(epsg), wkt};
    CPLFree(wkt);
    return rows.emplace(epsg, std::move(row)).first->second;
}

std::string quoted(const std::string &identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

const char *sql_type(FieldType t) {
    switch (t) {
    case FieldType::integer:
        return "INTEGER";
    case FieldType::real:
        return "REAL";
    case FieldType::boolean:
        return "BOOLEAN";
    case FieldType::datetime:
        return "DATETIME";
    case FieldType::text:
        break;
    }
    return "TEXT";
}

const char *geometry_type_name(LayerGeometry g) {
    switch (g) {
    case LayerGeometry::point:
        return "POINT";
    case LayerGeometry::multilinestring:
        return "MULTILINESTRING";
    case LayerGeometry::multipolygon:
        return "MULTIPOLYGON";
    case LayerGeometry::none:
        break;
    }
    return "";
}

void bind_value(detail::SqliteStatement &insert, int i, const FieldValue &value) {
    if (const auto *n = std::get_if<std::int64_t>(&value)) {
        insert.bind(i, *n);
    } else if (const auto *d = std::get_if<double>(&value)) {
        insert.bind(i, *d);
    } else if (const auto *s = std::get_if<std::string>(&value)) {
        insert.bind_text(i, *s);
    } else {
        insert.bind_null(i);
    }
}

// Rows per INSERT: with AUTOINCREMENT, SQLite updates sqlite_sequence once per statement, a
// third of the writer's time when each row was its own statement.
constexpr std::size_t rows_per_insert = 64;

// An INSERT of `rows` rows of `columns` (quoted, comma-separated), `width` parameters each.
std::string insert_sql(const OutputLayer &layer, const std::string &columns, std::size_t width,
                       std::size_t rows) {
    std::string row = "(?";
    for (std::size_t i = 1; i < width; ++i) {
        row += ",?";
    }
    row += ")";
    std::string sql = "INSERT INTO " + quoted(layer.name) + " (" + columns + ") VALUES " + row;
    for (std::size_t r = 1; r < rows; ++r) {
        sql += "," + row;
    }
    return sql;
}

// Binds feature `f`'s geometry and values from parameter `first` on; its blob goes in `blob`,
// which must live until the statement has run.
void bind_feature(detail::SqliteStatement &insert, int first, const OutputLayer &layer,
                  const OutputFeature &f, int epsg, std::string &blob, Box &extent) {
    int column = first;
    if (layer.geometry != LayerGeometry::none) {
        blob.clear();
        if (detail::append_gpkg_geometry(blob, layer.geometry, f, epsg, extent)) {
            insert.bind_blob(column, blob);
        } else {
            insert.bind_null(column);
        }
        ++column;
    }
    for (std::size_t i = 0; i < layer.fields.size(); ++i, ++column) {
        if (i < f.values.size()) {
            bind_value(insert, column, f.values[i]); // bound in place: no copy
        } else {
            insert.bind_null(column);
        }
    }
}

// The layer's table and rows; returns the extent of its geometries.
Box write_rows(detail::SqliteFile &db, const OutputLayer &layer, int epsg) {
    const bool spatial = layer.geometry != LayerGeometry::none;
    std::string create = "CREATE TABLE " + quoted(layer.name) +
                         " (\"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
    std::string columns;
    if (spatial) {
        create += std::string(", \"geom\" ") + geometry_type_name(layer.geometry);
        columns = "\"geom\"";
    }
    for (const FieldDef &f : layer.fields) {
        create += ", " + quoted(f.name) + " " + sql_type(f.type);
        columns += (columns.empty() ? "" : ", ") + quoted(f.name);
    }
    db.exec(create + ")");
    Box extent;
    const std::size_t width = layer.fields.size() + (spatial ? 1 : 0);
    if (width == 0) {
        return extent;
    }
    const std::size_t n = layer.features.size();
    std::vector<std::string> blobs(std::min(n, rows_per_insert));
    std::size_t done = 0;
    for (const std::size_t rows : {rows_per_insert, std::size_t{1}}) {
        if (n - done < rows) {
            continue;
        }
        detail::SqliteStatement insert(db, insert_sql(layer, columns, width, rows));
        for (; n - done >= rows; done += rows) {
            for (std::size_t r = 0; r < rows; ++r) {
                bind_feature(insert, static_cast<int>(1 + r * width), layer,
                             layer.features[done + r], epsg, blobs[r], extent);
            }
            insert.run();
        }
    }
    return extent;
}

void register_layer(detail::SqliteFile &db, const OutputLayer &layer, int epsg, const Box &extent,
                    const std::string &timestamp) {
    const bool spatial = layer.geometry != LayerGeometry::none;
    detail::SqliteStatement contents(
        db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?,?,?,?,?,?,?,?,?,?)");
    contents.bind_text(1, layer.name);
    const std::string data_type = spatial ? "features" : "attributes";
    contents.bind_text(2, data_type);
    contents.bind_text(3, layer.name);
    contents.bind_text(4, layer.description);
    contents.bind_text(5, timestamp);
    if (spatial && !extent.empty()) {
        contents.bind(6, extent.min_x);
        contents.bind(7, extent.min_y);
        contents.bind(8, extent.max_x);
        contents.bind(9, extent.max_y);
    }
    if (spatial) {
        contents.bind(10, std::int64_t{epsg});
    }
    contents.run();
    if (!spatial) {
        return;
    }
    detail::SqliteStatement columns(db,
                                    "INSERT INTO gpkg_geometry_columns VALUES (?,'geom',?,?,0,0)");
    columns.bind_text(1, layer.name);
    const std::string type = geometry_type_name(layer.geometry);
    columns.bind_text(2, type);
    columns.bind(3, std::int64_t{epsg});
    columns.run();
}

void insert_srs(detail::SqliteFile &db, int epsg) {
    const SrsRow &row = srs_row(epsg);
    detail::SqliteStatement insert(db,
                                   "INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,'EPSG',?,?,?)");
    insert.bind_text(1, row.name);
    insert.bind(2, std::int64_t{epsg});
    insert.bind(3, std::int64_t{epsg});
    insert.bind_text(4, row.wkt);
    insert.bind_null(5);
    insert.run();
}

// The GeoPackage written at `path` itself; it may be partly written when this throws.
void write_in_place(const std::string &path, int epsg, const std::vector<OutputLayer> &layers,
                    const std::string &timestamp) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    detail::SqliteFile db(path);
    // No journal and no sync per statement: the file is written under a temporary name,
    // flushed once, and renamed, so a crash leaves no file that looks complete.
    // 0x47504B47 is "GPKG", 10200 version 1.2.
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; BEGIN");
    db.exec(core_tables);
    insert_srs(db, 4326); // a GeoPackage always defines WGS 84
    if (epsg != 4326) {
        insert_srs(db, epsg);
    }
    for (const OutputLayer &layer : layers) {
        const Box extent = write_rows(db, layer, epsg);
        register_layer(db, layer, epsg, extent, timestamp);
    }
    db.exec("COMMIT");
    db.close();
}

} // namespace

void write_geopackage(const std::string &path, int epsg, const std::vector<OutputLayer> &layers,
                      const std::string &timestamp) {
    const std::filesystem::path target(path);
    const std::filesystem::path partial =
        target.parent_path() / ("." + target.stem().string() + "-partial.gpkg");
    try {
        write_in_place(partial.string(), epsg, layers, timestamp);
        sync_file(partial.string()); // written without SQLite's own syncs
        std::filesystem::rename(partial, target);
    } catch (const std::exception &e) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        if (dynamic_cast<const Error *>(&e) != nullptr) {
            throw;
        }
        throw Error(e.what()); // the rename's
    }
}

} // namespace adressage::geo
