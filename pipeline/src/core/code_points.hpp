#pragma once
// The length of a UTF-8 string in code points (the BAL's name bounds and the postal rules count
// characters, not bytes).
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace adressage::pipeline {

inline std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace adressage::pipeline
