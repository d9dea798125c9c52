#include "batch_result.hpp"

#include <iostream>

#include "command.hpp"

namespace adressage::app {

int print_batch_result(const pipeline::BatchResult &r) {
    std::ostream &out = r.progress_json ? std::cerr : std::cout;
    out << r.communes << " communes: " << r.succeeded << " succeeded (" << r.reused
        << " unchanged), " << r.failed << " failed, " << r.rows << " rows in " << r.seconds
        << " s\nsummary:  " << r.summary_json << " and " << r.summary_csv
        << "\nmanifest: " << r.manifest << "\n";
    if (!r.dashboard.empty()) {
        out << "map:      " << r.dashboard << " (open it in QGIS)\n";
    }
    if (r.skipped_features > 0) {
        out << "skipped:  " << r.skipped_features
            << " road or building feature(s) of the layers could not be used (no geometry, or "
               "a broken one); fix them in the layers, they are listed in "
            << r.skipped_csv << "\n";
    }
    if (r.failed > 0) {
        std::cerr << "adressage: " << r.failed << " commune(s) failed; see " << r.summary_csv
                  << "\n";
    }
    return r.failed > 0 ? exit_failure : exit_ok;
}

} // namespace adressage::app
