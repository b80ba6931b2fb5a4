#include "counter.hpp"

#include <algorithm>

#include "chart.hpp"
#include "model/describe.hpp"
#include "text/script.hpp"
#include "text/text.hpp"

namespace likeloss {

std::string without_controls(const std::string& logical, bool) { return strip_bidi_controls(logical); }

namespace {

// The view being drawn: its words, its direction and its way to make text drawable.
const CounterView* view = nullptr;
bool rtl() { return view->words->locale->rtl; }
std::string shown(const std::string& logical) { return view->visual(logical, rtl()); }
const Words& words() { return *view->words; }

float width_of(ImFont* font, const std::string& drawn) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, drawn.c_str()).x;
}

void text(ImFont* font, Rgba color, const std::string& drawn) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(color));
    ImGui::TextUnformatted(drawn.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// One line of logical text at the start of [x0, x1]: the left edge, or the right one in a
// right-to-left language.
void line_at(ImFont* font, Rgba color, const std::string& drawn, float x0, float x1) {
    ImGui::SetCursorPosX(rtl() ? std::max(x0, x1 - width_of(font, drawn)) : x0);
    text(font, color, drawn);
}

// A paragraph broken into lines at spaces, in logical order (so a right-to-left paragraph's first
// words are on its first line).
std::vector<std::string> wrapped(ImFont* font, const std::string& logical, float width) {
    const float space = width_of(font, " ");
    std::vector<std::string> lines(1);
    float used = 0;
    std::size_t start = 0;
    while (start <= logical.size()) {
        std::size_t end = logical.find(' ', start);
        if (end == std::string::npos) end = logical.size();
        const std::string word = logical.substr(start, end - start);
        const float w = width_of(font, shown(word));
        if (!lines.back().empty() && used + space + w > width) {
            lines.emplace_back();
            used = 0;
        }
        used += (lines.back().empty() ? 0 : space) + w;
        lines.back() += (lines.back().empty() ? "" : " ") + word;
        start = end + 1;
    }
    return lines;
}

// `logical` made drawable and cut with an ellipsis to fit `width` (the cut is made on the logical
// text, so a right-to-left name keeps its beginning).
std::string fitted(ImFont* font, const std::string& logical, float width) {
    std::string drawn = shown(logical);
    if (width_of(font, drawn) <= width) return drawn;
    std::string cut = logical;
    while (!cut.empty()) {
        do cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80);  // whole UTF-8 characters
        if (!cut.empty()) cut.pop_back();
        drawn = shown(cut + "\xE2\x80\xA6");
        if (width_of(font, drawn) <= width) return drawn;
    }
    return "\xE2\x80\xA6";
}

// Lines of a paragraph, each made drawable and placed at the start edge of [x0, x1] (a word longer
// than the line is cut with an ellipsis, never by the card's edge). One item for ImGui, so a
// tooltip can explain all of it.
void lines_at(ImFont* font, Rgba color, const std::vector<std::string>& lines, float x0, float x1) {
    ImGui::BeginGroup();
    std::string carried;  // the isolates a line leaves open, closed there and opened again on the next
    for (const std::string& l : lines) {
        const std::string line = carried + l;
        carried = open_isolates(line);
        line_at(font, color, fitted(font, line + close_isolates(carried), x1 - x0), x0, x1);
    }
    ImGui::EndGroup();
}

void paragraph(ImFont* font, Rgba color, const std::string& logical, float x0, float x1) {
    lines_at(font, color, wrapped(font, logical, x1 - x0), x0, x1);
}

// A tooltip's paragraphs, gathered while its body runs and laid out once all are known: it is as
// wide as its widest line (28 ems at most), and right to left every line ends at its right edge.
std::vector<std::string>* tips = nullptr;
const char* const kTipBreak = "\n";  // a rule between two groups of lines

void tip(const std::string& logical) { tips->push_back(logical); }
void tip_break() { tips->push_back(kTipBreak); }

void lay_out_tips(const std::vector<std::string>& paragraphs) {
    ImFont* font = ImGui::GetFont();
    const float x0 = ImGui::GetCursorPosX(), most = ImGui::GetFontSize() * 28;
    std::vector<std::vector<std::string>> laid;
    float widest = 0;
    for (const std::string& p : paragraphs) {
        laid.push_back(p == kTipBreak ? std::vector<std::string>{} : wrapped(font, p, most));
        for (const std::string& l : laid.back()) widest = std::max(widest, width_of(font, shown(l)));
    }
    for (const auto& lines : laid) {
        if (lines.empty())
            ImGui::Separator();
        else
            lines_at(font, view->theme.fg, lines, x0, x0 + std::min(widest, most));
    }
}

void provenance_lines(const Provenance& p) {
    tip(words().say(Msg::tip_status, {words().say(status_message(p.status))}));
    if (!p.source.empty()) tip(words().say(Msg::tip_source, {isolate(p.source)}));
    if (!p.note.empty()) tip(isolate(p.note));
}

// A hover (or a tap, which moves the pointer there) on the last item explains where it comes from.
// Where the open tooltip ends, so a small widget (the badge) can grow to show all of it, and
// what it says, for the page.
float tooltip_bottom = 0;
std::vector<std::string> tooltip_said;

template <typename Body>
void explain(const CounterView& v, Body body) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::PushFont(v.fonts.small);
    ImGui::BeginTooltip();
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(v.theme.fg));
    std::vector<std::string> said;
    tips = &said;
    body();
    tips = nullptr;
    lay_out_tips(said);
    for (std::string& p : said)
        if (p != kTipBreak) tooltip_said.push_back(std::move(p));
    ImGui::PopStyleColor();
    tooltip_bottom = std::max(tooltip_bottom, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    ImGui::EndTooltip();
    ImGui::PopFont();
}

void explain_money(const CounterView& v) {
    const Feed& feed = v.model->feed();
    explain(v, [&] {
        tip(unit_value(feed, words()));
        provenance_lines(feed.money.per_unit.provenance);
        for (const Rate& r : feed.money.rates) {
            tip_break();
            tip(rate_value(feed, r, words()));
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
    const Words& wd = words();
    const Rgba color = page_color(p.page->color, index);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y = ImGui::GetCursorPosY();
    const bool r = rtl();

    // ● Name ............ 187,680   (mirrored in a right-to-left language: 187,680 ...... Name ●)
    const float dot = 5.0f * s;
    ImGui::PushFont(v.fonts.body);
    const float line_h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    dl->AddCircleFilled(ImVec2(r ? x + w - dot : x + dot, y + line_h * 0.5f), dot, to_u32(color));
    const bool gain = p.gained > 0;
    const std::string figure = change_figure(p.lost, p.gained, wd);
    const float figure_w = width_of(v.fonts.strong, figure);
    const float name_room = w - figure_w - 8 * s - dot * 2 - 6 * s;
    const std::string name = fitted(v.fonts.body, isolate(p.page->name), name_room);
    const float name_x = r ? x + w - dot * 2 - 6 * s - width_of(v.fonts.body, name) : x + dot * 2 + 6 * s;
    ImGui::SetCursorPos(ImVec2(name_x, y));
    text(v.fonts.body, v.theme.fg, name);
    ImGui::SetCursorPos(ImVec2(r ? x : x + w - figure_w, y));
    text(v.fonts.strong, gain ? v.theme.gain : v.theme.fg, figure);
    explain(v, [&] {
        const Measurement& m = *p.last;
        tip(wd.say(Msg::list, {isolate(p.page->name), wd.date_time(m.at)}));
        const std::int64_t n = gain ? p.gained : p.lost;
        tip(wd.say(changed(audience_of(*p.page), gain), {Arg(wd.count(n), static_cast<double>(n))}));
        if (p.estimate) tip(wd.say(Msg::tip_estimate));
        provenance_lines(m.provenance);
    });

    if (!detailed) {  // compact: the name and the figure only
        ImGui::SetCursorPos(ImVec2(x, y + line_h + 2 * s));
        return;
    }
    // The bar: this page's share of loss against the worst-hit page, from the start edge.
    const float bar_y = y + line_h + 5 * s;
    const float bar_h = 6.0f * s;
    dl->AddRectFilled(ImVec2(x, bar_y), ImVec2(x + w, bar_y + bar_h), to_u32(v.theme.rule), bar_h * 0.5f);
    const float frac = max_percent > 0 ? static_cast<float>(p.percent) / max_percent : 0.0f;
    if (frac > 0) {
        const float len = std::max(bar_h, w * frac);
        dl->AddRectFilled(ImVec2(r ? x + w - len : x, bar_y), ImVec2(r ? x + w : x + len, bar_y + bar_h),
                          to_u32(color), bar_h * 0.5f);
    }

    // 7.67% of 2,447,581 · 563,040 MAD
    ImGui::SetCursorPosY(bar_y + bar_h + 4 * s);
    const Feed& feed = v.model->feed();
    line_at(v.fonts.small, v.theme.muted,
            shown(wd.say(Msg::share, {wd.percent(p.percent), wd.count(p.page->baseline.count)}) + " \xC2\xB7 " +
                  wd.money(p.value, feed.money.currency)),
            x, x + w);
    explain(v, [&] {
        tip(wd.say(Msg::tip_baseline, {wd.date_time(p.page->baseline.at),
                                       wd.say(counted(audience_of(*p.page)), {Arg(wd.count(p.page->baseline.count),
                                                                              static_cast<double>(p.page->baseline.count))})}));
        provenance_lines(p.page->baseline.provenance);
    });
}

// An instant of the chart: the net total then, and each page measured then with the source of that
// measurement (said once for pages that share it, as the pages of one Graph API run do).
void explain_instant(const CounterView& v, const SeriesPoint& point) {
    explain(v, [&] {
        const Words& wd = words();
        tip(wd.say(Msg::chart_tip, {wd.date_time(point.at), wd.count(point.total)}));
        const Provenance* pending = nullptr;
        for (const Page& p : v.model->feed().pages) {
            const Measurement* m = p.baseline.at == point.at ? &p.baseline : nullptr;
            for (const Measurement& sample : p.samples)
                if (sample.at == point.at) m = &sample;
            if (!m) continue;
            const Provenance& pr = m->provenance;
            if (pending && (pending->status != pr.status || pending->source != pr.source || pending->note != pr.note))
                provenance_lines(*pending);
            if (!pending) tip_break();
            pending = &pr;
            tip(wd.say(Msg::list, {isolate(p.name), wd.say(counted(audience_of(p)),
                                                             {Arg(wd.count(m->count), static_cast<double>(m->count))})}));
        }
        if (pending) provenance_lines(*pending);
    });
}

// What a plural message says of a count drawn elsewhere: "likes lost" beside a big "187,680".
std::string without_number(Msg id, std::int64_t n) {
    return trim(words().say(id, {Arg("", static_cast<double>(n))}));
}

// The narrowest place (CSS px) a layout asked for is drawn in without cutting a figure.
float narrowest(Layout layout) {
    return layout == Layout::full ? 240.0f : layout == Layout::compact ? 150.0f : 0.0f;
}

}  // namespace

Layout layout_for(Layout asked, float css_width) {
    if (asked == Layout::fit) return css_width >= 300 ? Layout::full : css_width >= 200 ? Layout::compact : Layout::badge;
    if (css_width >= narrowest(asked)) return asked;
    return asked == Layout::full ? layout_for(Layout::fit, css_width) : Layout::badge;  // never a clipped figure
}

Drawn draw_counter(const CounterView& v, ImVec2 size) {
    view = &v;
    const Words& wd = words();
    const bool r = rtl();
    const float s = v.scale;
    const Layout layout = layout_for(v.layout, size.x / s);
    std::string notice = v.notice;
    if (v.layout != Layout::fit && layout != v.layout) {  // asked for, too wide for its place: said in small print
        const std::string why = wd.say(Msg::ignored, {"layout", wd.say(Msg::layout_narrow, {wd.count(static_cast<std::int64_t>(narrowest(v.layout)))})});
        notice = notice.empty() ? why : notice + " " + why;
    }
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
    tooltip_said.clear();

    if (!v.model) {  // nothing to count yet: say why, in place of the figures
        paragraph(v.fonts.body, v.theme.fg, notice.empty() ? wd.say(Msg::no_figures) : notice, pad, right);
        const float h = ImGui::GetCursorPosY() + pad;
        ImGui::End();
        ImGui::PopStyleVar();
        return {h, {}};
    }
    const Feed& feed = v.model->feed();
    const Figures& f = v.figures;
    const Audience audience = audience_of(feed);
    if (!notice.empty()) {
        paragraph(v.fonts.small, v.theme.accent, notice, pad, right);
        ImGui::Dummy(ImVec2(0, 4 * s));
    }

    // Title and what is counted.
    paragraph(badge || w / s < 300 ? v.fonts.strong : v.fonts.title, v.theme.fg, isolate(feed.campaign.title), pad, right);
    explain(v, [&] {
        if (!feed.campaign.note.empty()) tip(isolate(feed.campaign.note));
        if (!feed.campaign.url.empty()) tip(wd.say(Msg::tip_more, {isolate(feed.campaign.url)}));
    });
    const bool gain = f.gained > 0;
    paragraph(badge ? v.fonts.small : v.fonts.body, v.theme.muted,
              wd.say(gain ? Msg::since_gained : Msg::since_lost,
                     {wd.say(noun(audience)), badge ? wd.date(feed.campaign.since) : wd.date_time(feed.campaign.since)}),
              pad, right);
    ImGui::Dummy(ImVec2(0, (badge ? 2 : 6) * s));

    // The headline counter, and what it counts beside it (on its left in a right-to-left language).
    const std::int64_t total = gain ? f.gained : f.lost;
    const std::string headline = wd.count(total);
    const float big_y = ImGui::GetCursorPosY();
    // The biggest font it fits in: a figure is never cut.
    ImFont* big = width_of(v.fonts.big, headline) <= w * (badge ? 0.7f : 0.95f) ? v.fonts.big
                  : width_of(v.fonts.title, headline) <= w                    ? v.fonts.title
                                                                              : v.fonts.strong;
    const float big_w = width_of(big, headline);
    ImGui::SetCursorPosX(r ? right - big_w : pad);
    text(big, gain ? v.theme.gain : v.theme.accent, headline);
    explain(v, [&] {
        tip(wd.say(Msg::tip_net, {wd.say(Msg::pages, {Arg(wd.count(static_cast<std::int64_t>(feed.pages.size())),
                                                             static_cast<double>(feed.pages.size()))}),
                                  wd.count(f.baseline),
                                  wd.say(changed(audience, gain), {Arg(wd.count(total), static_cast<double>(total))})}));
        tip(wd.say(Msg::tip_sum));
        tip(wd.say(f.estimate ? Msg::tip_estimated_from : Msg::tip_measured, {wd.date_time(f.measured_at)}));
    });
    const float big_h = ImGui::GetCursorPosY() - big_y;
    std::string unit_label = without_number(changed(audience, gain), total);
    if (f.estimate) unit_label = wd.say(Msg::estimate_note, {unit_label});
    const std::string label = shown(unit_label);
    const float label_w = width_of(v.fonts.body, label);
    if (big_w + 10 * s + label_w <= w) {
        ImGui::SetCursorPos(ImVec2(r ? right - big_w - 10 * s - label_w : pad + big_w + 10 * s,
                                   big_y + big_h - v.fonts.body->FontSize * 1.6f));
        text(v.fonts.body, v.theme.muted, label);
        ImGui::SetCursorPosY(big_y + big_h);
    } else {
        line_at(v.fonts.body, v.theme.muted, label, pad, right);
    }

    // Money, then the share and speed: in the biggest font it fits in, else broken at its space.
    const std::string money_logical = wd.money(f.money[0].value, f.money[0].currency);
    const std::string money = shown(money_logical);
    ImFont* money_font = badge ? v.fonts.strong : v.fonts.title;
    for (ImFont* smaller : {v.fonts.strong, v.fonts.small})
        if (width_of(money_font, money) > w) money_font = smaller;
    const float money_y = ImGui::GetCursorPosY();
    float edge = r ? right - width_of(money_font, money) : pad + width_of(money_font, money);  // where the next goes
    if (width_of(money_font, money) <= w) {
        ImGui::SetCursorPosX(r ? edge : pad);
        text(money_font, v.theme.fg, money);
    } else {
        paragraph(money_font, v.theme.fg, money_logical, pad, right);
        edge = r ? pad : right;  // nothing beside it
    }
    explain_money(v);
    float line_y = money_y;
    for (std::size_t i = 1; i < f.money.size() && !(badge && i > 1); ++i) {
        const std::string other = shown("\xE2\x89\x88 " + wd.money(f.money[i].value, f.money[i].currency));
        const float other_w = width_of(v.fonts.body, other), gap = 6 * s;
        const bool fits = r ? edge - gap - other_w >= pad : edge + gap + other_w <= right;
        if (fits) {  // beside the figure before it, on its baseline
            ImGui::SetCursorPos(ImVec2(r ? edge - gap - other_w : edge + gap,
                                       line_y + (money_font->FontSize - v.fonts.body->FontSize) * 0.7f));
            edge = r ? edge - gap - other_w : edge + gap + other_w;
        } else {  // no room beside it: on a line of its own
            line_y = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(r ? right - other_w : pad, line_y));
            edge = r ? right - other_w : pad + other_w;
        }
        text(v.fonts.body, v.theme.muted, other);
        explain_money(v);
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), money_y + money_font->FontSize * 1.2f));
    if (badge) {  // the badge: the figure, its worth, and how likes become money
        paragraph(v.fonts.small, v.theme.muted, v.description.method, pad, right);
        explain_money(v);
        // A badge is too small for its sources: while one is shown, it asks for room for it.
        const float badge_h = std::max(ImGui::GetCursorPosY() + pad - 2 * s, tooltip_bottom > 0 ? tooltip_bottom + 4 * s : 0.0f);
        ImGui::End();
        ImGui::PopStyleVar();
        return {badge_h, std::move(tooltip_said)};
    }
    std::string share = wd.say(Msg::share, {wd.percent(f.percent), wd.say(counted(audience), {Arg(wd.count(f.baseline),
                                                                                               static_cast<double>(f.baseline))})});
    if (f.loss_per_minute > 0.05)
        share += " \xC2\xB7 " + wd.say(f.estimate ? Msg::losing_now : Msg::losing_then,
                                      {wd.say(counted(audience), {Arg(wd.rate(f.loss_per_minute), f.loss_per_minute)})});
    if (full) {
        paragraph(v.fonts.small, v.theme.muted, share, pad, right);
        explain(v, [&] { tip(wd.say(Msg::tip_share)); });
    }
    ImGui::Dummy(ImVec2(0, (full ? 10 : 6) * s));
    ImGui::SetCursorPosX(pad);
    rule_line(v, pad, right);
    ImGui::Dummy(ImVec2(0, (full ? 10 : 6) * s));

    // One cell a page: in columns when there is room, else one under another (from the right in a
    // right-to-left language).
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
            const std::size_t column = r ? cols - 1 - c : c;
            ImGui::SetCursorPosY(y);
            page_cell(v, f.pages[i], i, max_percent, pad + column * (col_w + gap), col_w, full);
            bottom = std::max(bottom, ImGui::GetCursorPosY());
        }
        ImGui::SetCursorPosY(bottom + (full ? 12 : 4) * s);
    }

    // The chart. Time runs left to right in every language, as in the charts of Arabic-language
    // news (Al Jazeera's, BBC Arabic's): a time axis follows the figures' own direction.
    if (full && v.series.size() >= 2) {
        line_at(v.fonts.small, v.theme.muted, shown(wd.say(Msg::chart_title, {wd.say(noun(audience))})), pad, right);
        const float chart_h = std::clamp(w * 0.28f, 110.0f * s, 190.0f * s);
        const float chart_y = ImGui::GetCursorPosY() + 4 * s;  // the window sits at the origin
        std::vector<Rgba> colors;
        for (std::size_t i = 0; i < feed.pages.size(); ++i) colors.push_back(page_color(feed.pages[i].color, i));
        const int hovered = draw_chart(v.series, colors, v.theme, v.fonts, s, ImVec2(pad, chart_y),
                                       ImVec2(right, chart_y + chart_h), wd, v.visual);
        if (hovered >= 0) explain_instant(v, v.series[static_cast<std::size_t>(hovered)]);
        ImGui::SetCursorPos(ImVec2(pad, chart_y + chart_h + 10 * s));
    }

    // Footer: when, from where, and how likes become money.
    ImGui::SetCursorPosX(pad);
    rule_line(v, pad, right);
    ImGui::Dummy(ImVec2(0, 6 * s));
    const Description& d = v.description;
    paragraph(v.fonts.small, v.theme.muted, d.measured + " " + wd.say(Msg::data_from, {isolate(v.data_label)}), pad, right);
    paragraph(v.fonts.small, v.theme.muted, wd.say(Msg::how_money, {wd.say(noun(audience)), d.method}), pad, right);
    explain_money(v);
    if (full && v.interactive) paragraph(v.fonts.small, v.theme.muted, wd.say(Msg::hover_hint), pad, right);

    const float content_h = ImGui::GetCursorPosY() + pad - 2 * s;
    ImGui::End();
    ImGui::PopStyleVar();
    return {content_h, std::move(tooltip_said)};
}

}  // namespace likeloss
