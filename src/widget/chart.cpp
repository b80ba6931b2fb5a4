#include "chart.hpp"

#include <algorithm>


namespace likeloss {

int draw_chart(const std::vector<SeriesPoint>& series, const std::vector<Rgba>& colors, const Theme& theme,
               const Fonts& fonts, float s, ImVec2 min, ImVec2 max, const Words& words,
               std::string (*visual)(const std::string&, bool)) {
    const bool rtl = words.locale->rtl;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (series.size() < 2) return -1;

    // Axes' labels take the bottom line and the left margin.
    ImGui::PushFont(fonts.small);
    const float label_h = ImGui::GetTextLineHeight();
    // Nothing lost: a flat line at zero, and no scale to label (a "1" would be invented).
    const std::int64_t highest = series_top(series);
    const std::int64_t top = highest > 0 ? highest : 1;
    const std::string top_label = highest > 0 ? words.count(top) : "";
    // Inset so the dots on the first and last instants are not cut by the edge.
    const ImVec2 plot_min(min.x + 4 * s, min.y + label_h * 0.5f);
    const ImVec2 plot_max(max.x - 4 * s, max.y - label_h - 4 * s);
    const Instant t0 = series.front().at, t1 = series.back().at;
    auto x_of = [&](Instant t) {
        return plot_min.x + (plot_max.x - plot_min.x) * static_cast<float>(t - t0) / static_cast<float>(t1 - t0);
    };
    auto y_of = [&](double v) { return plot_max.y - (plot_max.y - plot_min.y) * static_cast<float>(v / top); };

    // Grid: the top value and zero.
    if (highest > 0) dl->AddLine(ImVec2(plot_min.x, y_of(top)), ImVec2(plot_max.x, y_of(top)), to_u32(theme.rule), 1.0f * s);
    dl->AddLine(ImVec2(plot_min.x, plot_max.y), ImVec2(plot_max.x, plot_max.y), to_u32(theme.rule), 1.0f * s);

    // Bands, bottom to top, as quads between consecutive points (convex, so no triangulation).
    // Without anti-aliased fill, neighbouring quads meet without a hairline seam.
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    std::vector<double> below(series.size(), 0.0);
    for (std::size_t page = 0; page < colors.size(); ++page) {
        const ImU32 fill = to_u32(colors[page], 0.85f);
        for (std::size_t i = 0; i + 1 < series.size(); ++i) {
            const double a0 = below[i], b0 = below[i + 1];
            const double a1 = a0 + std::max<std::int64_t>(series[i].lost[page], 0);
            const double b1 = b0 + std::max<std::int64_t>(series[i + 1].lost[page], 0);
            const ImVec2 quad[4] = {ImVec2(x_of(series[i].at), y_of(a0)), ImVec2(x_of(series[i].at), y_of(a1)),
                                    ImVec2(x_of(series[i + 1].at), y_of(b1)), ImVec2(x_of(series[i + 1].at), y_of(b0))};
            dl->AddConvexPolyFilled(quad, 4, fill);
        }
        for (std::size_t i = 0; i < series.size(); ++i) below[i] += std::max<std::int64_t>(series[i].lost[page], 0);
    }
    dl->Flags = flags;
    // The net total, with a dot on every measured instant.
    std::vector<ImVec2> line;
    for (const SeriesPoint& p : series) line.push_back(ImVec2(x_of(p.at), y_of(static_cast<double>(p.total))));
    dl->AddPolyline(line.data(), static_cast<int>(line.size()), to_u32(theme.fg), 0, 2.0f * s);
    for (const ImVec2& p : line) dl->AddCircleFilled(p, 3.0f * s, to_u32(theme.fg));

    // Labels: the top value at the left, first and last dates under the axis.
    const ImU32 muted = to_u32(theme.muted);
    if (!top_label.empty()) dl->AddText(ImVec2(plot_min.x + 2 * s, y_of(top) + 2 * s), muted, top_label.c_str());
    const std::string first = visual(words.date(t0), rtl), last = visual(words.date(t1), rtl);
    dl->AddText(ImVec2(min.x, plot_max.y + 4 * s), muted, first.c_str());
    const float last_w = ImGui::CalcTextSize(last.c_str()).x;
    dl->AddText(ImVec2(max.x - last_w, plot_max.y + 4 * s), muted, last.c_str());
    ImGui::PopFont();

    // Hovering the chart rings the nearest measured instant (the caller explains it).
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("chart", ImVec2(max.x - min.x, max.y - min.y));
    if (!ImGui::IsItemHovered()) return -1;
    const float mx = ImGui::GetIO().MousePos.x;
    std::size_t near = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        if (std::abs(line[i].x - mx) < std::abs(line[near].x - mx)) near = i;
    dl->AddCircle(line[near], 6.0f * s, to_u32(theme.accent), 0, 2.0f * s);
    return static_cast<int>(near);
}

}  // namespace likeloss
