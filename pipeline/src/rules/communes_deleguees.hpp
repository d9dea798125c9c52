#pragma once
// Communes déléguées: the former communes of a commune nouvelle keep their own addresses in the
// BAL (commune_deleguee_insee/_nom on every row) and their own voies: a street of the same name
// in two former communes is two voies with two codes. Their areas come from
// --communes-deleguees; the ingest stage reads them, the deleguees stage splits the voies.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/commune_list.hpp"
#include "adressage/geo/geos_context.hpp"
#include "core/model.hpp"

namespace adressage::pipeline {

// The code of a commune déléguée as read from an area's field: a 5-character INSEE code is
// kept; a cadastre prefix (3 digits) is the former commune's number in the département, so
// "648" in 27412 is 27648, and "000" is the commune nouvelle's own code. "" for anything else.
std::string commune_deleguee_code(std::string_view commune_insee, std::string_view raw);

// Which commune déléguée a point lies in: the area that contains it, else the nearest one (a
// road between parcels lies in none of the cadastre's prefix areas). Areas are tried in the
// order given; ties go to the first.
class DelegueeLocator {
  public:
    DelegueeLocator(geo::GeosContext &ctx, const std::vector<CommuneDeleguee> &deleguees);
    ~DelegueeLocator();
    DelegueeLocator(const DelegueeLocator &) = delete;
    DelegueeLocator &operator=(const DelegueeLocator &) = delete;

    std::size_t locate(geo::XY p) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace adressage::pipeline
