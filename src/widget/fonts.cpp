#include "fonts.hpp"

#include "embedded.hpp"

namespace likeloss {
namespace {

// Latin-1 and the few typographic marks the widget uses (assets/fonts/glyphs.txt).
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2191, 0x2193, 0x20AC, 0x20AC,
                               0x2212, 0x2212, 0x2248, 0x2248, 0};
// The headline counter needs digits and separators only: a big font stays a small texture.
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002B, 0x0039, 0};

ImFont* add(ImFontAtlas& atlas, const unsigned char* data, unsigned size, float px, const ImWchar* ranges,
            int oversample) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data lives in the program image
    cfg.OversampleH = oversample;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = oversample == 1;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px, &cfg, ranges);
}

}  // namespace

Fonts build_fonts(ImFontAtlas& atlas, float scale) {
    atlas.Clear();
    Fonts f;
    // Sharp at 1x needs horizontal oversampling; at 2x and up the pixels are fine enough.
    const int os = scale < 1.5f ? 2 : 1;
    f.body = add(atlas, kFontRegular, kFontRegular_size, 15.0f * scale, kTextRanges, os);
    f.small = add(atlas, kFontRegular, kFontRegular_size, 12.5f * scale, kTextRanges, os);
    f.strong = add(atlas, kFontSemiBold, kFontSemiBold_size, 15.0f * scale, kTextRanges, os);
    f.title = add(atlas, kFontSemiBold, kFontSemiBold_size, 21.0f * scale, kTextRanges, 1);
    f.big = add(atlas, kFontSemiBold, kFontSemiBold_size, 46.0f * scale, kDigitRanges, 1);
    atlas.Build();
    return f;
}

}  // namespace likeloss
