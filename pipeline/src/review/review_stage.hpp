#pragma once
// review.gpkg beside the BAL (issue 22): the review layers (review_layers.hpp) and their QGIS
// styles, stored in the GeoPackage's layer_styles table (the table QGIS itself reads), so that
// the file opens styled. The styles are the .qml files of datasets/review-styles.
// Written to a temporary name and renamed; if it cannot be written, the BAL this run wrote is
// removed again, so that no run looks complete without its review (exit 2, the folder named).
// Same inputs, same bytes: gpkg_contents' timestamps are the run's --date.
#include <string>
#include <vector>

#include "adressage/geo/geopackage_writer.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

class ReviewStage final : public Stage {
  public:
    std::string_view name() const override { return "review"; }
    Tables reads() const override {
        return buildings_table | roads_table | voies_table | assignments_table | numeros_table |
               positions_table | voies_a_nommer_table | update_result | report_result | bal_result;
    }
    Tables writes() const override { return report_result; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;

    // The style of `layer`: <data_dir>/review-styles/<layer>.qml. Throws InputError when it
    // cannot be read.
    static std::string read_style(const std::string &data_dir, const std::string &layer);

    // The layer_styles table QGIS reads: one default style per layer, `qml[i]` for layers[i].
    static geo::OutputLayer styles_layer(const std::vector<geo::OutputLayer> &layers,
                                         const std::vector<std::string> &qml,
                                         const std::string &timestamp);

  private:
    std::vector<std::string> styles_; // the .qml of each layer, read by prepare()
};

} // namespace adressage::pipeline
