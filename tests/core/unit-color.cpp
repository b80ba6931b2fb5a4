#include <gtest/gtest.h>

#include "color.hpp"

using namespace likeloss;

TEST(Color, ParsesHexForms) {
    EXPECT_EQ(parse_hex_color("#0a6ebd"), (Rgba{0x0a, 0x6e, 0xbd, 255}));
    EXPECT_EQ(parse_hex_color("0A6EBD"), (Rgba{0x0a, 0x6e, 0xbd, 255}));
    EXPECT_EQ(parse_hex_color("#fff"), (Rgba{255, 255, 255, 255}));
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
