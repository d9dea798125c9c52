#include "report_alerts.hpp"

namespace adressage::validator::detail {

namespace {

// Codes in order of first appearance.
class DistinctCodes {
  public:
    explicit DistinctCodes(std::size_t code_count) : seen_(code_count, false) {}

    void see(CodeId id) {
        if (!seen_[id]) {
            seen_[id] = true;
            in_order_.push_back(id);
        }
    }
    const std::vector<CodeId> &in_order() const { return in_order_; }

  private:
    std::vector<bool> seen_;
    std::vector<CodeId> in_order_;
};

void count(Level level, AlertCounts &counts) {
    (level == Level::error     ? counts.errors
     : level == Level::warning ? counts.warnings
                               : counts.infos) += 1;
}

} // namespace

void add_official_alerts(Profile profile, const CodeTable &codes, const std::vector<CodeId> &global,
                         const RowCodes &rows, const CrossRows &cross, Report &report) {
    // Distinct before the profile's filter, which profilErrors applies by field.
    DistinctCodes distinct(codes.size());
    for (CodeId id : global) {
        distinct.see(id);
    }
    std::vector<CodeId> row_codes;
    for (std::size_t r = 0; r < cross.row_count(); ++r) {
        rows.copy(r, row_codes);
        cross.append_codes(r, codes, row_codes);
        RowAlerts alerts;
        for (CodeId id : row_codes) {
            distinct.see(id);
            if (!codes.kept_in_rows(profile, id)) {
                continue;
            }
            const Level level = codes.level(profile, id);
            alerts.errors.push_back({codes.code(id), level});
            count(level, report.alert_counts);
        }
        if (!alerts.errors.empty()) {
            alerts.line = r;
            alerts.file_line = rows.file_line(r);
            report.rows.push_back(std::move(alerts));
        }
    }
    for (CodeId id : distinct.in_order()) {
        if (codes.kept_in_profile(profile, id)) {
            const Level level = codes.level(profile, id);
            report.profil_errors.push_back({codes.code(id), level});
            report.blocked = report.blocked || level == Level::error;
        }
    }
}

void add_adressage_alerts(const std::vector<ExtraAlert> &alerts, const RowCodes &rows,
                          Report &report) {
    for (const ExtraAlert &a : alerts) {
        if (report.adressage_rows.empty() || report.adressage_rows.back().line != a.line) {
            report.adressage_rows.push_back({a.line, rows.file_line(a.line), {}});
        }
        report.adressage_rows.back().errors.push_back({a.code, a.level});
        // W or I only: the adressage checks never block.
        (a.level == Level::warning ? report.adressage_counts.warnings
                                   : report.adressage_counts.infos) += 1;
    }
}

} // namespace adressage::validator::detail
