// The counter as a visitor sees it: headline, money, one row a page, chart, footer.
// Draws with Dear ImGui only, for a given size, scale and theme; knows no platform.
#pragma once

#include <string>
#include <vector>

#include "model/describe.hpp"
#include "fonts.hpp"
#include "model/model.hpp"
#include "params/options.hpp"
#include "text/messages.hpp"
#include "theme.hpp"

namespace likeloss {

// Logical text (as the catalogue and feeds give it) to what Dear ImGui can draw left to right:
// bidi-reordered and shaped for Arabic by the platform (src/shaping), or with its direction
// controls removed when no shaping is loaded. Called for every string drawn; the platform caches.
using Visual = std::string (*)(const std::string& logical, bool rtl);
std::string without_controls(const std::string& logical, bool rtl);  // the Visual with no shaping

struct CounterView {
    const Model* model = nullptr;
    const Words* words = &english_words();
    Visual visual = without_controls;
    Figures figures;
    Description description;  // the same figures in words: the footer uses it, the page mirrors it
    std::vector<SeriesPoint> series;
    Theme theme;
    Fonts fonts;
    float scale = 1.0f;       // device pixels per CSS pixel
    std::string data_label;   // where the figures come from, for the footer
    std::string notice;       // a problem to tell the visitor about, empty when none
    Layout layout = Layout::fit;  // fit: by the width, see layout_for
    bool interactive = true;  // a pointer may hover it (the canvas), or not (a picture of it)
};

// The layout that fits `css_width`: the full card from 300 px, compact rows below, a badge below 200.
Layout layout_for(Layout asked, float css_width);

struct Drawn {
    float height = 0;                  // what the content needs, in device pixels
    std::vector<std::string> tooltip;  // the open tooltip's paragraphs (logical text), if one is open
};

// Draws the whole counter in a window covering `size` (device pixels). The height lets the page
// size the canvas to fit; the tooltip's words let it tell what the pixels say.
Drawn draw_counter(const CounterView& view, ImVec2 size);

}  // namespace likeloss
