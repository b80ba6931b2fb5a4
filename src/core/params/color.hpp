// Colours as the feed and the URL give them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace likeloss {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
    bool operator!=(const Rgba& o) const { return !(*this == o); }
};

// '7' -> 7, 'f' -> 15, anything else -> -1.
int hex_value(char c);

// "#rgb", "#rrggbb", "#rrggbbaa", with or without the "#" (a URL-friendly bare hex).
std::optional<Rgba> parse_hex_color(std::string_view text);
// The colour as "#rrggbb" (opaque) or "#rrggbbaa", which parse_hex_color and CSS read back.
std::string hex_color(Rgba c);

// What a URL parameter may say: any of the above, a CSS colour name ("crimson", "RebeccaPurple")
// or "transparent".
std::optional<Rgba> parse_css_color(std::string_view text);

// The colour of the page at `index` when the feed and the parameters give it none. Fifty colours
// (a feed's most pages), no two alike: the six classic ones first, then each the farthest in OKLab
// from all before it, within a lightness that reads on light and dark cards alike. Past a handful
// colours are close cousins, so every row also names its page beside its dot.
Rgba palette_color(std::size_t index);

}  // namespace likeloss
