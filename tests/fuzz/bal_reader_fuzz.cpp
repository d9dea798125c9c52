// libFuzzer target for the BAL reader: any bytes must give a table or an InputError, never a
// crash, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adressage/error.hpp"
#include "adressage/formats/bal_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    try {
        const adressage::formats::BalTable table = adressage::formats::read_bal(
            std::string_view(reinterpret_cast<const char *>(data), size), "fuzz");
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            if (table.row_lines[i] == 0) {
                __builtin_trap(); // lines are 1-based
            }
        }
    } catch (const adressage::InputError &) {
        // Binary or undecodable input: reported, as it should be.
    }
    return 0;
}
