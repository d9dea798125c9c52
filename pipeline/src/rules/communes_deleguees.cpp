#include "rules/communes_deleguees.hpp"

#include <algorithm>
#include <limits>

#include "adressage/geo/geometry_ops.hpp"

namespace adressage::pipeline {

std::string commune_deleguee_code(std::string_view commune_insee, std::string_view raw) {
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (raw.size() == 5) {
        return std::string(raw);
    }
    if (raw.size() == 3 && digits(raw) && commune_insee.size() == 5) {
        return raw == "000" ? std::string(commune_insee)
                            : std::string(commune_insee.substr(0, 2)).append(raw);
    }
    return {};
}

struct DelegueeLocator::Impl {
    std::vector<std::unique_ptr<geo::PreparedArea>> areas;
};

DelegueeLocator::DelegueeLocator(geo::GeosContext &ctx,
                                 const std::vector<CommuneDeleguee> &deleguees)
    : impl_(std::make_unique<Impl>()) {
    for (const CommuneDeleguee &d : deleguees) {
        impl_->areas.push_back(std::make_unique<geo::PreparedArea>(ctx, d.area));
    }
}

DelegueeLocator::~DelegueeLocator() = default;

std::size_t DelegueeLocator::locate(geo::XY p) const {
    for (std::size_t i = 0; i < impl_->areas.size(); ++i) {
        if (impl_->areas[i]->contains(p)) {
            return i;
        }
    }
    std::size_t nearest = 0;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < impl_->areas.size(); ++i) {
        const double d = impl_->areas[i]->distance(p);
        if (d < best) {
            best = d;
            nearest = i;
        }
    }
    return nearest;
}

} // namespace adressage::pipeline
