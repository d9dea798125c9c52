#include "review/review_layers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>

#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_format.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "adressage/pipeline/option_values.hpp"
#include "adressage/validator/adressage_checks.hpp"
#include "adressage/validator/labels.hpp"
#include "checks/geometric_checks.hpp"
#include "core/bal_cells.hpp"
#include "naming/building_fates.hpp"
#include "rules/voie_origin.hpp"
#include "update/bal_keys.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

namespace {

using geo::FieldDef;
using geo::FieldType;
using geo::FieldValue;

using geo::text_or_null;

// `item` added to a comma-separated `list`.
void append_listed(std::string &list, const std::string &item) {
    list.append(list.empty() ? "" : ",").append(item);
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

using bal_cells::cell;
using bal_cells::parse_double;

// A BAL cell as the field's type; null when empty.
FieldValue cell_value(const std::string &value, FieldType type) {
    if (value.empty()) {
        return {};
    }
    if (type == FieldType::text) {
        return value;
    }
    const auto v = parse_double(value);
    if (!v) {
        return {}; // not a number: the validator refused the file before it was written
    }
    if (type == FieldType::integer) {
        return static_cast<std::int64_t>(*v);
    }
    return *v;
}

std::string_view fate_name(BuildingFate fate) {
    switch (fate) {
    case BuildingFate::numbered:
        return "numerote";
    case BuildingFate::waiting:
        return "en_attente_de_nom";
    case BuildingFate::lane:
        return "desserte_sous_le_minimum";
    case BuildingFate::no_road:
        return "sans_voie";
    case BuildingFate::annex:
        break;
    }
    return "annexe";
}

std::string_view side_name(geo::Side side) {
    switch (side) {
    case geo::Side::left:
        return "gauche";
    case geo::Side::right:
        return "droite";
    case geo::Side::on:
        break;
    }
    return "sur";
}

// The model's position of each BAL row the run made: cle_interop and position → position.
std::map<std::pair<std::string, std::string>, std::size_t>
positions_by_key(const CommuneModel &model) {
    std::map<std::pair<std::string, std::string>, std::size_t> out;
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &n = model.numeros[p.numero];
        const Voie &v = model.voies[n.voie];
        out.emplace(std::make_pair(formats::cle_interop(model.insee, v.code, n.numero, n.suffixe),
                                   std::string(formats::position_label(p.type))),
                    i);
    }
    return out;
}

// The assignment of each building that has one.
std::map<BuildingIdx, const Assignment *> assignment_of(const CommuneModel &model) {
    std::map<BuildingIdx, const Assignment *> out;
    for (const Assignment &a : model.assignments) {
        out.emplace(a.building, &a);
    }
    return out;
}

// What an update (--existing) did to a row of the BAL written.
struct RowUpdate {
    FieldValue status;                     // cree, modifie, inchange; null: no existing BAL
    FieldValue changed;                    // modifie: the columns changed, comma-separated
    const ExistingAddress *kept = nullptr; // the existing address the row keeps
};

std::vector<RowUpdate> row_updates(const formats::BalTable &bal, const UpdateState *update) {
    std::vector<RowUpdate> out(bal.rows.size());
    if (update == nullptr || update->existing.header.empty()) {
        return out;
    }
    for (RowUpdate &r : out) {
        r.status = std::string("inchange");
    }
    const formats::BalDiff diff = formats::diff_bal(update->existing, bal);
    for (const formats::AddressChange &c : diff.created) {
        for (const std::size_t row : c.rows) {
            out[row].status = std::string("cree");
        }
    }
    for (const formats::AddressChange &c : diff.changed) {
        std::string fields;
        for (const std::string &f : c.fields) {
            append_listed(fields, f);
        }
        for (const std::size_t row : c.rows) {
            out[row].status = std::string("modifie");
            out[row].changed = fields;
        }
    }
    // The existing addresses the run kept, by what names them in the file.
    using Key = std::tuple<std::string, std::string, int, std::string>;
    std::map<Key, const ExistingAddress *> existing;
    for (const ExistingAddress &a : update->addresses) {
        existing.emplace(
            Key{a.commune_deleguee_insee, a.voie_nom, a.numero, lower_ascii(a.suffixe)}, &a);
    }
    const bal_cells::Columns columns(bal);
    const int deleguee = columns.index("commune_deleguee_insee");
    const int voie = columns.index("voie_nom");
    const int numero = columns.index("numero");
    const int suffixe = columns.index("suffixe");
    for (std::size_t r = 0; r < bal.rows.size(); ++r) {
        const std::vector<std::string> &row = bal.rows[r];
        const auto found = existing.find(Key{cell(row, deleguee), cell(row, voie),
                                             bal_cells::parse_int(cell(row, numero)).value_or(-1),
                                             lower_ascii(cell(row, suffixe))});
        out[r].kept = found == existing.end() ? nullptr : found->second;
    }
    return out;
}

} // namespace

geo::OutputLayer adresses_layer(const CommuneModel &model, const formats::BalTable &bal,
                                const UpdateState *update,
                                const std::vector<StageResults::RowAlert> &alerts) {
    geo::OutputLayer layer{"adresses", geo::LayerGeometry::point, {}, {}, {}};
    layer.description = "Les adresses du fichier BAL, avec ce qui a décidé chacune";
    const int col_x = bal.column("x");
    const int col_y = bal.column("y");
    const int col_numero = bal.column("numero");
    const int col_cle = bal.column("cle_interop");
    const int col_position = bal.column("position");
    // The BAL's columns that can be fields: named, each name once (an updated file keeps the
    // extra columns of the existing one, some without a name).
    std::vector<int> columns;
    for (std::size_t c = 0; c < bal.header.size(); ++c) {
        const std::string &name = bal.header[c];
        const bool seen = std::any_of(columns.begin(), columns.end(),
                                      [&](int k) { return bal.header[k] == name; });
        if (name.empty() || seen) {
            continue;
        }
        columns.push_back(static_cast<int>(c));
        const bool real = name == "x" || name == "y" || name == "long" || name == "lat";
        layer.fields.push_back({name, name == "numero" ? FieldType::integer
                                      : real           ? FieldType::real
                                                       : FieldType::text});
    }
    for (const char *name :
         {"batiment_fid", "regle", "distance_voie_m", "cote", "rapport_ambiguite", "statut_maj",
          "colonnes_modifiees", "orphelin", "alertes"}) {
        const std::string n = name;
        const bool real = n == "distance_voie_m" || n == "rapport_ambiguite";
        layer.fields.push_back({n, n == "batiment_fid" ? FieldType::integer
                                   : real              ? FieldType::real
                                   : n == "orphelin"   ? FieldType::boolean
                                                       : FieldType::text});
    }
    std::vector<std::string> row_codes(bal.rows.size()); // the codes of each row's alerts
    for (const StageResults::RowAlert &alert : alerts) {
        if (alert.line < row_codes.size()) {
            append_listed(row_codes[alert.line], alert.code);
        }
    }
    const auto by_key = positions_by_key(model);
    const auto assignments = assignment_of(model);
    const std::vector<RowUpdate> updates = row_updates(bal, update);
    for (std::size_t r = 0; r < bal.rows.size(); ++r) {
        const std::vector<std::string> &row = bal.rows[r];
        geo::OutputFeature f;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            f.values.push_back(cell_value(cell(row, columns[k]), layer.fields[k].type));
        }
        f.point = geo::XY{parse_double(cell(row, col_x)).value_or(0.0),
                          parse_double(cell(row, col_y)).value_or(0.0)};
        const auto it = by_key.find({cell(row, col_cle), cell(row, col_position)});
        const Assignment *a = nullptr;
        FieldValue fid;
        if (it != by_key.end() && cell(row, col_numero) != "99999") {
            const BuildingIdx b = model.numeros[model.positions[it->second].numero].building;
            const auto found = assignments.find(b);
            a = found == assignments.end() ? nullptr : found->second;
            fid = model.buildings[b].fid;
        }
        const ExistingAddress *kept = fid.index() == 0 ? updates[r].kept : nullptr;
        if (kept != nullptr && kept->building) {
            fid = model.buildings[*kept->building].fid;
        }
        f.values.push_back(fid);
        if (a != nullptr) {
            f.values.emplace_back(std::string(a->by_parcel ? "parcelle" : "plus_proche"));
            f.values.emplace_back(round2(a->offset));
            f.values.emplace_back(std::string(side_name(a->side)));
            f.values.push_back(a->rival && a->offset > 0.0
                                   ? FieldValue{round2(a->rival_distance / a->offset)}
                                   : FieldValue{});
        } else if (kept != nullptr) {
            f.values.emplace_back(
                std::string(kept->by_number ? "existante_par_numero" : "existante_par_position"));
            f.values.resize(f.values.size() + 3);
        } else {
            f.values.resize(f.values.size() + 4);
        }
        f.values.push_back(updates[r].status);
        f.values.push_back(updates[r].changed);
        f.values.emplace_back(kept == nullptr ? FieldValue{}
                                              : FieldValue{std::int64_t{kept->building ? 0 : 1}});
        f.values.push_back(text_or_null(row_codes[r]));
        layer.features.push_back(std::move(f));
    }
    return layer;
}

geo::OutputLayer voies_layer(const CommuneModel &model) {
    geo::OutputLayer layer{"voies", geo::LayerGeometry::multilinestring, {}, {}, {}};
    layer.description = "Les voies numérotées, tracées dans le sens de la numérotation";
    layer.fields = {{"voie_nom", FieldType::text},          {"code", FieldType::text},
                    {"numerotation", FieldType::text},      {"origine", FieldType::text},
                    {"longueur_m", FieldType::real},        {"adresses", FieldType::integer},
                    {"premier_pair", FieldType::integer},   {"dernier_pair", FieldType::integer},
                    {"premier_impair", FieldType::integer}, {"dernier_impair", FieldType::integer},
                    {"homonyme", FieldType::boolean}};
    struct Range {
        int first = 0, last = 0;
        void add(int n) {
            first = first == 0 ? n : std::min(first, n);
            last = std::max(last, n);
        }
    };
    std::vector<Range> even(model.voies.size()), odd(model.voies.size());
    std::vector<std::int64_t> count(model.voies.size(), 0);
    for (const Numero &n : model.numeros) {
        (n.numero % 2 == 0 ? even : odd)[n.voie].add(n.numero);
        ++count[n.voie];
    }
    const auto number = [](int n) {
        FieldValue v;
        if (n != 0) {
            v = std::int64_t{n};
        }
        return v;
    };
    // Voies of one name in one commune déléguée: the BAL tells them apart by their code only.
    std::map<std::pair<std::string, std::string>, int> named;
    for (const Voie &voie : model.voies) {
        named[{voie.commune_deleguee_insee, voie.nom}] += voie.code.empty() ? 0 : 1;
    }
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        const Voie &voie = model.voies[v];
        if (voie.code.empty()) {
            continue; // no number: not in the BAL
        }
        geo::OutputFeature f;
        f.values = {voie.nom,
                    voie.code,
                    option_text(voie.numbering),
                    std::string(origin_rule_name(voie.origin_rule)),
                    std::round(voie.length * 10.0) / 10.0,
                    count[v],
                    number(even[v].first),
                    number(even[v].last),
                    number(odd[v].first),
                    number(odd[v].last),
                    std::int64_t{named[{voie.commune_deleguee_insee, voie.nom}] > 1 ? 1 : 0}};
        f.lines = voie.parts;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

geo::OutputLayer batiments_layer(const CommuneModel &model, const UpdateState *update) {
    geo::OutputLayer layer{"batiments", geo::LayerGeometry::multipolygon, {}, {}, {}};
    layer.description = "Chaque bâtiment de la commune et ce qu'il est devenu";
    layer.fields = {{"batiment_fid", FieldType::integer}, {"source", FieldType::integer},
                    {"devenir", FieldType::text},         {"numeros", FieldType::text},
                    {"voie_nom", FieldType::text},        {"motif", FieldType::text}};
    const std::vector<BuildingFate> fates = building_fates(model);
    std::vector<std::string> numbers(model.buildings.size());
    std::vector<std::string> voie(model.buildings.size());
    for (const Numero &n : model.numeros) {
        append_listed(numbers[n.building], std::to_string(n.numero) + n.suffixe);
        voie[n.building] = model.voies[n.voie].nom;
    }
    // An update writes the existing address of a building it matched, not a fresh number.
    static const std::vector<ExistingAddress> no_addresses;
    for (const ExistingAddress &a : update != nullptr ? update->addresses : no_addresses) {
        if (a.building) {
            append_listed(numbers[*a.building], std::to_string(a.numero) + a.suffixe);
            voie[*a.building] = a.voie_nom;
        }
    }
    for (BuildingIdx b = 0; b < model.buildings.size(); ++b) {
        geo::OutputFeature f;
        f.values = {model.buildings[b].fid,
                    std::int64_t{model.buildings[b].source + 1},
                    std::string(fate_name(fates[b])),
                    text_or_null(numbers[b]),
                    text_or_null(voie[b]),
                    FieldValue{}};
        f.polygons = model.buildings[b].footprint;
        layer.features.push_back(std::move(f));
    }
    for (const SetAsideBuilding &b : model.buildings_set_aside) {
        geo::OutputFeature f;
        const bool outside = b.reason == "outside_commune";
        f.values = {b.fid,
                    std::int64_t{b.source + 1},
                    std::string(outside ? "hors_commune" : "inutilisable"),
                    FieldValue{},
                    FieldValue{},
                    b.reason};
        f.polygons = b.footprint; // empty: no geometry
        layer.features.push_back(std::move(f));
    }
    return layer;
}

geo::OutputLayer voies_a_nommer_layer(const CommuneModel &model, const nlohmann::json &naming) {
    geo::OutputLayer layer{"voies_a_nommer", geo::LayerGeometry::multilinestring, {}, {}, {}};
    layer.description = "Les voies sans nom qui desservent des bâtiments : à nommer par le conseil";
    layer.fields = {{"id", FieldType::text},
                    {"nature", FieldType::text},
                    {"longueur_m", FieldType::real},
                    {"batiments", FieldType::integer},
                    {"seule_desserte", FieldType::boolean},
                    {"libelle_provisoire", FieldType::text}};
    for (int rank = 1; rank <= 3; ++rank) {
        layer.fields.push_back({"proposition_" + std::to_string(rank), FieldType::text});
        layer.fields.push_back({"motif_" + std::to_string(rank), FieldType::text});
    }
    std::map<std::string, const nlohmann::json *> reported;
    if (naming.contains("voies")) {
        for (const nlohmann::json &v : naming["voies"]) {
            reported.emplace(v["id"].get<std::string>(), &v);
        }
    }
    for (const VoieANommer &v : model.voies_a_nommer) {
        geo::OutputFeature f;
        f.values = {v.id,
                    text_or_null(v.kind),
                    std::round(v.length * 10.0) / 10.0,
                    static_cast<std::int64_t>(v.buildings.size()),
                    std::int64_t{v.access_only ? 1 : 0},
                    text_or_null(v.hint)};
        const auto it = reported.find(v.id);
        for (std::size_t rank = 0; rank < 3; ++rank) {
            const bool has = it != reported.end() && rank < (*it->second)["proposals"].size();
            if (has) {
                const nlohmann::json &p = (*it->second)["proposals"][rank];
                f.values.emplace_back(p["nom"].get<std::string>());
                f.values.emplace_back(p["reason"].get<std::string>());
            } else {
                f.values.resize(f.values.size() + 2);
            }
        }
        for (const std::size_t r : v.roads) {
            f.lines.push_back(model.roads[r].line);
        }
        layer.features.push_back(std::move(f));
    }
    return layer;
}

namespace {

// The nearest point of a voie's parts to `p`.
geo::XY foot_on(const Voie &voie, geo::XY p) {
    geo::XY best = p;
    double best_d = std::numeric_limits<double>::infinity();
    for (const geo::Polyline &part : voie.parts) {
        if (part.size() < 2) {
            continue;
        }
        const geo::LinePosition at = geo::locate(part, p);
        if (at.offset < best_d) {
            best_d = at.offset;
            best = at.foot;
        }
    }
    return best;
}

} // namespace

geo::OutputLayer ambiguous_layer(const CommuneModel &model) {
    geo::OutputLayer layer{
        "assignations_ambigues", geo::LayerGeometry::multilinestring, {}, {}, {}};
    layer.description = "Bâtiments dont la deuxième voie est presque aussi proche que la voie "
                        "choisie : le segment vers chacune";
    layer.fields = {{"batiment_fid", FieldType::integer}, {"source", FieldType::integer},
                    {"voie_nom", FieldType::text},        {"distance_m", FieldType::real},
                    {"autre_voie_nom", FieldType::text},  {"autre_distance_m", FieldType::real},
                    {"rapport", FieldType::real},         {"regle", FieldType::text}};
    for (const Assignment &a : model.assignments) {
        if (!a.rival) {
            continue;
        }
        const Building &building = model.buildings[a.building];
        const Voie &voie = model.voies[a.voie];
        const Voie &other = model.voies[*a.rival];
        geo::OutputFeature f;
        f.values = {building.fid,
                    std::int64_t{building.source + 1},
                    voie.nom,
                    round2(a.offset),
                    other.nom,
                    round2(a.rival_distance),
                    a.offset > 0.0 ? FieldValue{round2(a.rival_distance / a.offset)} : FieldValue{},
                    std::string(a.by_parcel ? "parcelle" : "plus_proche")};
        f.lines = {{building.anchor, foot_on(voie, building.anchor)},
                   {building.anchor, foot_on(other, building.anchor)}};
        layer.features.push_back(std::move(f));
    }
    return layer;
}

geo::OutputLayer alertes_layer(const formats::BalTable &bal,
                               const std::vector<StageResults::RowAlert> &alerts,
                               const std::vector<GeometricAlert> &geometric) {
    geo::OutputLayer layer{"alertes", geo::LayerGeometry::point, {}, {}, {}};
    layer.description = "Chaque alerte du validateur et des contrôles d'adressage, sur sa ligne";
    layer.fields = {{"code", FieldType::text},        {"niveau", FieldType::text},
                    {"libelle", FieldType::text},     {"label_en", FieldType::text},
                    {"controle", FieldType::text},    {"ligne", FieldType::integer},
                    {"cle_interop", FieldType::text}, {"voie_nom", FieldType::text},
                    {"numero", FieldType::integer},   {"position", FieldType::text},
                    {"metres", FieldType::real},      {"autre", FieldType::text}};
    const int col_x = bal.column("x");
    const int col_y = bal.column("y");
    const int col_cle = bal.column("cle_interop");
    const int col_voie = bal.column("voie_nom");
    const int col_numero = bal.column("numero");
    const int col_position = bal.column("position");
    for (const StageResults::RowAlert &alert : alerts) {
        if (alert.line >= bal.rows.size()) {
            continue; // not a row of the file written: cannot happen, never a crash
        }
        const std::vector<std::string> &row = bal.rows[alert.line];
        const bool own = alert.code.starts_with("adressage.");
        std::string fr;
        std::string en;
        if (own) {
            const validator::ExtraLabel l = validator::extra_label(alert.code);
            fr = l.fr;
            en = l.en;
        } else {
            validator::Label l = validator::label(alert.code);
            fr = std::move(l.fr);
            en = std::move(l.en);
        }
        geo::OutputFeature f;
        f.values = {alert.code,
                    std::string(1, alert.level),
                    fr,
                    en,
                    std::string(own ? "adressage" : "validateur BAL"),
                    static_cast<std::int64_t>(alert.line < bal.row_lines.size()
                                                  ? bal.row_lines[alert.line]
                                                  : alert.line + 2), // the header is line 1
                    text_or_null(cell(row, col_cle)),
                    text_or_null(cell(row, col_voie)),
                    cell_value(cell(row, col_numero), FieldType::integer),
                    text_or_null(cell(row, col_position)),
                    FieldValue{},
                    FieldValue{}};
        f.point = geo::XY{parse_double(cell(row, col_x)).value_or(0.0),
                          parse_double(cell(row, col_y)).value_or(0.0)};
        layer.features.push_back(std::move(f));
    }
    for (const GeometricAlert &a : geometric) {
        geo::OutputFeature f;
        f.values = {std::string(geometric_check_code(a.check)),
                    std::string(1, geometric_check_level(a.check)),
                    std::string(geometric_check_label(a.check)),
                    std::string(geometric_check_label_en(a.check)),
                    std::string("adressage (géométrie)"),
                    FieldValue{},
                    FieldValue{},
                    text_or_null(a.voie_nom),
                    a.numero != 0 ? FieldValue{std::int64_t{a.numero}} : FieldValue{},
                    FieldValue{},
                    a.metres != 0.0 ? FieldValue{round2(a.metres)} : FieldValue{},
                    text_or_null(a.other)};
        f.point = a.xy;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

} // namespace adressage::pipeline
