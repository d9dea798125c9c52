#pragma once
// The official list of communes (COG), as shipped in datasets/cog-2026/communes.csv.
#include <map>
#include <string>
#include <vector>

namespace adressage::formats {

struct CogEntry {
    std::string code;
    std::string
        type; // commune-actuelle, commune-deleguee, commune-associee, arrondissement-municipal
    std::string nom;
    std::string chef_lieu;
    std::vector<std::string> anciens_codes;
};

class CommuneList {
  public:
    // Throws InputError when the file is missing or malformed.
    static CommuneList load(const std::string &path);

    // A commune the BAN accepts in commune_insee: a current commune or a municipal
    // arrondissement, never the Paris/Lyon/Marseille parents.
    const CogEntry *find_current(const std::string &code) const;
    // The current commune that absorbed a former code, if any.
    const CogEntry *successor_of(const std::string &former_code) const;
    std::size_t size() const noexcept { return current_.size(); }
    // Every commune find_current() accepts, by code.
    const std::map<std::string, CogEntry> &current_communes() const noexcept { return current_; }

  private:
    std::map<std::string, CogEntry> current_;
    std::map<std::string, std::string> successors_;
};

} // namespace adressage::formats
