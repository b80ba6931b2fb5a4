#include "params/color.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "text/text.hpp"

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

namespace {

struct Named {
    const char* name;
    std::uint32_t rgb;
};

// The 148 CSS named colours (CSS Color Module Level 4), in alphabetical order. Only the packed
// copy below is in the program: a table of pointers would cost every download 600 bytes more.
constexpr Named kNamed[] = {
    {"aliceblue", 0xf0f8ff}, {"antiquewhite", 0xfaebd7}, {"aqua", 0x00ffff}, {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff}, {"beige", 0xf5f5dc}, {"bisque", 0xffe4c4}, {"black", 0x000000},
    {"blanchedalmond", 0xffebcd}, {"blue", 0x0000ff}, {"blueviolet", 0x8a2be2}, {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887}, {"cadetblue", 0x5f9ea0}, {"chartreuse", 0x7fff00}, {"chocolate", 0xd2691e},
    {"coral", 0xff7f50}, {"cornflowerblue", 0x6495ed}, {"cornsilk", 0xfff8dc}, {"crimson", 0xdc143c},
    {"cyan", 0x00ffff}, {"darkblue", 0x00008b}, {"darkcyan", 0x008b8b}, {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400}, {"darkgrey", 0xa9a9a9}, {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b}, {"darkolivegreen", 0x556b2f}, {"darkorange", 0xff8c00},
    {"darkorchid", 0x9932cc}, {"darkred", 0x8b0000}, {"darksalmon", 0xe9967a}, {"darkseagreen", 0x8fbc8f},
    {"darkslateblue", 0x483d8b}, {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1}, {"darkviolet", 0x9400d3}, {"deeppink", 0xff1493}, {"deepskyblue", 0x00bfff},
    {"dimgray", 0x696969}, {"dimgrey", 0x696969}, {"dodgerblue", 0x1e90ff}, {"firebrick", 0xb22222},
    {"floralwhite", 0xfffaf0}, {"forestgreen", 0x228b22}, {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc},
    {"ghostwhite", 0xf8f8ff}, {"gold", 0xffd700}, {"goldenrod", 0xdaa520}, {"gray", 0x808080},
    {"green", 0x008000}, {"greenyellow", 0xadff2f}, {"grey", 0x808080}, {"honeydew", 0xf0fff0},
    {"hotpink", 0xff69b4}, {"indianred", 0xcd5c5c}, {"indigo", 0x4b0082}, {"ivory", 0xfffff0},
    {"khaki", 0xf0e68c}, {"lavender", 0xe6e6fa}, {"lavenderblush", 0xfff0f5}, {"lawngreen", 0x7cfc00},
    {"lemonchiffon", 0xfffacd}, {"lightblue", 0xadd8e6}, {"lightcoral", 0xf08080}, {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2}, {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3}, {"lightpink", 0xffb6c1}, {"lightsalmon", 0xffa07a}, {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa}, {"lightslategray", 0x778899}, {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de}, {"lightyellow", 0xffffe0}, {"lime", 0x00ff00}, {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6}, {"magenta", 0xff00ff}, {"maroon", 0x800000}, {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd}, {"mediumorchid", 0xba55d3}, {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371}, {"mediumslateblue", 0x7b68ee}, {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc}, {"mediumvioletred", 0xc71585}, {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa}, {"mistyrose", 0xffe4e1}, {"moccasin", 0xffe4b5}, {"navajowhite", 0xffdead},
    {"navy", 0x000080}, {"oldlace", 0xfdf5e6}, {"olive", 0x808000}, {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500}, {"orangered", 0xff4500}, {"orchid", 0xda70d6}, {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98}, {"paleturquoise", 0xafeeee}, {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5}, {"peachpuff", 0xffdab9}, {"peru", 0xcd853f}, {"pink", 0xffc0cb},
    {"plum", 0xdda0dd}, {"powderblue", 0xb0e0e6}, {"purple", 0x800080}, {"rebeccapurple", 0x663399},
    {"red", 0xff0000}, {"rosybrown", 0xbc8f8f}, {"royalblue", 0x4169e1}, {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072}, {"sandybrown", 0xf4a460}, {"seagreen", 0x2e8b57}, {"seashell", 0xfff5ee},
    {"sienna", 0xa0522d}, {"silver", 0xc0c0c0}, {"skyblue", 0x87ceeb}, {"slateblue", 0x6a5acd},
    {"slategray", 0x708090}, {"slategrey", 0x708090}, {"snow", 0xfffafa}, {"springgreen", 0x00ff7f},
    {"steelblue", 0x4682b4}, {"tan", 0xd2b48c}, {"teal", 0x008080}, {"thistle", 0xd8bfd8},
    {"tomato", 0xff6347}, {"turquoise", 0x40e0d0}, {"violet", 0xee82ee}, {"wheat", 0xf5deb3},
    {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5}, {"yellow", 0xffff00}, {"yellowgreen", 0x9acd32},
};

// The names one after another, each ended by a NUL, and their colours in the same order.
constexpr std::size_t kNamedCount = sizeof kNamed / sizeof kNamed[0];
constexpr std::size_t packed_names_size() {
    std::size_t n = 0;
    for (const Named& c : kNamed) n += std::char_traits<char>::length(c.name) + 1;
    return n;
}
struct PackedNames {
    char names[packed_names_size()];
    std::uint8_t rgb[kNamedCount][3];
};
constexpr PackedNames pack_names() {
    PackedNames packed{};
    std::size_t at = 0;
    for (std::size_t i = 0; i < kNamedCount; ++i) {
        for (const char* p = kNamed[i].name; *p; ++p) packed.names[at++] = *p;
        packed.names[at++] = '\0';
        packed.rgb[i][0] = static_cast<std::uint8_t>(kNamed[i].rgb >> 16);
        packed.rgb[i][1] = static_cast<std::uint8_t>(kNamed[i].rgb >> 8);
        packed.rgb[i][2] = static_cast<std::uint8_t>(kNamed[i].rgb);
    }
    return packed;
}
constexpr PackedNames kPackedNames = pack_names();

}  // namespace

std::string hex_color(Rgba c) {
    static const char digits[] = "0123456789abcdef";
    std::string s = "#";
    for (const int v : {c.r, c.g, c.b, c.a}) {
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    if (s.compare(7, 2, "ff") == 0) s.resize(7);  // opaque: #rrggbb
    return s;
}

std::optional<Rgba> parse_css_color(std::string_view text) {
    std::string s = trim(text);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s.empty() || s.size() > 32) return std::nullopt;
    if (s == "transparent") return Rgba{0, 0, 0, 0};
    const char* name = kPackedNames.names;
    for (std::size_t i = 0; i < kNamedCount; name += std::strlen(name) + 1, ++i)
        if (s == name) return Rgba{kPackedNames.rgb[i][0], kPackedNames.rgb[i][1], kPackedNames.rgb[i][2], 255};
    return parse_hex_color(s);
}

Rgba palette_color(std::size_t index) {
    // Farthest-point choices in OKLab from an sRGB grid with lightness 0.45-0.78 and some chroma;
    // tests/core/unit-color.cpp checks that they stay apart.
    static const std::uint8_t kPalette[][3] = {
        {0x1f, 0x77, 0xb4}, {0xd6, 0x27, 0x28}, {0x2c, 0xa0, 0x2c}, {0x94, 0x67, 0xbd}, {0xff, 0x7f, 0x0e},
        {0x8c, 0x56, 0x4b}, {0x11, 0xcc, 0xee}, {0xff, 0x00, 0xff}, {0x00, 0x00, 0xff}, {0xff, 0x88, 0xcc},
        {0x22, 0xdd, 0x00}, {0x22, 0x66, 0x22}, {0x77, 0x00, 0xbb}, {0xaa, 0xbb, 0x77}, {0xaa, 0x00, 0x77},
        {0xff, 0x11, 0x99}, {0xaa, 0x99, 0xff}, {0xbb, 0x88, 0x88}, {0xaa, 0x22, 0xff}, {0x55, 0x55, 0xff},
        {0x11, 0x99, 0xff}, {0xaa, 0x88, 0x00}, {0x44, 0xaa, 0x99}, {0x33, 0x44, 0xbb}, {0xcc, 0x11, 0xbb},
        {0x44, 0x55, 0x77}, {0xcc, 0x66, 0xff}, {0xff, 0x55, 0x66}, {0x00, 0x88, 0x66}, {0x00, 0xcc, 0x88},
        {0xcc, 0x55, 0x88}, {0xcc, 0xaa, 0xcc}, {0xaa, 0x00, 0x00}, {0xcc, 0x66, 0x22}, {0x77, 0x44, 0x99},
        {0x88, 0xbb, 0x00}, {0x88, 0x77, 0xff}, {0x77, 0x77, 0x33}, {0x55, 0x00, 0xee}, {0x77, 0x99, 0xcc},
        {0xee, 0x99, 0x88}, {0x88, 0x33, 0x55}, {0xdd, 0xaa, 0x00}, {0xff, 0x66, 0xee}, {0x66, 0x55, 0x11},
        {0xcc, 0x77, 0xbb}, {0x00, 0x77, 0xee}, {0x55, 0x88, 0x99}, {0x99, 0x33, 0xbb}, {0xdd, 0x00, 0x66}};
    const std::uint8_t* c = kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
    return {c[0], c[1], c[2], 255};
}

}  // namespace likeloss
