#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "params/color.hpp"
#include "feed/feed.hpp"

using namespace likeloss;

TEST(Color, ParsesHexForms) {
    EXPECT_EQ(parse_hex_color("#0a6ebd"), (Rgba{0x0a, 0x6e, 0xbd, 255}));
    EXPECT_EQ(parse_hex_color("0A6EBD"), (Rgba{0x0a, 0x6e, 0xbd, 255}));
    EXPECT_EQ(parse_hex_color("#fff"), (Rgba{255, 255, 255, 255}));
    EXPECT_EQ(hex_color(Rgba{0x0a, 0x6e, 0xbd, 0x80}), "#0a6ebd80");
    EXPECT_EQ(hex_color(Rgba{0x10, 0x15, 0x1c, 255}), "#10151c");  // opaque: six digits
    EXPECT_EQ(parse_hex_color(hex_color(Rgba{0x10, 0x15, 0x1c, 255})), (Rgba{0x10, 0x15, 0x1c, 255}));
    EXPECT_EQ(parse_hex_color("#e4002b80"), (Rgba{0xe4, 0, 0x2b, 0x80}));
}

TEST(Color, RejectsEverythingElse) {
    for (const char* bad : {"", "#", "#ff", "#ffff", "#12345", "#1234567", "#gggggg", "red", "#0a6ebd "})
        EXPECT_FALSE(parse_hex_color(bad).has_value()) << bad;
}

TEST(Color, CssNamesAndTransparent) {
    EXPECT_EQ(parse_css_color("crimson"), (Rgba{0xdc, 0x14, 0x3c, 255}));
    EXPECT_EQ(parse_css_color(" RebeccaPurple "), (Rgba{0x66, 0x33, 0x99, 255}));
    EXPECT_EQ(parse_css_color("aliceblue"), (Rgba{0xf0, 0xf8, 0xff, 255}));
    EXPECT_EQ(parse_css_color("yellowgreen"), (Rgba{0x9a, 0xcd, 0x32, 255}));
    EXPECT_EQ(parse_css_color("transparent"), (Rgba{0, 0, 0, 0}));
    EXPECT_EQ(parse_css_color("#0a6ebd"), (Rgba{0x0a, 0x6e, 0xbd, 255}));
    EXPECT_EQ(parse_css_color("fff"), (Rgba{255, 255, 255, 255}));
    EXPECT_FALSE(parse_css_color("notacolor"));
    EXPECT_FALSE(parse_css_color("red;x"));
    EXPECT_FALSE(parse_css_color(""));
    EXPECT_FALSE(parse_css_color("dark blue"));
    EXPECT_FALSE(parse_css_color("#e4 00 2b"));
}

namespace {

// OKLab (Björn Ottosson), where a distance is a difference of colour as people see it.
std::array<double, 3> oklab(Rgba c) {
    auto lin = [](std::uint8_t v) {
        const double x = v / 255.0;
        return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    const double r = lin(c.r), g = lin(c.g), b = lin(c.b);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s, 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

}  // namespace

// Fifty pages, fifty colours that stay apart: the palette used to repeat every six pages.
TEST(Color, APaletteForAsManyPagesAsAFeedHolds) {
    std::vector<std::array<double, 3>> seen;
    double closest = 1;
    for (std::size_t i = 0; i < kMaxPages; ++i) {
        const auto lab = oklab(palette_color(i));
        EXPECT_GE(lab[0], 0.44) << i;  // not lost on a dark card
        EXPECT_LE(lab[0], 0.79) << i;  // nor on a light one
        for (const auto& other : seen)
            closest = std::min(closest, std::hypot(lab[0] - other[0], lab[1] - other[1], lab[2] - other[2]));
        seen.push_back(lab);
    }
    EXPECT_GE(closest, 0.08);
    for (std::size_t i = 0; i < 10; ++i)  // the first ten, what most campaigns show, far apart
        for (std::size_t j = 0; j < i; ++j) {
            const auto a = oklab(palette_color(i)), b = oklab(palette_color(j));
            EXPECT_GE(std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), 0.14) << i << " " << j;
        }
}
