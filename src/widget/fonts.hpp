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
Fonts build_fonts(ImFontAtlas& atlas, float scale);

}  // namespace likeloss
