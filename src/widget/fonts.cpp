#include "fonts.hpp"

#include "embedded.hpp"

namespace likeloss {
namespace {

// Latin-1 and the few typographic marks the widget uses (assets/fonts/glyphs.txt).
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2009, 0x2009, 0x2013, 0x2026, 0x202F, 0x202F,
                               0x20AC, 0x20AC, 0x2212, 0x2212, 0x2248, 0x2248, kUndrawable, kUndrawable, 0};
// Arabic letters and punctuation, and the presentation forms shaping turns them into.
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
// The rest of Latin-1, from fonts/Inter-Latin-*.otf when a widget has fetched them.
const ImWchar kLatinRanges[] = {0x00A0, 0x00FF, 0};
// The Latin-1 characters compiled in (assets/fonts/glyphs.txt): what French and the widget's own
// words use.
constexpr char32_t kCompiledLatin1[] = {0xA0, 0xA3, 0xA9, 0xAB, 0xB0, 0xB7, 0xBB, 0xC0, 0xC2, 0xC4, 0xC6, 0xC7, 0xC8, 0xC9,
                                        0xCA, 0xCB, 0xCE, 0xCF, 0xD4, 0xD6, 0xD9, 0xDB, 0xDC, 0xE0, 0xE2, 0xE4, 0xE6, 0xE7,
                                        0xE8, 0xE9, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF6, 0xF9, 0xFB, 0xFC, 0xFF};
// The headline counter needs digits and separators only: a big font stays a small texture.
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002B, 0x0039, 0};

ImFont* add(ImFontAtlas& atlas, const unsigned char* data, unsigned size, float px, const ImWchar* ranges,
            int oversample, bool merge = false) {
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.FontDataOwnedByAtlas = false;  // the data lives in the program image
    cfg.OversampleH = oversample;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = oversample == 1;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px, &cfg, ranges);
}

}  // namespace

Fonts build_fonts(ImFontAtlas& atlas, float scale, const ArabicFonts& arabic, const LatinFonts& latin) {
    atlas.Clear();
    Fonts f;
    // Sharp at 1x needs horizontal oversampling; at 2x and up the pixels are fine enough.
    const int os = scale < 1.5f ? 2 : 1;
    // A text font, with Arabic merged into it when it has been loaded (Noto's Arabic is drawn a
    // smaller than Inter at the same size: 1.3 brings its letters to the height of Inter's lower case).
    auto text_font = [&](bool bold, float px, int oversample) {
        ImFont* font = bold ? add(atlas, kFontSemiBold, kFontSemiBold_size, px, kTextRanges, oversample)
                            : add(atlas, kFontRegular, kFontRegular_size, px, kTextRanges, oversample);
        if (const unsigned char* more = bold ? latin.bold : latin.regular)
            add(atlas, more, bold ? latin.bold_size : latin.regular_size, px, kLatinRanges, oversample, true);
        const unsigned char* data = bold ? arabic.bold : arabic.regular;
        if (data) add(atlas, data, bold ? arabic.bold_size : arabic.regular_size, px * 1.3f, kArabicRanges, oversample, true);
        font->FallbackChar = kUndrawable;
        return font;
    };
    f.body = text_font(false, 15.0f * scale, os);
    f.small = text_font(false, 12.5f * scale, os);
    f.strong = text_font(true, 15.0f * scale, os);
    f.title = text_font(true, 21.0f * scale, 1);
    f.big = add(atlas, kFontSemiBold, kFontSemiBold_size, 46.0f * scale, kDigitRanges, 1);
    atlas.Build();
    return f;
}

bool needs_more_latin(const std::string& text) {
    // Latin-1's supplement is U+00A0-U+00FF: in UTF-8, 0xC2 or 0xC3 and one continuation byte.
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead != 0xC2 && lead != 0xC3) continue;
        const char32_t c = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
        if (c < 0xA0) continue;
        bool compiled = false;
        for (char32_t k : kCompiledLatin1) compiled = compiled || k == c;
        if (!compiled) return true;
    }
    return false;
}

}  // namespace likeloss
