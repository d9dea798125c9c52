// `adressage batch-merge DIR`: the manifests and summaries of a batch's shards (--shard K/N),
// copied into one directory, joined as one batch would have written them (batch_merge.hpp).
#include <memory>
#include <string>

#include "batch_result.hpp"
#include "command.hpp"
#include "run_module.hpp"

namespace adressage::app {

Command declare_batch_merge(CLI::App &adressage) {
    auto dir = std::make_shared<std::string>();
    CLI::App *cli = adressage.add_subcommand(
        "batch-merge", "join the manifests and summaries of the shards of a batch (--shard K/N), "
                       "copied into one directory, as one batch would have written them");
    cli->add_option("DIR", *dir, "directory holding every shard's batch files")->required();
    return {.cli = cli,
            .help = "run", // as it always was
            .before_parse = {},
            .execute = [dir] { return print_batch_result(batch_merge_in_module(*dir)); }};
}

} // namespace adressage::app
