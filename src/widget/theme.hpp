// Colours of the widget. Defaults are a light card that sits in most blogs' sidebars.
#pragma once

#include <optional>

#include "params/color.hpp"
#include "params/options.hpp"
#include "imgui.h"

namespace likeloss {

struct Theme {
    Rgba bg{0xff, 0xff, 0xff, 0xff};
    Rgba fg{0x17, 0x20, 0x2a, 0xff};
    Rgba muted{0x5b, 0x66, 0x73, 0xff};  // 5.8:1 on white: small print stays readable
    Rgba accent{0xc8, 0x1e, 0x33, 0xff};  // the loss
    Rgba gain{0x1a, 0x7f, 0x37, 0xff};
    Rgba rule{0xe3, 0xe7, 0xec, 0xff};
};

// The theme asked for (light, dark, or the visitor's preference), then each colour the
// parameters set; `transparent` clears the background so the host page shows through.
Theme make_theme(const Look& look, bool prefers_dark);

// Tooltips in the widget's own colours rather than ImGui's debug look, sized for `scale`.
void style_tooltips(const Theme& theme, float scale);

ImU32 to_u32(Rgba c, float alpha = 1.0f);
ImVec4 to_vec4(Rgba c);

// A page's colour: its own from the feed, else one of a palette that tells neighbours apart.
Rgba page_color(const std::optional<Rgba>& own, std::size_t index);

}  // namespace likeloss
