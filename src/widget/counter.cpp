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

// The frame's open tooltip: what it says, for the page, and where it ends, so a small widget (the
// badge) can grow to show all of it.
struct Said {
    std::vector<std::string> paragraphs;
    float bottom = 0;
};

// A hover (or a tap, which moves the pointer there) on the last item explains where it comes from.
template <typename Body>
void explain(const CounterView& v, Said& out, Body body) {
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
        if (p != kTipBreak) out.paragraphs.push_back(std::move(p));
    ImGui::PopStyleColor();
    out.bottom = std::max(out.bottom, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    ImGui::EndTooltip();
    ImGui::PopFont();
}

void explain_money(const CounterView& v, Said& said) {
    const Feed& feed = v.model->feed();
    explain(v, said, [&] {
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

void page_cell(const CounterView& v, Said& said, const PageFigures& p, std::size_t index, float max_percent, float x, float w,
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
    explain(v, said, [&] {
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
    explain(v, said, [&] {
        tip(wd.say(Msg::tip_baseline, {wd.date_time(p.page->baseline.at),
                                       wd.say(counted(audience_of(*p.page)), {Arg(wd.count(p.page->baseline.count),
                                                                              static_cast<double>(p.page->baseline.count))})}));
        provenance_lines(p.page->baseline.provenance);
    });
}

// An instant of the chart: the net total then, and each page measured then with the source of that
// measurement (said once for pages that share it, as the pages of one Graph API run do).
void explain_instant(const CounterView& v, Said& said, const SeriesPoint& point) {
    explain(v, said, [&] {
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

namespace {

// What a layout shows, and how tightly: adding a layout is adding one of these.
struct LayoutLook {
    float pad;                // around the card, CSS px
    bool small_header;        // the title in the 15 px face and "since" as a date in small print
    float headline_share;     // the widest the big figure may be, as a share of the width
    bool small_money;         // the money in the 15 px face, not 21 px
    std::size_t currencies;   // how many currencies are shown (0: all the feed converts to)
    bool share;               // the share of the audience and the speed, under the money
    bool pages;               // a row a page (else the method under the money, and nothing more)
    bool page_details;        // each page with its bar, share and money, in columns when there is room
    bool chart;               // the chart of every measurement
    bool hover_hint;          // "hover or tap a figure", where there is something to hover
    float spacing;            // around the rules, CSS px
    float row_gap;            // under a page's row, CSS px
};
constexpr LayoutLook kFull{18, false, 0.95f, false, 0, true, true, true, true, true, 10, 12};
constexpr LayoutLook kCompact{18, false, 0.95f, false, 0, false, true, false, false, false, 6, 4};
constexpr LayoutLook kBadge{10, true, 0.7f, true, 2, false, false, false, false, false, 0, 0};

const LayoutLook& look_of(Layout layout) {
    return layout == Layout::full ? kFull : layout == Layout::compact ? kCompact : kBadge;
}

// One frame of the card: its sections from top to bottom, inside one window.
class Card {
public:
    Card(const CounterView& v, ImVec2 size)
        : v_(v), wd_(words()), r_(rtl()), s_(v.scale), layout_(layout_for(v.layout, size.x / v.scale)),
          look_(look_of(layout_)), pad_(look_.pad * s_), w_(size.x - 2 * pad_), right_(pad_ + w_), size_(size) {}

    Drawn draw() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(size_);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * s_, 2 * s_));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("##likeloss", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::PopStyleVar();  // Begin has read it; tooltips keep their own padding
        ImGui::SetCursorPos(ImVec2(pad_, pad_));
        float height = 0;
        if (!v_.model) {  // nothing to count yet: say why, in place of the figures
            paragraph(v_.fonts.body, v_.theme.fg, notice().empty() ? wd_.say(Msg::no_figures) : notice(), pad_, right_);
            height = ImGui::GetCursorPosY() + pad_;
        } else {
            notices();
            header();
            headline();
            money();
            if (!look_.pages) {  // the badge: the figure, its worth, and how likes become money
                method();
                // A badge is too small for its sources: while one is shown, it asks for room for it.
                height = std::max(ImGui::GetCursorPosY() + pad_ - 2 * s_, said_.bottom > 0 ? said_.bottom + 4 * s_ : 0.0f);
            } else {
                share();
                rule(look_.spacing);
                pages();
                if (look_.chart) chart();
                footer();
                height = ImGui::GetCursorPosY() + pad_ - 2 * s_;
            }
        }
        ImGui::End();
        ImGui::PopStyleVar();
        return {height, std::move(said_.paragraphs)};
    }

private:
    // The view's notice, and the layout's own when one asked for did not fit here.
    std::string notice() const {
        if (v_.layout == Layout::fit || layout_ == v_.layout) return v_.notice;
        const std::string why = wd_.say(Msg::ignored, {"layout", wd_.say(Msg::layout_narrow, {wd_.count(static_cast<std::int64_t>(narrowest(v_.layout)))})});
        return v_.notice.empty() ? why : v_.notice + " " + why;
    }

    void notices() {
        const std::string said = notice();
        if (said.empty()) return;
        paragraph(v_.fonts.small, v_.theme.accent, said, pad_, right_);
        ImGui::Dummy(ImVec2(0, 4 * s_));
    }

    // Title and what is counted.
    void header() {
        const Feed& feed = v_.model->feed();
        paragraph(look_.small_header || w_ / s_ < 300 ? v_.fonts.strong : v_.fonts.title, v_.theme.fg, isolate(feed.campaign.title),
                  pad_, right_);
        explain(v_, said_, [&] {
            if (!feed.campaign.note.empty()) tip(isolate(feed.campaign.note));
            if (!feed.campaign.url.empty()) tip(wd_.say(Msg::tip_more, {isolate(feed.campaign.url)}));
        });
        paragraph(look_.small_header ? v_.fonts.small : v_.fonts.body, v_.theme.muted,
                  wd_.say(gain() ? Msg::since_gained : Msg::since_lost,
                          {wd_.say(noun(audience_of(feed))), look_.small_header ? wd_.date(feed.campaign.since)
                                                                                : wd_.date_time(feed.campaign.since)}),
                  pad_, right_);
        ImGui::Dummy(ImVec2(0, (look_.small_header ? 2 : 6) * s_));
    }

    // The headline counter, and what it counts beside it (on its left in a right-to-left language).
    void headline() {
        const Feed& feed = v_.model->feed();
        const Figures& f = v_.figures;
        const Audience audience = audience_of(feed);
        const std::int64_t total = gain() ? f.gained : f.lost;
        const std::string figure = wd_.count(total);
        const float big_y = ImGui::GetCursorPosY();
        // The biggest font it fits in: a figure is never cut.
        ImFont* big = width_of(v_.fonts.big, figure) <= w_ * look_.headline_share ? v_.fonts.big
                      : width_of(v_.fonts.title, figure) <= w_                    ? v_.fonts.title
                                                                                  : v_.fonts.strong;
        const float big_w = width_of(big, figure);
        ImGui::SetCursorPosX(r_ ? right_ - big_w : pad_);
        text(big, gain() ? v_.theme.gain : v_.theme.accent, figure);
        explain(v_, said_, [&] {
            tip(wd_.say(Msg::tip_net, {wd_.say(Msg::pages, {Arg(wd_.count(static_cast<std::int64_t>(feed.pages.size())),
                                                                 static_cast<double>(feed.pages.size()))}),
                                      wd_.count(f.baseline),
                                      wd_.say(changed(audience, gain()), {Arg(wd_.count(total), static_cast<double>(total))})}));
            tip(wd_.say(Msg::tip_sum));
            tip(wd_.say(f.estimate ? Msg::tip_estimated_from : Msg::tip_measured, {wd_.date_time(f.measured_at)}));
        });
        const float big_h = ImGui::GetCursorPosY() - big_y;
        std::string unit_label = without_number(changed(audience, gain()), total);
        if (f.estimate) unit_label = wd_.say(Msg::estimate_note, {unit_label});
        const std::string label = shown(unit_label);
        const float label_w = width_of(v_.fonts.body, label);
        if (big_w + 10 * s_ + label_w <= w_) {
            ImGui::SetCursorPos(ImVec2(r_ ? right_ - big_w - 10 * s_ - label_w : pad_ + big_w + 10 * s_,
                                       big_y + big_h - v_.fonts.body->FontSize * 1.6f));
            text(v_.fonts.body, v_.theme.muted, label);
            ImGui::SetCursorPosY(big_y + big_h);
        } else {
            line_at(v_.fonts.body, v_.theme.muted, label, pad_, right_);
        }
    }

    // The money in the biggest font it fits in (else broken at its space), the other currencies beside it.
    void money() {
        const Figures& f = v_.figures;
        const std::string logical = wd_.money(f.money[0].value, f.money[0].currency);
        const std::string figure = shown(logical);
        ImFont* font = look_.small_money ? v_.fonts.strong : v_.fonts.title;
        for (ImFont* smaller : {v_.fonts.strong, v_.fonts.small})
            if (width_of(font, figure) > w_) font = smaller;
        const float money_y = ImGui::GetCursorPosY();
        float edge = r_ ? right_ - width_of(font, figure) : pad_ + width_of(font, figure);  // where the next goes
        if (width_of(font, figure) <= w_) {
            ImGui::SetCursorPosX(r_ ? edge : pad_);
            text(font, v_.theme.fg, figure);
        } else {
            paragraph(font, v_.theme.fg, logical, pad_, right_);
            edge = r_ ? pad_ : right_;  // nothing beside it
        }
        explain_money(v_, said_);
        float line_y = money_y;
        const std::size_t shown_count = look_.currencies ? std::min(look_.currencies, f.money.size()) : f.money.size();
        for (std::size_t i = 1; i < shown_count; ++i) {
            const std::string other = shown("\xE2\x89\x88 " + wd_.money(f.money[i].value, f.money[i].currency));
            const float other_w = width_of(v_.fonts.body, other), gap = 6 * s_;
            const bool fits = r_ ? edge - gap - other_w >= pad_ : edge + gap + other_w <= right_;
            if (fits) {  // beside the figure before it, on its baseline
                ImGui::SetCursorPos(ImVec2(r_ ? edge - gap - other_w : edge + gap,
                                           line_y + (font->FontSize - v_.fonts.body->FontSize) * 0.7f));
                edge = r_ ? edge - gap - other_w : edge + gap + other_w;
            } else {  // no room beside it: on a line of its own
                line_y = ImGui::GetCursorPosY();
                ImGui::SetCursorPos(ImVec2(r_ ? right_ - other_w : pad_, line_y));
                edge = r_ ? right_ - other_w : pad_ + other_w;
            }
            text(v_.fonts.body, v_.theme.muted, other);
            explain_money(v_, said_);
        }
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), money_y + font->FontSize * 1.2f));
    }

    // How likes become money, alone: the badge's last line.
    void method() {
        paragraph(v_.fonts.small, v_.theme.muted, v_.description.method, pad_, right_);
        explain_money(v_, said_);
    }

    // 7.40% of 6,687,113 likes · losing 47.6 likes a minute
    void share() {
        if (!look_.share) return;
        const Figures& f = v_.figures;
        const Audience audience = audience_of(v_.model->feed());
        std::string line = wd_.say(Msg::share, {wd_.percent(f.percent), wd_.say(counted(audience), {Arg(wd_.count(f.baseline),
                                                                                                   static_cast<double>(f.baseline))})});
        if (f.loss_per_minute > 0.05)
            line += " \xC2\xB7 " + wd_.say(f.estimate ? Msg::losing_now : Msg::losing_then,
                                          {wd_.say(counted(audience), {Arg(wd_.rate(f.loss_per_minute), f.loss_per_minute)})});
        paragraph(v_.fonts.small, v_.theme.muted, line, pad_, right_);
        explain(v_, said_, [&] { tip(wd_.say(Msg::tip_share)); });
    }

    void rule(float space) {
        ImGui::Dummy(ImVec2(0, space * s_));
        ImGui::SetCursorPosX(pad_);
        rule_line(v_, pad_, right_);
        ImGui::Dummy(ImVec2(0, space * s_));
    }

    // One cell a page: in columns when there is room, else one under another (from the right in a
    // right-to-left language).
    void pages() {
        const Figures& f = v_.figures;
        const std::size_t n = f.pages.size();
        const std::size_t cols = look_.page_details ? std::min<std::size_t>(n, w_ / s_ >= 560 ? 3 : (w_ / s_ >= 380 ? 2 : 1)) : 1;
        const float gap = 22.0f * s_;
        const float col_w = (w_ - gap * (cols - 1)) / cols;
        float max_percent = 0;
        for (const PageFigures& p : f.pages) max_percent = std::max(max_percent, static_cast<float>(p.percent));
        for (std::size_t row = 0; row * cols < n; ++row) {
            const float y = ImGui::GetCursorPosY();
            float bottom = y;
            for (std::size_t c = 0; c < cols && row * cols + c < n; ++c) {
                const std::size_t i = row * cols + c;
                const std::size_t column = r_ ? cols - 1 - c : c;
                ImGui::SetCursorPosY(y);
                page_cell(v_, said_, f.pages[i], i, max_percent, pad_ + column * (col_w + gap), col_w, look_.page_details);
                bottom = std::max(bottom, ImGui::GetCursorPosY());
            }
            ImGui::SetCursorPosY(bottom + look_.row_gap * s_);
        }
    }

    // The chart. Time runs left to right in every language, as in the charts of Arabic-language
    // news (Al Jazeera's, BBC Arabic's): a time axis follows the figures' own direction.
    void chart() {
        if (v_.series.size() < 2) return;
        const Feed& feed = v_.model->feed();
        line_at(v_.fonts.small, v_.theme.muted, shown(wd_.say(Msg::chart_title, {wd_.say(noun(audience_of(feed)))})), pad_, right_);
        const float chart_h = std::clamp(w_ * 0.28f, 110.0f * s_, 190.0f * s_);
        const float chart_y = ImGui::GetCursorPosY() + 4 * s_;  // the window sits at the origin
        std::vector<Rgba> colors;
        for (std::size_t i = 0; i < feed.pages.size(); ++i) colors.push_back(page_color(feed.pages[i].color, i));
        const int hovered = draw_chart(v_.series, colors, v_.theme, v_.fonts, s_, ImVec2(pad_, chart_y),
                                       ImVec2(right_, chart_y + chart_h), wd_, v_.visual);
        if (hovered >= 0) explain_instant(v_, said_, v_.series[static_cast<std::size_t>(hovered)]);
        ImGui::SetCursorPos(ImVec2(pad_, chart_y + chart_h + 10 * s_));
    }

    // When, from where, and how likes become money.
    void footer() {
        ImGui::SetCursorPosX(pad_);
        rule_line(v_, pad_, right_);
        ImGui::Dummy(ImVec2(0, 6 * s_));
        const Description& d = v_.description;
        paragraph(v_.fonts.small, v_.theme.muted, d.measured + " " + wd_.say(Msg::data_from, {isolate(v_.data_label)}), pad_, right_);
        paragraph(v_.fonts.small, v_.theme.muted, wd_.say(Msg::how_money, {wd_.say(noun(audience_of(v_.model->feed()))), d.method}),
                  pad_, right_);
        explain_money(v_, said_);
        if (look_.hover_hint && v_.interactive) paragraph(v_.fonts.small, v_.theme.muted, wd_.say(Msg::hover_hint), pad_, right_);
    }

    bool gain() const { return v_.figures.gained > 0; }

    const CounterView& v_;
    const Words& wd_;
    const bool r_;
    const float s_;
    const Layout layout_;
    const LayoutLook& look_;
    const float pad_, w_, right_;
    const ImVec2 size_;
    Said said_;
};

}  // namespace

Drawn draw_counter(const CounterView& v, ImVec2 size) {
    view = &v;
    return Card(v, size).draw();
}

}  // namespace likeloss
