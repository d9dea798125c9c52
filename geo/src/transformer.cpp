#include "adressage/geo/transformer.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "adressage/error.hpp"

namespace adressage::geo {

struct Transformer::Impl {
    PJ_CONTEXT *ctx = nullptr;
    PJ *pj = nullptr;
    bool identity = false;

    ~Impl() {
        if (pj != nullptr) {
            proj_destroy(pj);
        }
        if (ctx != nullptr) {
            proj_context_destroy(ctx);
        }
    }

    // The one place PROJ status becomes an exception.
    [[noreturn]] void raise(const std::string &what) const {
        const int err = proj_context_errno(ctx);
        const char *text = err != 0 ? proj_context_errno_string(ctx, err) : nullptr;
        throw ProjError("PROJ: " + what + (text ? std::string(": ") + text : std::string()));
    }

    void run(PJ_DIRECTION direction, std::span<XY> points) const {
        if (identity || points.empty()) {
            return;
        }
        proj_errno_reset(pj);
        const std::size_t done =
            proj_trans_generic(pj, direction, &points[0].x, sizeof(XY), points.size(), &points[0].y,
                               sizeof(XY), points.size(), nullptr, 0, 0, nullptr, 0, 0);
        if (done != points.size() || proj_errno(pj) != 0) {
            raise("cannot transform coordinates");
        }
        for (const XY &p : points) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
                raise("coordinates outside the domain of the projection");
            }
        }
    }
};

Transformer::Transformer(const std::string &source, const std::string &target)
    : impl_(std::make_unique<Impl>()) {
    impl_->ctx = proj_context_create();
    if (impl_->ctx == nullptr) {
        throw ProjError("PROJ: cannot create a context");
    }
    // Deterministic results on every machine: never fetch grids from the network.
    proj_context_set_enable_network(impl_->ctx, 0);
    PJ *raw = proj_create_crs_to_crs(impl_->ctx, source.c_str(), target.c_str(), nullptr);
    if (raw == nullptr) {
        impl_->raise("cannot create a transformation from '" + source.substr(0, 80) + "' to '" +
                     target + "'");
    }
    // Always easting/northing or longitude/latitude, whatever the CRS's axis order.
    impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
    proj_destroy(raw);
    if (impl_->pj == nullptr) {
        impl_->raise("cannot normalise the axis order");
    }
    PJ *src = proj_create(impl_->ctx, source.c_str());
    PJ *dst = proj_create(impl_->ctx, target.c_str());
    if (src != nullptr && dst != nullptr) {
        impl_->identity =
            proj_is_equivalent_to_with_ctx(impl_->ctx, src, dst, PJ_COMP_EQUIVALENT) != 0;
    }
    proj_destroy(src);
    proj_destroy(dst);
}

Transformer::Transformer() : impl_(std::make_unique<Impl>()) {}

Transformer Transformer::from_operation(const std::string &definition) {
    Transformer t;
    t.impl_->ctx = proj_context_create();
    if (t.impl_->ctx == nullptr) {
        throw ProjError("PROJ: cannot create a context");
    }
    proj_context_set_enable_network(t.impl_->ctx, 0);
    // proj_create_argv goes straight to the operation; proj_create would open proj.db first.
    std::vector<std::string> words;
    for (std::size_t at = 0; at < definition.size();) {
        const std::size_t end = std::min(definition.find(' ', at), definition.size());
        if (end > at) {
            const std::size_t plus = definition[at] == '+' ? 1 : 0;
            words.push_back(definition.substr(at + plus, end - at - plus));
        }
        at = end + 1;
    }
    std::vector<char *> argv;
    argv.reserve(words.size());
    for (std::string &w : words) {
        argv.push_back(w.data());
    }
    t.impl_->pj = proj_create_argv(t.impl_->ctx, static_cast<int>(argv.size()), argv.data());
    if (t.impl_->pj == nullptr) {
        t.impl_->raise("cannot create the operation '" + definition.substr(0, 120) + "'");
    }
    return t;
}

Transformer::Transformer(Transformer &&) noexcept = default;
Transformer &Transformer::operator=(Transformer &&) noexcept = default;
Transformer::~Transformer() = default;

void Transformer::forward(std::span<XY> points) const { impl_->run(PJ_FWD, points); }
void Transformer::inverse(std::span<XY> points) const { impl_->run(PJ_INV, points); }
bool Transformer::is_identity() const noexcept { return impl_->identity; }

std::optional<Box> transformed_envelope(const Transformer &t, Direction direction, const Box &box) {
    if (t.is_identity()) {
        // A metre more: the driver's own intersection test must not be the one that decides.
        return Box{box.min_x - 1.0, box.min_y - 1.0, box.max_x + 1.0, box.max_y + 1.0};
    }
    const double margin =
        200.0 + 0.01 * std::max(box.max_x - box.min_x, box.max_y - box.min_y); // metres
    const double x0 = box.min_x - margin;
    const double x1 = box.max_x + margin;
    const double y0 = box.min_y - margin;
    const double y1 = box.max_y + margin;
    constexpr int steps = 16;
    std::vector<XY> points;
    for (int i = 0; i <= steps; ++i) {
        const double f = static_cast<double>(i) / steps;
        points.push_back({x0 + f * (x1 - x0), y0});
        points.push_back({x0 + f * (x1 - x0), y1});
        points.push_back({x0, y0 + f * (y1 - y0)});
        points.push_back({x1, y0 + f * (y1 - y0)});
    }
    try {
        if (direction == Direction::forward) {
            t.forward(points);
        } else {
            t.inverse(points);
        }
    } catch (const ProjError &) {
        return std::nullopt;
    }
    Box out;
    for (const XY &p : points) {
        out.extend(p);
    }
    // Half a percent more, for what the densification may still miss.
    const double dx = 0.005 * (out.max_x - out.min_x);
    const double dy = 0.005 * (out.max_y - out.min_y);
    out.min_x -= dx;
    out.max_x += dx;
    out.min_y -= dy;
    out.max_y += dy;
    return out;
}

} // namespace adressage::geo
