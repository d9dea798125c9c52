#pragma once
// The centre and bounding box of every current commune, as the BAN platform keeps them
// (datasets/cog-2026/communes-centres.csv, WGS84, 3 decimals: about 100 m). Coarse on purpose:
// enough to say which neighbouring commune a road leads to, never a boundary.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::formats {

struct CommuneCentre {
    std::string code;
    std::string nom;
    geo::XY centre; // longitude, latitude
    geo::Box box;   // longitude, latitude
};

class CommuneCentres {
  public:
    // Throws InputError when the file is missing or malformed.
    static CommuneCentres load(const std::string &path);
    // Loaded once per process and path (a batch's communes share it); thread-safe.
    static const CommuneCentres &shared(const std::string &path);

    // The commune of `code`, or null when the table lacks it.
    const CommuneCentre *find(std::string_view code) const;
    // The communes other than `except` whose box holds `lonlat`, by code.
    std::vector<const CommuneCentre *> holding(geo::XY lonlat, std::string_view except) const;
    std::size_t size() const noexcept { return communes_.size(); }
    std::span<const CommuneCentre> communes() const noexcept { return communes_; } // by code

  private:
    std::vector<CommuneCentre> communes_; // by code
    // Cells of a quarter degree → the communes whose box covers them, ascending (a scan of
    // the 35,000 boxes per query was a tenth of a batch).
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
};

} // namespace adressage::formats
