#include "counter.hpp"

#include <algorithm>

#include "chart.hpp"
#include "model/describe.hpp"
#include "text/format.hpp"

namespace likeloss {
namespace {

void text(ImFont* font, Rgba color, const std::string& t) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(color));
    ImGui::TextUnformatted(t.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

float text_width(ImFont* font, const std::string& t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, t.c_str()).x;
}

void wrapped(ImFont* font, Rgba color, const std::string& t, float right) {
    ImGui::PushTextWrapPos(right);
    text(font, color, t);
    ImGui::PopTextWrapPos();
}

void provenance_lines(const Provenance& p) {
    ImGui::Text("Status: %s", status_name(p.status));
    if (!p.source.empty()) ImGui::Text("Source: %s", p.source.c_str());
    if (!p.note.empty()) ImGui::TextUnformatted(p.note.c_str());
}

// A hover (or a tap, which moves the pointer there) on the last item explains where it comes from.
// Where the open tooltip ends, so a small widget (the badge) can grow to show all of it.
float tooltip_bottom = 0;

template <typename Body>
void explain(const CounterView& v, Body body) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::PushFont(v.fonts.small);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    body();
    ImGui::PopTextWrapPos();
    tooltip_bottom = std::max(tooltip_bottom, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    ImGui::EndTooltip();
    ImGui::PopFont();
}

// `t` cut with an ellipsis to fit `width`.
std::string fitted(ImFont* font, const std::string& t, float width) {
    if (text_width(font, t) <= width) return t;
    std::string cut = t;
    while (!cut.empty()) {
        do cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80);  // whole UTF-8 characters
        if (!cut.empty()) cut.pop_back();
        if (text_width(font, cut + "\xE2\x80\xA6") <= width) return cut + "\xE2\x80\xA6";
    }
    return "\xE2\x80\xA6";
}

void explain_money(const CounterView& v) {
    const Money& m = v.model->feed().money;
    explain(v, [&] {
        ImGui::Text("1 %s = %s", one_unit(v.model->feed()).c_str(),
                    format_money(m.per_unit.value, m.currency).c_str());
        provenance_lines(m.per_unit.provenance);
        for (const Rate& r : m.rates) {
            ImGui::Separator();
            ImGui::Text("1 %s = %s %s", m.currency.c_str(), format_number(r.per_base.value).c_str(), r.currency.c_str());
            provenance_lines(r.per_base.provenance);
        }
    });
}

void rule_line(const CounterView& v, float x0, float x1) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, p.y), ImVec2(x1, p.y), to_u32(v.theme.rule), 1.0f * v.scale);
    ImGui::Dummy(ImVec2(0, 1.0f * v.scale));
}

void page_cell(const CounterView& v, const PageFigures& p, std::size_t index, float max_percent, float x, float w,
               bool detailed) {
    const float s = v.scale;
    const Rgba color = page_color(p.page->color, index);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y = ImGui::GetCursorPosY();

    // ● Name ............ 187,680
    const float dot = 5.0f * s;
    ImGui::PushFont(v.fonts.body);
    const float line_h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    dl->AddCircleFilled(ImVec2(x + dot, y + line_h * 0.5f), dot, to_u32(color));
    const bool gain = p.gained > 0;
    const std::string figure = change_figure(p.lost, p.gained);
    const float figure_w = text_width(v.fonts.strong, figure);
    const float name_x = x + dot * 2 + 6 * s;
    ImGui::SetCursorPos(ImVec2(name_x, y));
    text(v.fonts.body, v.theme.fg, fitted(v.fonts.body, p.page->name, x + w - figure_w - 8 * s - name_x));
    ImGui::SetCursorPos(ImVec2(x + w - figure_w, y));
    text(v.fonts.strong, gain ? v.theme.gain : v.theme.fg, figure);
    explain(v, [&] {
        const Measurement& m = *p.last;
        ImGui::Text("%s, %s", p.page->name.c_str(), format_date_time(m.at).c_str());
        ImGui::Text("%s %s: %s", unit_name(p.page->unit), gain ? "gained" : "lost",
                    format_count(gain ? p.gained : p.lost).c_str());
        if (p.estimate) ImGui::TextUnformatted("An estimate between measurements.");
        provenance_lines(m.provenance);
    });

    if (!detailed) {  // compact: the name and the figure only
        ImGui::SetCursorPos(ImVec2(x, y + line_h + 2 * s));
        return;
    }
    // The bar: this page's share of loss against the worst-hit page.
    const float bar_y = y + line_h + 5 * s;
    const float bar_h = 6.0f * s;
    dl->AddRectFilled(ImVec2(x, bar_y), ImVec2(x + w, bar_y + bar_h), to_u32(v.theme.rule), bar_h * 0.5f);
    const float frac = max_percent > 0 ? static_cast<float>(p.percent) / max_percent : 0.0f;
    if (frac > 0)
        dl->AddRectFilled(ImVec2(x, bar_y), ImVec2(x + std::max(bar_h, w * frac), bar_y + bar_h), to_u32(color),
                          bar_h * 0.5f);

    // 7.67% of 2,447,581 · 563,040 MAD
    ImGui::SetCursorPos(ImVec2(x, bar_y + bar_h + 4 * s));
    const Feed& feed = v.model->feed();
    text(v.fonts.small, v.theme.muted,
         format_percent(p.percent) + " of " + format_count(p.page->baseline.count) + " \xC2\xB7 " +
             format_money(p.value, feed.money.currency));
    explain(v, [&] {
        ImGui::Text("Baseline, %s: %s %s", format_date_time(p.page->baseline.at).c_str(),
                    format_count(p.page->baseline.count).c_str(), unit_name(p.page->unit));
        provenance_lines(p.page->baseline.provenance);
    });
}

}  // namespace

Layout layout_for(Layout asked, float css_width) {
    if (asked != Layout::fit) return asked;
    return css_width >= 300 ? Layout::full : css_width >= 200 ? Layout::compact : Layout::badge;
}

float draw_counter(const CounterView& v, ImVec2 size) {
    const float s = v.scale;
    const Layout layout = layout_for(v.layout, size.x / s);
    const bool full = layout == Layout::full, badge = layout == Layout::badge;
    const float pad = (badge ? 10.0f : 18.0f) * s;
    const float w = size.x - 2 * pad;
    const float right = pad + w;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * s, 2 * s));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##likeloss", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();  // Begin has read it; tooltips keep their own padding
    ImGui::SetCursorPos(ImVec2(pad, pad));
    tooltip_bottom = 0;

    if (!v.model) {  // nothing to count yet: say why, in place of the figures
        wrapped(v.fonts.body, v.theme.fg, v.notice.empty() ? "No figures to show." : v.notice, right);
        const float h = ImGui::GetCursorPosY() + pad;
        ImGui::End();
        ImGui::PopStyleVar();
        return h;
    }
    const Feed& feed = v.model->feed();
    const Figures& f = v.figures;
    if (!v.notice.empty()) {
        ImGui::SetCursorPosX(pad);
        wrapped(v.fonts.small, v.theme.accent, v.notice, right);
        ImGui::Dummy(ImVec2(0, 4 * s));
    }

    // Title and what is counted.
    ImGui::SetCursorPosX(pad);
    wrapped(badge || w / s < 300 ? v.fonts.strong : v.fonts.title, v.theme.fg, feed.campaign.title, right);
    explain(v, [&] {
        if (!feed.campaign.note.empty()) ImGui::TextUnformatted(feed.campaign.note.c_str());
        if (!feed.campaign.url.empty()) ImGui::Text("More: %s", feed.campaign.url.c_str());
    });
    const char* word = audience_word(feed);
    ImGui::SetCursorPosX(pad);
    wrapped(badge ? v.fonts.small : v.fonts.body, v.theme.muted,
            std::string("Facebook ") + word + (f.gained > 0 ? " gained" : " lost") + " since " +
                (badge ? format_date(feed.campaign.since) : format_date_time(feed.campaign.since)),
            right);
    ImGui::Dummy(ImVec2(0, (badge ? 2 : 6) * s));

    // The headline counter.
    const bool gain = f.gained > 0;
    const std::string headline = format_count(gain ? f.gained : f.lost);
    ImGui::SetCursorPosX(pad);
    const float big_y = ImGui::GetCursorPosY();
    ImFont* big = text_width(v.fonts.big, headline) > w * (badge ? 0.7f : 0.95f) ? v.fonts.title : v.fonts.big;
    text(big, gain ? v.theme.gain : v.theme.accent, headline);
    explain(v, [&] {
        ImGui::Text("Net over %zu pages: %s at the baseline, %s %s.", feed.pages.size(),
                    format_count(f.baseline).c_str(), format_count(gain ? f.gained : f.lost).c_str(),
                    gain ? "gained" : "lost");
        ImGui::TextUnformatted("Status: derived, the sum of the pages' figures below; hover one for its source.");
        ImGui::Text(f.estimate ? "Estimated from measurements up to %s." : "Measured %s.",
                    format_date_time(f.measured_at).c_str());
    });
    const float big_h = ImGui::GetCursorPosY() - big_y;
    const std::string unit_label = std::string(word) + (gain ? " gained" : " lost") + (f.estimate ? " (estimate)" : "");
    const float big_w = text_width(big, headline);
    if (pad + big_w + 10 * s + text_width(v.fonts.body, unit_label) <= right) {
        ImGui::SetCursorPos(ImVec2(pad + big_w + 10 * s, big_y + big_h - v.fonts.body->FontSize * 1.6f));
        text(v.fonts.body, v.theme.muted, unit_label);
        ImGui::SetCursorPosY(big_y + big_h);
    } else {
        ImGui::SetCursorPosX(pad);
        text(v.fonts.body, v.theme.muted, unit_label);
    }

    // Money, then the share and speed.
    ImGui::SetCursorPosX(pad);
    ImFont* money_font = badge ? v.fonts.strong : v.fonts.title;
    text(money_font, v.theme.fg, format_money(f.money[0].value, f.money[0].currency));
    explain_money(v);
    for (std::size_t i = 1; i < f.money.size() && !(badge && i > 1); ++i) {
        const std::string other = "\xE2\x89\x88 " + format_money(f.money[i].value, f.money[i].currency);
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + text_width(v.fonts.body, other) <= right) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (money_font->FontSize - v.fonts.body->FontSize) * 0.7f);
        } else {  // no room beside it: on a line of its own
            ImGui::NewLine();
            ImGui::SetCursorPosX(pad);
        }
        text(v.fonts.body, v.theme.muted, other);
        explain_money(v);
    }
    if (badge) {  // the badge: the figure, its worth, and how likes become money
        ImGui::SetCursorPosX(pad);
        wrapped(v.fonts.small, v.theme.muted, v.description.method, right);
        explain_money(v);
        // A badge is too small for its sources: while one is shown, it asks for room for it.
        const float badge_h = std::max(ImGui::GetCursorPosY() + pad - 2 * s, tooltip_bottom > 0 ? tooltip_bottom + 4 * s : 0.0f);
        ImGui::End();
        ImGui::PopStyleVar();
        return badge_h;
    }
    std::string share = format_percent(f.percent) + " of " + format_count(f.baseline) + " " + word;
    if (f.loss_per_minute > 0.05)
        share += " \xC2\xB7 losing " + format_rate(f.loss_per_minute) + " " + word + " a minute " +
                 (f.estimate ? "now" : "at the last measurement");
    if (full) {
        ImGui::SetCursorPosX(pad);
        wrapped(v.fonts.small, v.theme.muted, share, right);
        explain(v, [&] {
            ImGui::TextUnformatted("Status: derived. The share is the net loss over the sum of the pages' baselines; "
                                   "the speed is the change between the two measurements around this instant.");
        });
    }
    ImGui::Dummy(ImVec2(0, (full ? 10 : 6) * s));
    ImGui::SetCursorPosX(pad);
    rule_line(v, pad, right);
    ImGui::Dummy(ImVec2(0, (full ? 10 : 6) * s));

    // One cell a page: in columns when there is room, else one under another.
    const std::size_t n = f.pages.size();
    const std::size_t cols = full ? std::min<std::size_t>(n, w / s >= 560 ? 3 : (w / s >= 380 ? 2 : 1)) : 1;
    const float gap = 22.0f * s;
    const float col_w = (w - gap * (cols - 1)) / cols;
    float max_percent = 0;
    for (const PageFigures& p : f.pages) max_percent = std::max(max_percent, static_cast<float>(p.percent));
    for (std::size_t row = 0; row * cols < n; ++row) {
        const float y = ImGui::GetCursorPosY();
        float bottom = y;
        for (std::size_t c = 0; c < cols && row * cols + c < n; ++c) {
            const std::size_t i = row * cols + c;
            ImGui::SetCursorPosY(y);
            page_cell(v, f.pages[i], i, max_percent, pad + c * (col_w + gap), col_w, full);
            bottom = std::max(bottom, ImGui::GetCursorPosY());
        }
        ImGui::SetCursorPosY(bottom + (full ? 12 : 4) * s);
    }

    // The chart.
    if (full && v.series.size() >= 2) {
        ImGui::SetCursorPosX(pad);
        text(v.fonts.small, v.theme.muted, std::string("Net ") + word + " lost over time, at each measurement");
        const float chart_h = std::clamp(w * 0.28f, 110.0f * s, 190.0f * s);
        const float chart_y = ImGui::GetCursorPosY() + 4 * s;  // the window sits at the origin
        std::vector<Rgba> colors;
        for (std::size_t i = 0; i < feed.pages.size(); ++i) colors.push_back(page_color(feed.pages[i].color, i));
        draw_chart(v.series, colors, v.theme, v.fonts, s, ImVec2(pad, chart_y), ImVec2(right, chart_y + chart_h));
        ImGui::SetCursorPos(ImVec2(pad, chart_y + chart_h + 10 * s));
    }

    // Footer: when, from where, and how likes become money.
    ImGui::SetCursorPosX(pad);
    rule_line(v, pad, right);
    ImGui::Dummy(ImVec2(0, 6 * s));
    const Description& d = v.description;
    ImGui::SetCursorPosX(pad);
    wrapped(v.fonts.small, v.theme.muted, d.measured + " Data: " + v.data_label + ".", right);
    ImGui::SetCursorPosX(pad);
    wrapped(v.fonts.small, v.theme.muted, "How likes become money: " + d.method, right);
    explain_money(v);
    if (full) {
        ImGui::SetCursorPosX(pad);
        wrapped(v.fonts.small, v.theme.muted, "Hover or tap a figure to see its source.", right);
    }

    const float content_h = ImGui::GetCursorPosY() + pad - 2 * s;
    ImGui::End();
    ImGui::PopStyleVar();
    return content_h;
}

}  // namespace likeloss
