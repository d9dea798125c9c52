#include "update/update_stage.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_table_writer.hpp"
#include "adressage/formats/upload_file.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/names/grouping_key.hpp"
#include "core/bal_cells.hpp"
#include "core/run_context.hpp"
#include "rules/metric_numbering.hpp"

namespace adressage::pipeline {

namespace {

// A position outside every footprint (an entrance on the façade) stands for the building whose
// outline is within this distance. Small: the neighbour of a demolished building must not
// inherit its address.
constexpr double nearest_building_metres = 1.0;
// An address matched by its voie and number stands at most this far from the building.
constexpr double by_number_metres = 25.0;
constexpr int toponym_numero = 99999;

int parity_of(int n) { return ((n % 2) + 2) % 2; }

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

using bal_cells::Columns;
using bal_cells::parse_double;
using bal_cells::parse_int;
using bal_cells::row_commune;

// The voie code of a cle_interop "insee_code_numero[_suffixe]", or "".
std::string voie_code_of(const std::string &cle) {
    const std::size_t a = cle.find('_');
    if (a == std::string::npos) {
        return {};
    }
    const std::size_t b = cle.find('_', a + 1);
    return b == std::string::npos ? std::string() : lower_ascii(cle.substr(a + 1, b - a - 1));
}

// "@c:<uuid> @v:<uuid> @a:<uuid>" → the part of `tag`.
std::string uid_part(const std::string &uid, std::string_view tag) {
    std::size_t at = uid.find(tag);
    if (at == std::string::npos) {
        return {};
    }
    at += tag.size();
    const std::size_t end = uid.find(' ', at);
    return uid.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

double segment_distance(geo::XY p, geo::XY a, geo::XY b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return geo::distance(p, {a.x + t * dx, a.y + t * dy});
}

// Distance from `p` to the outlines of a footprint (outer rings and holes).
double outline_distance(const geo::MultiPolygon &footprint, geo::XY p) {
    double best = std::numeric_limits<double>::infinity();
    auto ring = [&](const geo::Ring &r) {
        for (std::size_t i = 1; i < r.size(); ++i) {
            best = std::min(best, segment_distance(p, r[i - 1], r[i]));
        }
    };
    for (const geo::Polygon &polygon : footprint) {
        ring(polygon.outer);
        for (const geo::Ring &h : polygon.holes) {
            ring(h);
        }
    }
    return best;
}

// Even-odd rule on the rings of a footprint.
bool ring_contains(const geo::Ring &ring, geo::XY p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const geo::XY a = ring[i];
        const geo::XY b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

bool footprint_contains(const geo::MultiPolygon &footprint, geo::XY p) {
    for (const geo::Polygon &polygon : footprint) {
        if (polygon.outer.size() < 4 || !ring_contains(polygon.outer, p)) {
            continue;
        }
        const bool in_hole = std::any_of(polygon.holes.begin(), polygon.holes.end(),
                                         [&](const geo::Ring &h) { return ring_contains(h, p); });
        if (!in_hole) {
            return true;
        }
    }
    return false;
}

// Buildings bucketed by the cells of a 50 m grid that their boxes cover.
class BuildingGrid {
  public:
    explicit BuildingGrid(const std::vector<Building> &buildings) : buildings_(buildings) {
        for (BuildingIdx b = 0; b < buildings.size(); ++b) {
            geo::Box box = geo::outer_box(buildings[b].footprint);
            box.extend(buildings[b].anchor);
            for (long x = cell(box.min_x); x <= cell(box.max_x); ++x) {
                for (long y = cell(box.min_y); y <= cell(box.max_y); ++y) {
                    cells_[{x, y}].push_back(b);
                }
            }
        }
    }

    // A building holding `p`, else the one whose outline is nearest within `max` metres; the
    // lowest index on ties.
    std::optional<BuildingIdx> find(geo::XY p, double max) const {
        std::optional<BuildingIdx> nearest;
        double best = max;
        for (long x = cell(p.x - max); x <= cell(p.x + max); ++x) {
            for (long y = cell(p.y - max); y <= cell(p.y + max); ++y) {
                const auto it = cells_.find({x, y});
                if (it == cells_.end()) {
                    continue;
                }
                for (BuildingIdx b : it->second) {
                    const double d = std::min(geo::distance(p, buildings_[b].anchor),
                                              outline_distance(buildings_[b].footprint, p));
                    if (d < best || (d == best && nearest && b < *nearest)) {
                        best = d;
                        nearest = b;
                    }
                }
            }
        }
        const auto it = cells_.find({cell(p.x), cell(p.y)});
        if (it != cells_.end()) {
            std::optional<BuildingIdx> holder;
            for (BuildingIdx b : it->second) {
                if ((!holder || b < *holder) && footprint_contains(buildings_[b].footprint, p)) {
                    holder = b;
                }
            }
            if (holder) {
                return holder;
            }
        }
        return nearest;
    }

  private:
    static long cell(double v) { return static_cast<long>(std::floor(v / 50.0)); }
    const std::vector<Building> &buildings_;
    std::map<std::pair<long, long>, std::vector<BuildingIdx>> cells_;
};

const std::vector<std::string> &latin_suffixes() {
    static const std::vector<std::string> s = {"bis",     "ter",    "quater", "quinquies", "sexies",
                                               "septies", "octies", "nonies", "decies"};
    return s;
}

// The next suffix for `numero` on the voie: the voie's style (letters when any suffix it has
// is one letter, in its case), the first one not taken.
std::optional<std::string> free_suffix(const VoieNumbers &voie, int numero) {
    bool letters = false;
    bool upper = false;
    for (const auto &e : voie.entries) {
        if (e.suffixe.size() == 1 && std::isalpha(static_cast<unsigned char>(e.suffixe[0]))) {
            letters = true;
            upper = std::isupper(static_cast<unsigned char>(e.suffixe[0])) != 0;
            break;
        }
    }
    std::set<std::string> taken;
    for (const auto &e : voie.entries) {
        if (e.numero == numero) {
            taken.insert(lower_ascii(e.suffixe));
        }
    }
    std::vector<std::string> candidates;
    if (letters) {
        for (char c = 'a'; c <= 'z'; ++c) {
            candidates.emplace_back(1, c);
        }
    } else {
        candidates = latin_suffixes();
    }
    for (const std::string &c : candidates) {
        if (!taken.contains(c)) {
            if (upper) {
                return std::string(1, static_cast<char>(std::toupper(c[0])));
            }
            return c;
        }
    }
    return std::nullopt;
}

} // namespace

std::size_t UpdateState::kept_rows() const {
    return static_cast<std::size_t>(std::count(keep_row.begin(), keep_row.end(), true));
}

std::optional<NewNumero> ExistingStage::process_one(const VoieNumbers &voie, double along,
                                                    geo::Side side) {
    const int parity = side == geo::Side::right ? 0 : 1;
    const int lowest = parity == 0 ? 2 : 1;
    const int highest = parity_of(MetricNumbering::max_numero) == parity
                            ? MetricNumbering::max_numero
                            : MetricNumbering::max_numero - 1;
    std::set<int> taken;
    for (const auto &e : voie.entries) {
        taken.insert(e.numero);
    }
    if (voie.mode == NumberingMode::metric) {
        // The number of the distance; taken: the nearest free one of the parity, +2 first.
        const auto own = MetricNumbering::process_one(along, side, {}, voie.metres_per_unit);
        if (!own) {
            return std::nullopt;
        }
        for (int step = 0; step <= MetricNumbering::max_numero; step += 2) {
            for (int n : {*own + step, *own - step}) {
                if (n >= lowest && n <= highest && !taken.contains(n)) {
                    return NewNumero{n, ""};
                }
            }
        }
        return std::nullopt;
    }
    // Classic: the neighbours on the same side (parity), by their distance along the voie.
    const VoieNumbers::Entry *previous = nullptr;
    const VoieNumbers::Entry *next = nullptr;
    for (const auto &e : voie.entries) {
        if (!e.along || parity_of(e.numero) != parity) {
            continue;
        }
        if (*e.along <= along) {
            if (!previous || *e.along > *previous->along ||
                (*e.along == *previous->along && e.numero > previous->numero)) {
                previous = &e;
            }
        } else if (!next || *e.along < *next->along) {
            next = &e;
        }
    }
    const int before = previous ? previous->numero : lowest - 2;
    const int after = next ? next->numero : highest + 2;
    for (int n = before + 2; n < after && n <= highest; n += 2) {
        if (!taken.contains(n)) {
            return NewNumero{n, ""};
        }
    }
    // No free number between the neighbours: a suffix on the previous one (on the next one
    // before the first number of the side).
    const int base = previous ? previous->numero : (next ? next->numero : lowest);
    if (auto suffix = free_suffix(voie, base)) {
        return NewNumero{base, *suffix};
    }
    return std::nullopt;
}

void ExistingStage::prepare(RunContext &ctx) {
    auto state = std::make_shared<UpdateState>();
    const RunOptions &o = ctx.options;
    const auto version = formats::parse_bal_version(o.bal_version);
    if (!version || *version == formats::BalVersion::v1_3) {
        throw ConfigError("--bal-version '" + o.bal_version + "': write 1.4 or 1.5");
    }
    state->version = *version;
    state->active = !o.existing.empty() || !o.ledger.empty() || !o.siren.empty() ||
                    !o.producteur.empty() || state->version == formats::BalVersion::v1_5;
    if (!o.siren.empty() || !o.producteur.empty()) {
        const auto name = formats::upload_file_name(o.date, o.siren, o.producteur);
        if (!name) {
            throw ConfigError("--siren '" + o.siren + "' --producteur '" + o.producteur +
                              "': give both, the SIREN with 9 digits and the producer's name "
                              "(letters or digits), to name the file for upload");
        }
        ctx.bal_path = (std::filesystem::path(ctx.output_dir) / *name).string();
    }
    if (!o.existing.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(o.existing, ec)) {
            throw InputError("--existing " + o.existing,
                             "cannot be read; give the path of the commune's current BAL");
        }
        const formats::BalTable t = formats::read_bal_file(o.existing);
        if (!t.parse_ok()) {
            throw InputError("--existing " + o.existing,
                             "not a readable BAL (" + t.errors.front().code + " at line " +
                                 std::to_string(t.errors.front().line) +
                                 "); fix the file (adressage validate shows every problem)");
        }
        const Columns c(t);
        for (const char *required : {"voie_nom", "numero"}) {
            if (c.index(required) < 0) {
                throw InputError("--existing " + o.existing,
                                 std::string("has no column '") + required +
                                     "'; give the commune's BAL file (versions 1.1 to 1.5)");
            }
        }
        if (c.index("commune_insee") < 0 && c.index("cle_interop") < 0) {
            throw InputError("--existing " + o.existing,
                             "has neither commune_insee nor cle_interop to tell the commune of "
                             "its rows; give the commune's BAL file (versions 1.1 to 1.5)");
        }
        if (t.rows.empty()) {
            throw InputError("--existing " + o.existing,
                             "has no rows; give the commune's current BAL or leave --existing out");
        }
        // A file may hold several communes (BAL 1.5 says so, the BAN splits them): the rows of
        // this commune are kept, the others left out and reported.
        formats::BalTable own;
        own.encoding = t.encoding;
        own.bom = t.bom;
        own.delimiter = t.delimiter;
        own.linebreak = t.linebreak;
        own.header = t.header;
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const std::string insee = row_commune(c, t.rows[r]);
            if (insee != o.insee) {
                state->other_communes[insee].push_back(t.row_lines[r]);
                continue;
            }
            if (!parse_int(c.get(t.rows[r], "numero"))) {
                throw InputError("--existing " + o.existing,
                                 "line " + std::to_string(t.row_lines[r]) + ": numero '" +
                                     c.get(t.rows[r], "numero") +
                                     "' is not a number; fix the file");
            }
            own.rows.push_back(t.rows[r]);
            own.row_lines.push_back(t.row_lines[r]);
        }
        if (own.rows.empty()) {
            std::string held;
            for (const auto &[insee, lines] : state->other_communes) {
                held.append(held.empty() ? "" : ", ")
                    .append(insee.empty() ? "(none)" : insee)
                    .append(": ")
                    .append(std::to_string(lines.size()));
            }
            throw InputError("--existing " + o.existing, "has no row of commune " + o.insee +
                                                             " (rows by commune: " + held +
                                                             "); give this commune's BAL");
        }
        state->existing = std::move(own);
        state->keep_row.assign(state->existing.rows.size(), true);
    }
    if (!o.ledger.empty()) {
        state->ledger = std::make_unique<Ledger>(o.ledger, o.insee);
    }
    ctx.update = std::move(state);
}

void ExistingStage::run(CommuneModel &model, RunContext &ctx) {
    UpdateState &state = *ctx.update;
    if (state.existing.rows.empty()) {
        return; // a first run: this run's numbers as they are
    }
    Diagnostics &diag = ctx.diagnostics;
    const formats::BalTable &t = state.existing;
    const Columns c(t);

    // The voie code of every row, toponymes too: the one its cle_interop carries, else (a BAL
    // 1.5, a key without one) the code the ledger recorded for its toponyme id, else a
    // temporary code no row uses, one per voie (commune déléguée, name, toponyme id). New voies
    // take the temporary codes after those.
    std::set<std::string> used_codes;
    for (const auto &row : t.rows) {
        if (std::string code = voie_code_of(c.get(row, "cle_interop")); !code.empty()) {
            used_codes.insert(std::move(code));
        }
    }
    int next_code = 1;
    auto unused_code = [&] {
        std::string code;
        do {
            code = formats::temporary_voie_code(next_code++);
        } while (used_codes.contains(code));
        used_codes.insert(code);
        return code;
    };
    state.voie_codes.assign(t.rows.size(), std::string());
    std::map<std::tuple<std::string, std::string, std::string>, std::string> given;
    std::int64_t codes_from_ledger = 0;
    std::int64_t temporary_codes = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto &row = t.rows[r];
        std::string code = voie_code_of(c.get(row, "cle_interop"));
        if (code.empty()) {
            std::string toponyme_id = c.get(row, "id_ban_toponyme");
            if (toponyme_id.empty()) {
                toponyme_id = uid_part(c.get(row, "uid_adresse"), "@v:");
            }
            const auto key = std::make_tuple(c.get(row, "commune_deleguee_insee"),
                                             c.get(row, "voie_nom"), toponyme_id);
            auto it = given.find(key);
            if (it == given.end()) {
                std::optional<std::string> known;
                if (state.ledger && !toponyme_id.empty()) {
                    known = state.ledger->voie_code(toponyme_id);
                }
                if (known && !used_codes.contains(*known)) {
                    used_codes.insert(*known);
                    ++codes_from_ledger;
                } else {
                    known = unused_code();
                    ++temporary_codes;
                }
                it = given.emplace(key, *known).first;
            }
            code = it->second;
        }
        state.voie_codes[r] = std::move(code);
    }

    // Addresses: the rows of one (commune déléguée, voie, numero, suffixe), in file order.
    std::map<std::tuple<std::string, std::string, std::string, int, std::string>, std::size_t>
        index;
    std::vector<geo::XY> lonlat_points;
    std::vector<std::pair<std::size_t, std::size_t>> lonlat_owner; // address, row
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto &row = t.rows[r];
        const int numero = *parse_int(c.get(row, "numero"));
        if (numero == toponym_numero) {
            continue; // a toponyme: always kept as it is
        }
        // Homonym voies differ by their code.
        const auto key =
            std::make_tuple(c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"),
                            state.voie_codes[r], numero, lower_ascii(c.get(row, "suffixe")));
        auto [it, inserted] = index.emplace(key, state.addresses.size());
        if (inserted) {
            ExistingAddress a;
            a.commune_deleguee_insee = std::get<0>(key);
            a.commune_deleguee_nom = c.get(row, "commune_deleguee_nom");
            a.voie_nom = std::get<1>(key);
            a.voie_code = state.voie_codes[r];
            a.numero = numero;
            a.suffixe = c.get(row, "suffixe");
            state.addresses.push_back(std::move(a));
        }
        ExistingAddress &a = state.addresses[it->second];
        a.rows.push_back(r);
        const auto x = parse_double(c.get(row, "x"));
        const auto y = parse_double(c.get(row, "y"));
        const auto lon = parse_double(c.get(row, "long"));
        const auto lat = parse_double(c.get(row, "lat"));
        if (x && y) {
            a.points.push_back({*x, *y});
        } else if (lon && lat) {
            lonlat_points.push_back({*lon, *lat});
            lonlat_owner.emplace_back(it->second, r);
        }
    }
    if (!lonlat_points.empty()) {
        geo::Transformer("EPSG:4326", model.crs.definition()).forward(lonlat_points);
        for (std::size_t i = 0; i < lonlat_points.size(); ++i) {
            state.addresses[lonlat_owner[i].first].points.push_back(lonlat_points[i]);
        }
    }

    // 1. Match: by position, then by voie name and number.
    const BuildingGrid grid(model.buildings);
    std::map<std::pair<std::string, int>, BuildingIdx> fresh_number; // (voie name, numero)
    for (const Numero &n : model.numeros) {
        fresh_number.emplace(std::make_pair(lower_ascii(model.voies[n.voie].nom), n.numero),
                             n.building);
    }
    std::vector<bool> addressed(model.buildings.size(), false);
    std::int64_t by_position = 0;
    std::int64_t by_number = 0;
    for (ExistingAddress &a : state.addresses) {
        // Each position may stand on its own building (homonym voies share one BAN address).
        for (geo::XY p : a.points) {
            if (auto b = grid.find(p, nearest_building_metres)) {
                a.building = a.building ? a.building : b;
                addressed[*b] = true;
            }
        }
        by_position += a.building ? 1 : 0;
    }
    // Then the addresses left, by voie name and number among the buildings left: an address
    // without a position, or whose position is near the building (a parcel or segment point);
    // a position far from it is a building that is gone.
    for (ExistingAddress &a : state.addresses) {
        if (a.building || !a.suffixe.empty()) {
            continue;
        }
        const auto it = fresh_number.find({lower_ascii(a.voie_nom), a.numero});
        if (it == fresh_number.end() || addressed[it->second]) {
            continue;
        }
        const geo::XY anchor = model.buildings[it->second].anchor;
        const bool near =
            a.points.empty() || std::any_of(a.points.begin(), a.points.end(), [&](geo::XY p) {
                return geo::distance(p, anchor) <= by_number_metres;
            });
        if (near) {
            a.building = it->second;
            a.by_number = true;
            addressed[it->second] = true;
            ++by_number;
        }
    }

    // 2. Which existing voie each current voie continues: the most common among the addresses
    // of its buildings, else the existing voie of the same name.
    std::map<BuildingIdx, const Assignment *> assignment_of;
    for (const Assignment &a : model.assignments) {
        assignment_of[a.building] = &a;
    }
    using VoieKey = std::tuple<std::string, std::string, std::string>; // deleguee, nom, code
    std::vector<std::map<VoieKey, int>> votes(model.voies.size());
    std::map<std::string, VoieKey> by_name;
    std::map<VoieKey, const ExistingAddress *> voie_sample;
    for (const ExistingAddress &a : state.addresses) {
        const VoieKey key{a.commune_deleguee_insee, a.voie_nom, a.voie_code};
        voie_sample.emplace(key, &a);
        by_name.emplace(lower_ascii(a.voie_nom), key);
        if (a.building) {
            const auto it = assignment_of.find(*a.building);
            if (it != assignment_of.end()) {
                ++votes[it->second->voie][key];
            }
        }
    }
    std::vector<std::optional<VoieKey>> target(model.voies.size());
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        int best = 0;
        for (const auto &[key, n] : votes[v]) {
            if (n > best) {
                best = n;
                target[v] = key;
            }
        }
        if (!target[v]) {
            const auto it = by_name.find(lower_ascii(model.voies[v].nom));
            if (it != by_name.end()) {
                target[v] = it->second;
            }
        }
    }

    // 3. The numbers of every existing voie, with the distance along a current voie when the
    // address's building is on it.
    std::map<VoieKey, VoieNumbers> numbers;
    for (const ExistingAddress &a : state.addresses) {
        numbers[{a.commune_deleguee_insee, a.voie_nom, a.voie_code}].entries.push_back(
            {a.numero, a.suffixe, std::nullopt});
    }

    std::vector<Numero> kept;
    nlohmann::json created = nlohmann::json::array();
    std::int64_t suffixed = 0;
    std::int64_t unnumbered = 0;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        Voie &voie = model.voies[v];
        std::vector<const Numero *> fresh;
        for (const Numero &n : model.numeros) {
            if (n.voie == v && !addressed[n.building]) {
                fresh.push_back(&n);
            }
        }
        if (fresh.empty()) {
            continue;
        }
        if (!target[v]) {
            // A new voie: this run's numbers, under a code no existing row uses.
            voie.code = unused_code();
            for (const Numero *n : fresh) {
                kept.push_back(*n);
                created.push_back(voie.nom + " " + std::to_string(n->numero));
            }
            continue;
        }
        const ExistingAddress &sample = *voie_sample.at(*target[v]);
        voie.nom = sample.voie_nom;
        voie.commune_deleguee_insee = sample.commune_deleguee_insee;
        voie.commune_deleguee_nom = sample.commune_deleguee_nom;
        voie.code = sample.voie_code;
        VoieNumbers &known = numbers[*target[v]];
        known.mode = voie.numbering;
        known.metres_per_unit = voie.metres_per_unit;
        // The alongs of the existing addresses whose building is on this voie.
        std::vector<VoieNumbers::Entry> entries;
        for (const ExistingAddress &a : state.addresses) {
            if (VoieKey{a.commune_deleguee_insee, a.voie_nom, a.voie_code} != *target[v]) {
                continue;
            }
            std::optional<double> along;
            if (a.building) {
                const auto it = assignment_of.find(*a.building);
                if (it != assignment_of.end() && it->second->voie == v) {
                    along = it->second->along;
                }
            }
            entries.push_back({a.numero, a.suffixe, along});
        }
        // Numbers already given to new buildings of other current voies on the same voie.
        for (std::size_t i = entries.size(); i < known.entries.size(); ++i) {
            entries.push_back({known.entries[i].numero, known.entries[i].suffixe, std::nullopt});
        }
        // Homonymous voies (the same name under another code in the same commune déléguée)
        // share one sequence of numbers, as the number stage gives them: theirs are taken.
        const std::string name_key = names::grouping_key(std::get<1>(*target[v]));
        for (const auto &[key, other] : numbers) {
            if (key != *target[v] && std::get<0>(key) == std::get<0>(*target[v]) &&
                names::grouping_key(std::get<1>(key)) == name_key) {
                for (const VoieNumbers::Entry &e : other.entries) {
                    entries.push_back({e.numero, e.suffixe, std::nullopt});
                }
            }
        }
        const std::size_t existing_count = entries.size();
        VoieNumbers local{known.mode, known.metres_per_unit, std::move(entries)};
        // In order from the origin, as the number stage gave them.
        std::vector<std::pair<const Numero *, const Assignment *>> ordered;
        for (const Numero *n : fresh) {
            ordered.emplace_back(n, assignment_of.at(n->building));
        }
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
            return a.second->along < b.second->along;
        });
        for (const auto &[n, a] : ordered) {
            const auto number = process_one(local, a->along, a->side);
            if (!number) {
                ++unnumbered;
                diag.skip("existing", "no_free_number_on_the_voie",
                          "fid " + std::to_string(model.buildings[n->building].fid));
                continue;
            }
            local.entries.push_back({number->numero, number->suffixe, a->along});
            Numero out = *n;
            out.numero = number->numero;
            out.suffixe = number->suffixe;
            kept.push_back(out);
            suffixed += number->suffixe.empty() ? 0 : 1;
            created.push_back(voie.nom + " " + std::to_string(number->numero) +
                              (number->suffixe.empty() ? "" : " " + number->suffixe));
        }
        for (std::size_t i = existing_count; i < local.entries.size(); ++i) {
            known.entries.push_back(local.entries[i]);
        }
    }
    const std::size_t fresh_before = model.numeros.size();
    model.numeros = std::move(kept);

    // 4. Orphans.
    nlohmann::json orphans = nlohmann::json::array();
    std::int64_t orphan_count = 0;
    for (const ExistingAddress &a : state.addresses) {
        if (a.building) {
            continue;
        }
        ++orphan_count;
        if (orphans.size() < 200) {
            orphans.push_back(a.voie_nom + " " + std::to_string(a.numero) +
                              (a.suffixe.empty() ? "" : " " + a.suffixe));
        }
        if (ctx.options.drop_orphans) {
            for (std::size_t r : a.rows) {
                state.keep_row[r] = false;
            }
        }
    }
    diag.count("existing", "rows_read", static_cast<std::int64_t>(t.rows.size()));
    diag.count("existing", "addresses", static_cast<std::int64_t>(state.addresses.size()));
    diag.count("existing", "matched_by_position", by_position);
    diag.count("existing", "matched_by_number", by_number);
    diag.count("existing", "orphans", orphan_count);
    diag.count("existing", "new_numbers", static_cast<std::int64_t>(model.numeros.size()));
    ctx.report_sections["update"] = {{"existing", ctx.options.existing},
                                     {"existing_rows", t.rows.size()},
                                     {"existing_addresses", state.addresses.size()},
                                     {"matched_by_position", by_position},
                                     {"matched_by_number", by_number},
                                     {"buildings_numbered_this_run", fresh_before},
                                     {"new_numbers", model.numeros.size()},
                                     {"new_numbers_with_suffix", suffixed},
                                     {"new_buildings_without_number", unnumbered},
                                     {"new", created},
                                     {"orphans", orphan_count},
                                     {"orphans_dropped", ctx.options.drop_orphans},
                                     {"orphan_examples", orphans},
                                     {"voie_codes_from_ledger", codes_from_ledger},
                                     {"voie_codes_temporary", temporary_codes}};
    if (!state.other_communes.empty()) {
        std::size_t rows = 0;
        std::string counts;
        nlohmann::json by_commune = nlohmann::json::object();
        for (const auto &[insee, lines] : state.other_communes) {
            rows += lines.size();
            const std::string name = insee.empty() ? "(none)" : insee;
            counts.append(counts.empty() ? "" : ", ")
                .append(name)
                .append(": ")
                .append(std::to_string(lines.size()));
            by_commune[name] = {{"rows", lines.size()}, {"lines", lines}};
        }
        ctx.report_sections["update"]["other_communes"] = {
            {"rows", rows},
            {"by_commune", by_commune},
            {"message", std::to_string(rows) + " row" + (rows > 1 ? "s" : "") +
                            " of other communes left out (" + counts + "), this BAL is " +
                            ctx.options.insee +
                            "'s only; run each commune with the same --existing"}};
    }
}

namespace {

bool has_ids(const formats::BalTable &t) {
    for (const char *name :
         {"id_ban_commune", "id_ban_toponyme", "id_ban_adresse", "uid_adresse"}) {
        const int i = t.column(name);
        if (i < 0) {
            continue;
        }
        for (const auto &row : t.rows) {
            if (static_cast<std::size_t>(i) < row.size() &&
                !row[static_cast<std::size_t>(i)].empty()) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

formats::BalTable build_output_table(const std::vector<formats::BalRow> &new_rows,
                                     RunContext &ctx) {
    UpdateState &state = *ctx.update;
    const RunOptions &o = ctx.options;
    formats::BalTable out;
    const formats::BalTable &existing = state.existing;
    out.header = existing.rows.empty() ? std::vector<std::string>(formats::bal14_columns.begin(),
                                                                  formats::bal14_columns.end())
                                       : existing.header;
    auto ensure = [&](std::string_view name) {
        if (Columns(out).index(name) < 0) {
            out.header.emplace_back(name);
        }
    };
    for (std::string_view name : formats::bal14_columns) {
        ensure(name); // cle_interop too: the voie code of new rows (1.5 leaves it out)
    }
    const std::size_t width = out.header.size();
    const Columns oc(out);
    const int uid = existing.column("uid_adresse");
    const std::size_t insee_at = static_cast<std::size_t>(oc.index("commune_insee"));
    const std::size_t key_at = static_cast<std::size_t>(oc.index("cle_interop"));
    const std::size_t numero_column = static_cast<std::size_t>(oc.index("numero"));
    const std::size_t suffixe_column = static_cast<std::size_t>(oc.index("suffixe"));
    const std::string insee_lower = lower_ascii(o.insee);
    std::int64_t keys_rewritten = 0;
    std::int64_t keys_built = 0;
    nlohmann::json key_examples = nlohmann::json::array();
    for (std::size_t r = 0; r < existing.rows.size(); ++r) {
        if (!state.keep_row[r]) {
            continue;
        }
        std::vector<std::string> row = existing.rows[r];
        row.resize(width);
        // A BAL 1.1 has no commune_insee: the commune its cle_interop tells (this one).
        if (row[insee_at].empty()) {
            row[insee_at] = o.insee;
        }
        // cle_interop as the validator reads it, in its written form (numero on 5 digits, lower
        // case); built from the row (commune, voie code, numero, suffixe) when there is none (BAL
        // 1.5) or it names another commune or number. In memory for 1.5 too, for the ledger.
        std::string &key = row[key_at];
        const int numero = parse_int(row[numero_column]).value_or(0);
        const auto parsed = formats::parse_cle_interop(key);
        const std::string written =
            parsed && parsed->commune == insee_lower && parsed->numero == numero
                ? parsed->canonical()
                : formats::cle_interop(o.insee, state.voie_codes[r], numero, row[suffixe_column]);
        if (written != key) {
            ++(key.empty() ? keys_built : keys_rewritten);
            if (!key.empty() && key_examples.size() < 20) {
                key_examples.push_back(
                    {{"line", existing.row_lines[r]}, {"read", key}, {"written", written}});
            }
            key = written;
        }
        if (uid >= 0) { // BAL 1.3: the ids of uid_adresse in their 1.4 columns
            const std::string &u = existing.rows[r][static_cast<std::size_t>(uid)];
            for (auto [column, tag] :
                 {std::pair{"id_ban_commune", "@c:"}, std::pair{"id_ban_toponyme", "@v:"},
                  std::pair{"id_ban_adresse", "@a:"}}) {
                std::string &cell = row[static_cast<std::size_t>(oc.index(column))];
                if (cell.empty()) {
                    cell = uid_part(u, tag);
                }
            }
        }
        out.rows.push_back(std::move(row));
    }
    // A toponyme of this run that the current BAL already has (same commune déléguée, same
    // name whatever its accents or case) keeps its existing row, written once.
    const std::size_t deleguee_column =
        static_cast<std::size_t>(oc.index("commune_deleguee_insee"));
    const std::size_t voie_column = static_cast<std::size_t>(oc.index("voie_nom"));
    std::set<std::pair<std::string, std::string>> kept_toponymes;
    for (const std::vector<std::string> &row : out.rows) {
        if (parse_int(row[numero_column]) == toponym_numero) {
            kept_toponymes.emplace(row[deleguee_column], names::grouping_key(row[voie_column]));
        }
    }
    std::int64_t toponymes_kept = 0;
    for (const formats::BalRow &r : new_rows) {
        if (r.numero == toponym_numero &&
            kept_toponymes.contains({r.commune_deleguee_insee, names::grouping_key(r.voie_nom)})) {
            ++toponymes_kept;
            continue;
        }
        const std::vector<std::string> cells = formats::bal14_cells(r);
        std::vector<std::string> row(width);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const int at = oc.index(formats::bal14_columns[i]);
            if (at >= 0) {
                row[static_cast<std::size_t>(at)] = cells[i];
            }
        }
        out.rows.push_back(std::move(row));
    }

    if (toponymes_kept > 0) {
        ctx.report_sections["update"]["toponymes_already_in_existing"] = toponymes_kept;
    }
    if (state.version != formats::BalVersion::v1_5 && (keys_rewritten > 0 || keys_built > 0)) {
        ctx.report_sections["update"]["cle_interop"] = {{"rewritten", keys_rewritten},
                                                        {"built", keys_built},
                                                        {"rewritten_examples", key_examples}};
    }

    // BAN ids: kept when read, else the ledger's, else minted (with a ledger only).
    const bool ids =
        state.version == formats::BalVersion::v1_5 || state.ledger || has_ids(existing);
    if (ids) {
        const auto at = [&](const char *name) { return static_cast<std::size_t>(oc.index(name)); };
        const std::size_t commune_at = at("id_ban_commune");
        const std::size_t toponyme_at = at("id_ban_toponyme");
        const std::size_t adresse_at = at("id_ban_adresse");
        const std::size_t deleguee_at = at("commune_deleguee_insee");
        const std::size_t voie_at = at("voie_nom");
        const std::size_t numero_at = at("numero");
        const std::size_t suffixe_at = at("suffixe");
        std::string commune_id = o.id_ban_commune;
        for (const auto &row : out.rows) {
            if (commune_id.empty() && !row[commune_at].empty()) {
                commune_id = row[commune_at];
            }
        }
        if (commune_id.empty() && state.ledger && state.ledger->id_ban_commune()) {
            commune_id = *state.ledger->id_ban_commune();
        }
        if (commune_id.empty()) {
            throw ConfigError("BAL " + std::string(formats::to_string(state.version)) +
                              " with BAN ids needs the commune's id: give --id-ban-commune UUID "
                              "(the BAN's id_ban_commune of " +
                              o.insee + ")");
        }
        // The voie code tells homonym voies apart in 1.4 (1.5 has none); an address is its
        // commune déléguée, voie name, numero and suffixe whatever the code, as the validator
        // checks ids (homonyms of one number share one id).
        const bool by_code = state.version != formats::BalVersion::v1_5;
        const std::size_t cle_at = at("cle_interop");
        auto code_of = [&](const std::vector<std::string> &row) {
            return by_code ? voie_code_of(row[cle_at]) : std::string();
        };
        auto toponyme_key = [&](const std::vector<std::string> &row) {
            return LedgerToponymeKey{row[deleguee_at], row[voie_at], code_of(row)};
        };
        auto address_key = [&](const std::vector<std::string> &row) {
            return LedgerAddressKey{row[deleguee_at], row[voie_at],
                                    parse_int(row[numero_at]).value_or(0),
                                    lower_ascii(row[suffixe_at]), std::string()};
        };
        // The ids read come first.
        std::map<LedgerToponymeKey, std::string> toponymes;
        std::map<LedgerAddressKey, std::string> adresses;
        for (const auto &row : out.rows) {
            if (!row[toponyme_at].empty()) {
                toponymes.emplace(toponyme_key(row), row[toponyme_at]);
            }
            if (!row[adresse_at].empty()) {
                adresses.emplace(address_key(row), row[adresse_at]);
            }
        }
        std::size_t minted = 0;
        auto find_or_mint = [&](auto &map, const auto &key, std::optional<std::string> known) {
            auto it = map.find(key);
            if (it != map.end()) {
                return it->second;
            }
            if (!known) {
                if (!state.ledger) {
                    throw ConfigError(
                        "new BAN ids are needed (the output is BAL 1.5 or the existing BAL has "
                        "ids): give --ledger FILE, where they are kept between runs");
                }
                known = mint_uuid_v4();
                ++minted;
            }
            map.emplace(key, *known);
            return *known;
        };
        for (auto &row : out.rows) {
            row[commune_at] = row[commune_at].empty() ? commune_id : row[commune_at];
            if (row[toponyme_at].empty()) {
                const LedgerToponymeKey tkey = toponyme_key(row);
                row[toponyme_at] = find_or_mint(
                    toponymes, tkey, state.ledger ? state.ledger->toponyme_id(tkey) : std::nullopt);
            }
            if (row[adresse_at].empty() && row[numero_at] != std::to_string(toponym_numero)) {
                const LedgerAddressKey akey = address_key(row);
                row[adresse_at] = find_or_mint(
                    adresses, akey, state.ledger ? state.ledger->adresse_id(akey) : std::nullopt);
            }
        }
        ctx.diagnostics.count("write", "ban_ids_minted", static_cast<std::int64_t>(minted));
    }

    // Sorted by voie, voie code (1.4), number, suffix; rows of one address keep their order.
    const std::size_t voie_at = static_cast<std::size_t>(oc.index("voie_nom"));
    const int cle_at = state.version == formats::BalVersion::v1_5 ? -1 : oc.index("cle_interop");
    const std::size_t numero_at = static_cast<std::size_t>(oc.index("numero"));
    const std::size_t suffixe_at = static_cast<std::size_t>(oc.index("suffixe"));
    auto key = [&](const std::vector<std::string> &row) {
        return std::make_tuple(std::cref(row[voie_at]),
                               cle_at < 0 ? std::string()
                                          : voie_code_of(row[static_cast<std::size_t>(cle_at)]),
                               parse_int(row[numero_at]).value_or(0), lower_ascii(row[suffixe_at]));
    };
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [&](const auto &a, const auto &b) { return key(a) < key(b); });

    if (!existing.rows.empty()) {
        const formats::BalTable written =
            formats::read_bal(formats::write_bal(out, state.version), "output");
        const formats::BalDiff diff = formats::diff_bal(existing, written);
        const formats::Preflight gates = formats::preflight(existing, written, diff);
        nlohmann::json changed = nlohmann::json::array();
        for (const auto &ch : diff.changed) {
            if (changed.size() < 200) {
                changed.push_back({{"address", ch.key}, {"fields", ch.fields}});
            }
        }
        nlohmann::json checks = nlohmann::json::array();
        for (const auto &check : gates.checks) {
            checks.push_back({{"code", check.code},
                              {"level", std::string(formats::to_string(check.level))},
                              {"ratio", std::round(check.ratio * 10000.0) / 10000.0},
                              {"message", check.message}});
        }
        nlohmann::json &section = ctx.report_sections["update"];
        section["diff"] = {{"old_rows", diff.old_rows},           {"new_rows", diff.new_rows},
                           {"created", diff.created.size()},      {"changed", diff.changed.size()},
                           {"deleted", diff.deleted.size()},      {"unchanged", diff.unchanged},
                           {"matched_by_id", diff.matched_by_id}, {"changed_examples", changed}};
        section["preflight"] = {{"level", std::string(formats::to_string(gates.level))},
                                {"checks", checks}};
    }
    return out;
}

void record_in_ledger(const formats::BalTable &table, RunContext &ctx) {
    UpdateState &state = *ctx.update;
    if (!state.ledger) {
        return;
    }
    const Columns c(table);
    std::vector<LedgerAddress> addresses;
    std::map<LedgerToponymeKey, std::string> toponymes;
    std::set<std::string> seen;
    std::string commune_id;
    for (const auto &row : table.rows) {
        commune_id = commune_id.empty() ? c.get(row, "id_ban_commune") : commune_id;
        const std::string code = voie_code_of(c.get(row, "cle_interop"));
        toponymes.emplace(
            LedgerToponymeKey{c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"), code},
            c.get(row, "id_ban_toponyme"));
        const std::string id = c.get(row, "id_ban_adresse");
        if (id.empty() || !seen.insert(id).second) {
            continue; // a toponyme row, or a further position of an address
        }
        LedgerAddress a;
        a.key = {c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"),
                 parse_int(c.get(row, "numero")).value_or(0), lower_ascii(c.get(row, "suffixe")),
                 code};
        a.id_ban_adresse = id;
        a.id_ban_toponyme = c.get(row, "id_ban_toponyme");
        a.cle_interop = c.get(row, "cle_interop");
        a.position = c.get(row, "position");
        a.x = parse_double(c.get(row, "x")).value_or(0.0);
        a.y = parse_double(c.get(row, "y")).value_or(0.0);
        addresses.push_back(std::move(a));
    }
    const std::int64_t run =
        state.ledger->commit(ctx.options.date, std::string(formats::to_string(state.version)),
                             commune_id, addresses, toponymes);
    ctx.report_sections["ledger"] = {{"file", state.ledger->path()}, {"run", run}};
}

} // namespace adressage::pipeline
