// The widget's fonts: Inter, compiled in, rasterised for the screen's pixel density.
#pragma once

#include <string>

#include "imgui.h"

namespace likeloss {

struct Fonts {
    ImFont* body = nullptr;    // 15 px Regular: names, labels
    ImFont* small = nullptr;   // 12.5 px Regular: footer, small print
    ImFont* strong = nullptr;  // 15 px SemiBold: per-page figures
    ImFont* title = nullptr;   // 21 px SemiBold: title, money
    ImFont* big = nullptr;     // 46 px SemiBold, digits only: the headline counter
};

// A font in two weights, downloaded when a widget shows its letters: merged into the text fonts.
struct FontPair {
    const unsigned char* regular = nullptr;
    unsigned regular_size = 0;
    const unsigned char* bold = nullptr;
    unsigned bold_size = 0;
};
using ArabicFonts = FontPair;  // Noto Sans Arabic
using LatinFonts = FontPair;   // the rest of Latin-1 in Inter (assets/fonts/latin-glyphs.txt)

// Text that no bundled font can draw shows as this, never as a plausible '?'.
constexpr ImWchar kUndrawable = 0x25A1;  // WHITE SQUARE

// Replaces the atlas's fonts with ones for `scale` device pixels per CSS pixel. The renderer's
// font texture must be rebuilt afterwards.
Fonts build_fonts(ImFontAtlas& atlas, float scale, const ArabicFonts& arabic = {}, const LatinFonts& latin = {});

// Whether UTF-8 `text` holds a Latin-1 character the web build's compiled fonts lack (those of
// assets/fonts/latin-glyphs.txt), which a widget then fetches.
bool needs_more_latin(const std::string& text);

}  // namespace likeloss
