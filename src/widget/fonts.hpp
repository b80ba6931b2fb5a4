// The widget's fonts: Inter, compiled in, rasterised for the screen's pixel density.
#pragma once

#include "imgui.h"

namespace likeloss {

struct Fonts {
    ImFont* body = nullptr;    // 15 px Regular: names, labels
    ImFont* small = nullptr;   // 12.5 px Regular: footer, small print
    ImFont* strong = nullptr;  // 15 px SemiBold: per-page figures
    ImFont* title = nullptr;   // 21 px SemiBold: title, money
    ImFont* big = nullptr;     // 46 px SemiBold, digits only: the headline counter
};

// Replaces the atlas's fonts with ones for `scale` device pixels per CSS pixel. The renderer's
// font texture must be rebuilt afterwards.
// Noto Sans Arabic, once a widget that shows Arabic has downloaded it: merged into the text fonts.
struct ArabicFonts {
    const unsigned char* regular = nullptr;
    unsigned regular_size = 0;
    const unsigned char* bold = nullptr;
    unsigned bold_size = 0;
};

// Text that no bundled font can draw shows as this, never as a plausible '?'.
constexpr ImWchar kUndrawable = 0x25A1;  // WHITE SQUARE

Fonts build_fonts(ImFontAtlas& atlas, float scale, const ArabicFonts& arabic = {});

}  // namespace likeloss
