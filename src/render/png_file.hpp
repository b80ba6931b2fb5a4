// PNG, written with libpng: deterministic bytes for the same pixels (no time, no text chunks).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace likeloss {

// An RGBA image (top row first, straight alpha) as the bytes of a PNG file; empty on failure.
std::string encode_png(int width, int height, const std::vector<std::uint8_t>& rgba);

// A PNG file's pixels as RGBA, top row first; false if the bytes are not a PNG libpng can read.
bool decode_png(const std::string& bytes, int& width, int& height, std::vector<std::uint8_t>& rgba);

}  // namespace likeloss
