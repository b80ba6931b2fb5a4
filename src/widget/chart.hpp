// The loss over time: one stacked band per page in its colour, the total as a line on top.
#pragma once

#include <vector>

#include "fonts.hpp"
#include "model/model.hpp"
#include "text/messages.hpp"
#include "theme.hpp"

namespace likeloss {

// Draws into the rectangle [min, max] of the current window; an item covers it for hovering.
// Returns the index in `series` of the instant under the pointer, or -1.
int draw_chart(const std::vector<SeriesPoint>& series, const std::vector<Rgba>& page_colors, const Theme& theme,
               const Fonts& fonts, float scale, ImVec2 min, ImVec2 max, const Words& words,
               std::string (*visual)(const std::string&, bool));

}  // namespace likeloss
