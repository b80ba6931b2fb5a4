#include "color.hpp"

namespace likeloss {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<Rgba> parse_hex_color(std::string_view s) {
    if (!s.empty() && s.front() == '#') s.remove_prefix(1);
    if (s.size() != 3 && s.size() != 6 && s.size() != 8) return std::nullopt;
    int v[8];
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((v[i] = hex_value(s[i])) < 0) return std::nullopt;
    auto byte = [&](int hi, int lo) { return static_cast<std::uint8_t>(hi * 16 + lo); };
    if (s.size() == 3) return Rgba{byte(v[0], v[0]), byte(v[1], v[1]), byte(v[2], v[2]), 255};
    Rgba c{byte(v[0], v[1]), byte(v[2], v[3]), byte(v[4], v[5]), 255};
    if (s.size() == 8) c.a = byte(v[6], v[7]);
    return c;
}

}  // namespace likeloss
