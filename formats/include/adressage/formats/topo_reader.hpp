#pragma once
// The DGFiP TOPO file (the successor of FANTOIR since July 2023), in its CSV form:
//
//   code_topo;nature_de_voie;libelle;type_commune_actuel_r_ou_n;type_commune_fip_r_ou_nfip;
//   rur_actuel;rur_fip;caractere_voie;annulation;date_annulation;date_creation_de_article;
//   type_voie;mot_classant;date_derniere_transition
//
// `code_topo` has 18 characters: pays (99100), région (2), département (2), commune (3),
// voie code (4, the RIVOLI code that cle_interop carries), type of record (2: 12 département,
// 13 commune, 14 voie). "991009313029087014" is voie 0870 of commune 13029. The label of a voie
// is its nature code and its libellé ("CHE" + "DE CAMPREOUX"); `type_voie` is 1 voie,
// 2 ensemble immobilier, 3 lieu-dit. A voie is cancelled when `annulation` is set or
// `date_annulation` is not 00000000.
//
// After a merger, the voies of a former commune stay under the former commune's code: they are
// read when that code is given in `former_codes`, and carry it.
#include <string>
#include <vector>

namespace adressage::formats {

struct TopoVoie {
    std::string code;    // 4 characters, lower case, as cle_interop writes it ("0870", "b095")
    std::string nature;  // "CHE", "RUE"... (may be empty)
    std::string libelle; // "DE CAMPREOUX"
    std::string label;   // TOPO style, upper case: nature and libellé, "CHE DE CAMPREOUX"
    std::string former_commune; // the former commune's INSEE code, "" for the commune itself
    int type_voie = 0;          // 1 voie, 2 ensemble immobilier, 3 lieu-dit, 0 unknown
};

struct TopoCommune {
    std::vector<TopoVoie> voies;    // not cancelled, in file order
    std::size_t cancelled = 0;      // cancelled voies skipped
    std::size_t other_communes = 0; // voie records of other communes skipped
};

// Reads the voies of commune `insee` (and of its former communes) from a TOPO CSV file.
// Throws InputError when the file cannot be read or is not TOPO CSV (a fixed-width
// FANTOIR/MAJIC file is refused with a message saying so).
TopoCommune read_topo(const std::string &path, const std::string &insee,
                      const std::vector<std::string> &former_codes = {});

} // namespace adressage::formats
