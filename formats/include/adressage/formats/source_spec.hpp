#pragma once
// A vector source as the user writes it: `path`, `path:layer` or `PG:<conninfo>:layer`, then
// options after '|', as QGIS writes a layer's source and ogr2ogr names its options:
//   |layername=NAME               any layer name: spaces, accents, colons (QGIS's form)
//   |where=CLAUSE  (or |subset=)  only the features an OGR SQL WHERE clause keeps (-where)
//   |sql=STATEMENT                the layer is the statement's result, in the driver's SQL (-sql)
//   |oo=KEY=VALUE                 a driver open option, as many as needed (-oo)
//   |spat=XMIN,YMIN,XMAX,YMAX     only the features that meet the box, in the layer's CRS (-spat)
// e.g. "bdtopo.gpkg|layername=tronçon de route|where=importance <> '6'".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::formats {

struct SourceSpec {
    std::string text;                      // as given, for messages
    std::string dataset;                   // what GDAL opens
    std::string layer;                     // empty: let the preset choose
    std::vector<std::string> open_options; // KEY=VALUE
    std::string where;                     // "": all features
    std::string sql;                       // "": the layer itself
    std::optional<geo::Box> spat;
};

// `path:layer`: the layer is what follows the first ':' after which the path names an existing
// file or folder (so "odd.gpkg:routes 2016" and "a.gpkg:x:y" work), else what follows the last
// ':' when it looks like a layer name (letters, digits, '_', '-', '.') and what precedes it is
// not empty: "PG:dbname=x" alone has no layer. Throws InputError naming the source for an
// unknown option, an option without '=', or a box that is not four numbers.
SourceSpec parse_source_spec(std::string_view text);

} // namespace adressage::formats
