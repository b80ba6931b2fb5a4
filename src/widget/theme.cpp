#include "theme.hpp"

namespace likeloss {

namespace {

Rgba mix(Rgba a, Rgba b, float t) {
    auto m = [&](std::uint8_t x, std::uint8_t y) { return static_cast<std::uint8_t>(x + (y - x) * t + 0.5f); };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}

}  // namespace

Theme make_theme(const Look& o, bool prefers_dark) {
    Theme t;
    const bool dark = o.theme == ThemeChoice::dark || (o.theme == ThemeChoice::automatic && prefers_dark);
    if (dark) {
        t.bg = {0x16, 0x1a, 0x1f, 0xff};
        t.fg = {0xe8, 0xec, 0xf0, 0xff};
        t.muted = {0xa3, 0xad, 0xb8, 0xff};
        t.accent = {0xff, 0x5f, 0x6d, 0xff};
        t.gain = {0x4c, 0xc4, 0x6d, 0xff};
        t.rule = {0x2e, 0x35, 0x3d, 0xff};
    }
    if (o.bg) t.bg = *o.bg;
    if (o.fg) t.fg = *o.fg;
    if (o.muted) t.muted = *o.muted;
    else if (o.fg || o.bg) t.muted = mix(t.fg, t.bg, 0.35f);
    if (o.accent) t.accent = *o.accent;
    if (o.fg || o.bg) t.rule = mix(t.bg, t.fg, 0.14f);
    if (o.transparent) t.bg.a = 0;
    return t;
}

void style_tooltips(const Theme& t, float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();  // the colours a tooltip uses are all set below: no colour scheme is needed
    style.WindowRounding = style.PopupRounding = 6;
    style.WindowPadding = ImVec2(10, 8);
    style.ScaleAllSizes(scale);
    style.Colors[ImGuiCol_PopupBg] = to_vec4(t.bg);
    style.Colors[ImGuiCol_Text] = to_vec4(t.fg);
    style.Colors[ImGuiCol_Border] = to_vec4(t.rule);
    style.Colors[ImGuiCol_Separator] = to_vec4(t.rule);
}

ImU32 to_u32(Rgba c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * alpha + 0.5f));
}

ImVec4 to_vec4(Rgba c) { return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f); }

Rgba page_color(const std::optional<Rgba>& own, std::size_t index) { return own ? *own : palette_color(index); }

}  // namespace likeloss
