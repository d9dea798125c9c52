#pragma once
// The official list of communes (COG), as shipped in datasets/cog-2026/communes.csv.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace adressage::formats {

// A current commune or municipal arrondissement (the list keeps no other kind).
struct CogEntry {
    std::string code;
    std::string nom;
    std::vector<std::string> anciens_codes;
};

// A commune déléguée: a former commune kept as a part of a commune nouvelle (COG type
// commune-deleguee), named by its own code (which may be the commune nouvelle's code).
struct CogDeleguee {
    std::string chef_lieu; // the current commune it belongs to
    std::string code;
    std::string nom;
};

class CommuneList {
  public:
    // Throws InputError when the file is missing or malformed.
    static CommuneList load(const std::string &path);

    // A commune the BAN accepts in commune_insee: a current commune or a municipal
    // arrondissement, never the Paris/Lyon/Marseille parents.
    const CogEntry *find_current(std::string_view code) const;
    // The current commune that absorbed a former code, if any.
    const CogEntry *successor_of(std::string_view former_code) const;
    // A code listed among the anciens_codes of a current commune.
    bool is_former_code(std::string_view code) const;
    // The communes déléguées of a current commune, by code; empty when it has none.
    std::span<const CogDeleguee> communes_deleguees_of(std::string_view code) const;
    std::size_t size() const noexcept { return current_.size(); }
    // Every commune find_current() accepts, sorted by code.
    std::span<const CogEntry> current_communes() const noexcept { return current_; }

  private:
    // Sorted vectors searched by bisection: loaded on every `adressage validate`, so built
    // cheaply (35,011 communes).
    std::vector<CogEntry> current_;
    std::vector<std::pair<std::string, std::string>> successors_; // former code → successor
    std::vector<std::string> former_codes_;
    std::vector<CogDeleguee> deleguees_; // sorted by chef-lieu, then code
};

} // namespace adressage::formats
