#include "update/update_numbering.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "adressage/names/grouping_key.hpp"
#include "rules/metric_numbering.hpp"
#include "update/bal_keys.hpp"

namespace adressage::pipeline {

namespace {

int parity_of(int n) { return ((n % 2) + 2) % 2; }

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

std::string label(const std::string &voie, int numero, const std::string &suffixe) {
    return voie + " " + std::to_string(numero) + (suffixe.empty() ? "" : " " + suffixe);
}

// The numbering of the new buildings, voie by voie: the numbers of every existing voie grow
// with those given, so that two current voies continuing one existing voie do not take the
// same number.
class NewBuildingNumbering {
  public:
    NewBuildingNumbering(CommuneModel &model, const std::vector<ExistingAddress> &addresses,
                         const AssignmentsByBuilding &assignment_of, Diagnostics &diag)
        : model_(model), addresses_(addresses), assignment_of_(assignment_of), diag_(diag) {
        for (const ExistingAddress &a : addresses) {
            numbers_[voie_of(a)].entries.push_back({a.numero, a.suffixe, std::nullopt});
            first_address_.emplace(voie_of(a), &a);
        }
    }

    // A new voie: this run's numbers, under a code no existing row uses.
    void keep_fresh(Voie &voie, const std::vector<const Numero *> &fresh, VoieCodes &codes) {
        voie.code = codes.take_unused();
        for (const Numero *n : fresh) {
            result.numeros.push_back(*n);
            result.created.push_back(label(voie.nom, n->numero, ""));
        }
    }

    void number_on(VoieIdx v, const std::vector<const Numero *> &fresh, const ExistingVoie &target);

    UpdateNumbers result;

  private:
    std::vector<VoieNumbers::Entry> numbers_around(VoieIdx v, const ExistingVoie &target) const;
    std::vector<std::pair<const Numero *, const Assignment *>>
    from_origin(const std::vector<const Numero *> &fresh) const;

    CommuneModel &model_;
    const std::vector<ExistingAddress> &addresses_;
    const AssignmentsByBuilding &assignment_of_;
    Diagnostics &diag_;
    std::map<ExistingVoie, VoieNumbers> numbers_; // given so far included
    std::map<ExistingVoie, const ExistingAddress *> first_address_;
};

// The numbers already on `target` for current voie v: its addresses' (with their distance along
// v when their building is on it), those given to other current voies that continue it, those
// of its homonyms (the same name in the same commune déléguée: one sequence, as the number
// stage gives them).
std::vector<VoieNumbers::Entry>
NewBuildingNumbering::numbers_around(VoieIdx v, const ExistingVoie &target) const {
    std::vector<VoieNumbers::Entry> entries;
    for (const ExistingAddress &a : addresses_) {
        if (voie_of(a) != target) {
            continue;
        }
        std::optional<double> along;
        if (a.building) {
            const auto it = assignment_of_.find(*a.building);
            if (it != assignment_of_.end() && it->second->voie == v) {
                along = it->second->along;
            }
        }
        entries.push_back({a.numero, a.suffixe, along});
    }
    const VoieNumbers &known = numbers_.at(target);
    for (std::size_t i = entries.size(); i < known.entries.size(); ++i) {
        entries.push_back({known.entries[i].numero, known.entries[i].suffixe, std::nullopt});
    }
    const std::string name_key = names::grouping_key(target.nom);
    for (const auto &[voie, other] : numbers_) {
        if (voie != target && voie.commune_deleguee_insee == target.commune_deleguee_insee &&
            names::grouping_key(voie.nom) == name_key) {
            for (const VoieNumbers::Entry &e : other.entries) {
                entries.push_back({e.numero, e.suffixe, std::nullopt});
            }
        }
    }
    return entries;
}

// In order from the origin, as the number stage gave them.
std::vector<std::pair<const Numero *, const Assignment *>>
NewBuildingNumbering::from_origin(const std::vector<const Numero *> &fresh) const {
    std::vector<std::pair<const Numero *, const Assignment *>> ordered;
    ordered.reserve(fresh.size());
    for (const Numero *n : fresh) {
        ordered.emplace_back(n, assignment_of_.at(n->building));
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return a.second->along < b.second->along;
    });
    return ordered;
}

void NewBuildingNumbering::number_on(VoieIdx v, const std::vector<const Numero *> &fresh,
                                     const ExistingVoie &target) {
    Voie &voie = model_.voies[v];
    const ExistingAddress &first = *first_address_.at(target);
    voie.nom = first.voie_nom;
    voie.commune_deleguee_insee = first.commune_deleguee_insee;
    voie.commune_deleguee_nom = first.commune_deleguee_nom;
    voie.code = first.voie_code;
    VoieNumbers local{voie.numbering, voie.metres_per_unit, numbers_around(v, target)};
    const std::size_t existing_count = local.entries.size();
    for (const auto &[n, a] : from_origin(fresh)) {
        const auto number = ExistingStage::process_one(local, a->along, a->side);
        if (!number) {
            ++result.unnumbered;
            diag_.skip("existing", "no_free_number_on_the_voie",
                       "fid " + std::to_string(model_.buildings[n->building].fid));
            continue;
        }
        local.entries.push_back({number->numero, number->suffixe, a->along});
        Numero out = *n;
        out.numero = number->numero;
        out.suffixe = number->suffixe;
        result.numeros.push_back(out);
        result.with_suffix += number->suffixe.empty() ? 0 : 1;
        result.created.push_back(label(voie.nom, number->numero, number->suffixe));
    }
    VoieNumbers &known = numbers_.at(target);
    for (std::size_t i = existing_count; i < local.entries.size(); ++i) {
        known.entries.push_back(local.entries[i]);
    }
}

} // namespace

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

UpdateNumbers number_new_buildings(CommuneModel &model,
                                   const std::vector<ExistingAddress> &addresses,
                                   const AddressMatches &matches,
                                   const std::vector<std::optional<ExistingVoie>> &continued,
                                   const AssignmentsByBuilding &assignment_of, VoieCodes &codes,
                                   Diagnostics &diag) {
    NewBuildingNumbering numbering(model, addresses, assignment_of, diag);
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        std::vector<const Numero *> fresh;
        for (const Numero &n : model.numeros) {
            if (n.voie == v && !matches.addressed[n.building]) {
                fresh.push_back(&n);
            }
        }
        if (fresh.empty()) {
            continue;
        }
        if (continued[v]) {
            numbering.number_on(v, fresh, *continued[v]);
        } else {
            numbering.keep_fresh(model.voies[v], fresh, codes);
        }
    }
    return std::move(numbering.result);
}

} // namespace adressage::pipeline
