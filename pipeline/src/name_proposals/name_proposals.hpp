#pragma once
// Names proposed for the voies à nommer, up to three each, ranked, each with its reason and the
// rule it follows (naming-and-council-documents.md). The council chooses; nothing here names a
// voie by itself.
//  - The type from the voie's shape and kind: a dead end (one end on a road, one free, inside
//    the commune) is an Impasse; a track a Chemin; a long road of the main kinds a Route; a street
//    of a built-up kind (residential, living_street, service) a Rue, an Allée when it is short.
//  - The specific part: the lieu-dit or hamlet (--places, after the names stage) the voie passes
//    by or leads to, nearest first, within 600 m of its trace (L-04, V-09); then
//    the neighbouring commune it leads to (« Route de Peille », a Chemin for a track; see
//    neighbour_communes.hpp), then the named voie it leaves ("Impasse de la Rue Droite").
//  - In display form by construction: the names stage put the places' and voies' names in it,
//    and the type and articles are written in it (no second pass of the normaliser, which cost
//    a tenth of a batch); at most 32 characters (N-05: longer labels are abbreviated in postal
//    addresses); never the same name as a named road of the commune or
//    another proposal, nor the same specific part under another type (N-01: same key without
//    type word and articles).
// Proposals are made for every candidate (roads before footways, longest first, then by id)
// from the roads, places and names alone, so a later run given the council's choices by rank
// finds the same ones.
#include <string>
#include <vector>

#include "adressage/names/voie_vocabulary.hpp"
#include "core/model.hpp"
#include "name_proposals/neighbour_communes.hpp"

namespace adressage::pipeline {

struct NameProposal {
    std::string nom;    // display form
    std::string reason; // in French, for the council's documents
    std::string rule;   // the rule ids it follows ("V-09 N-05")
};

// Per candidate, in the order given; `leads_to` parallel to the candidates, or empty.
std::vector<std::vector<NameProposal>>
propose_names(const std::vector<VoieANommer> &candidates, const std::vector<RoadSegment> &roads,
              const std::vector<Toponyme> &places,
              const std::vector<std::optional<LeadsTo>> &leads_to = {});

// The proposals the naming and voie_names stages both make, with the neighbouring communes of
// <data_dir>/cog-2026/communes-centres.csv: one call, so a rank means the same in both.
std::vector<std::vector<NameProposal>> commune_proposals(geo::GeosContext &geos,
                                                         const std::vector<VoieANommer> &candidates,
                                                         const CommuneModel &model,
                                                         const std::string &data_dir);

// The voie type proposed for a candidate (exposed for its test). A voie that leaves the commune
// is no Impasse: its free end is where the data stops, not the road.
std::string proposed_type(const VoieANommer &candidate, bool leaves_commune = false);

// "de " + name with the article contracted: du Moulin, des Adrets, de la Turbie, de l’Église,
// d’Hubac (exposed for its test).
std::string of_name(const std::string &name);

// "de " + a voie's name with its type's article: de la Route de Laghet, du Chemin des Moulins,
// de l’Avenue du Cap d’Ail (exposed for its test).
std::string of_voie(const std::string &nom);

// N-01's key: the grouping key without a leading type word and articles.
std::string
specific_key(const std::string &name,
             const names::VoieVocabulary &vocabulary = names::VoieVocabulary::shipped());

} // namespace adressage::pipeline
