#include "params/options.hpp"

#include "text/locale.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "params/color.hpp"
#include "feed/feed.hpp"
#include "live/graph.hpp"
#include "text/text.hpp"

namespace likeloss {

namespace {

std::string decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::vector<QueryParam> parse_query(std::string_view q) {
    if (!q.empty() && (q.front() == '?' || q.front() == '#')) q.remove_prefix(1);
    std::vector<QueryParam> out;
    while (!q.empty()) {
        const auto amp = q.find('&');
        const std::string_view part = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
        if (part.empty()) continue;
        const auto eq = part.find('=');
        QueryParam p{decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : decode(part.substr(eq + 1))};
        out.push_back(std::move(p));
    }
    return out;
}

namespace {

bool set_color(std::optional<Rgba>& out, const std::string& value) {
    const auto c = parse_css_color(value);
    if (c) out = c;
    return c.has_value();
}

bool read_page_color(Options& o, std::string_view id, const std::string& value) {
    const auto c = parse_css_color(value);
    if (!valid_page_id(id) || !c) return false;
    auto& colors = o.look.page_colors;
    auto same = std::find_if(colors.begin(), colors.end(), [&](const auto& pc) { return same_page_id(pc.first, id); });
    if (same != colors.end()) same->second = *c;
    else if (colors.size() < kMaxPages) colors.emplace_back(std::string(id), *c);
    return true;
}

bool read_transparent(Options& o, std::string_view, const std::string& value) {
    if (value == "1" || value == "true" || value.empty()) o.look.transparent = true;
    else if (value == "0" || value == "false") o.look.transparent = false;
    else return false;
    return true;
}

bool read_theme(Options& o, std::string_view, const std::string& value) {
    if (value == "light") o.look.theme = ThemeChoice::light;
    else if (value == "dark") o.look.theme = ThemeChoice::dark;
    else if (value == "auto") o.look.theme = ThemeChoice::automatic;
    else return false;
    return true;
}

bool read_layout(Options& o, std::string_view, const std::string& value) {
    if (value == "full") o.content.layout = Layout::full;
    else if (value == "compact") o.content.layout = Layout::compact;
    else if (value == "badge") o.content.layout = Layout::badge;
    else if (value == "auto" || value == "fit") o.content.layout = Layout::fit;
    else return false;
    return true;
}

bool read_pages(Options& o, std::string_view, const std::string& value) {
    std::vector<std::string> ids;
    std::string_view rest = value;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string id = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (id.empty()) continue;
        if (!valid_page_id(id)) return false;
        // Ids match in any case: "Meditel,meditel" names one page, shown once.
        if (std::none_of(ids.begin(), ids.end(), [&](const std::string& x) { return same_page_id(x, id); }))
            ids.push_back(id);
    }
    if (ids.empty() || ids.size() > kMaxPages) return false;
    o.content.pages = std::move(ids);
    return true;
}

bool read_currency(Options& o, std::string_view, const std::string& value) {
    const bool iso = value.size() == 3 && std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (iso) o.content.currency = value;
    return iso;
}

bool read_per_unit(Options& o, std::string_view, const std::string& value) {
    char* end = nullptr;
    const double v = value.empty() ? 0 : std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(v > 0) || v > 1e6) return false;
    o.content.per_unit = v;
    return true;
}

bool read_title(Options& o, std::string_view, const std::string& value) {
    const bool control = std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (value.empty() || control) return false;
    o.content.title = value;
    return true;
}

bool read_lang(Options& o, std::string_view, const std::string& value) {
    if (value == "auto") {
        o.content.lang = value;
        return true;
    }
    const Locale* l = find_locale(value);
    if (!l) return false;
    o.content.lang = l->tag;
    return true;
}

bool read_source(Options& o, std::string_view, const std::string& value) {
    if (value.empty()) return false;
    o.data.source = value;
    return true;
}

bool read_refresh(Options& o, std::string_view, const std::string& value) {
    const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int seconds = digits ? std::stoi(value) : 0;  // at most six digits (max_chars)
    if (seconds == 0) return false;
    o.data.refresh_s = seconds;
    return true;
}

bool read_token(Options& o, std::string_view, const std::string& value) {
    if (!valid_graph_token(value)) return false;
    o.data.graph_token = value;
    return true;
}

bool read_version(Options& o, std::string_view, const std::string& value) {
    if (!valid_graph_version(value)) return false;
    o.data.graph_version = value;
    return true;
}

// What a parameter accepts is for people reading the registry (the tool, the README's test); the
// widget never shows it, so its bytes stay off the wire.
#ifdef __EMSCRIPTEN__
#define ACCEPTS(text) ""
#else
#define ACCEPTS(text) text
#endif

constexpr const char* kColour = ACCEPTS("a colour: #rgb, #rrggbb, #rrggbbaa, bare hex (e4002b) or a CSS colour name (crimson)");
constexpr std::size_t kShort = 64;  // colours, choices, numbers: far below this

}  // namespace

Parameters parameters() {
    // name, concern, accepts, max_chars, on public pages, why it is refused, why past max_chars, read
    static const Parameter kParameters[] = {
        {"bg", Concern::look, kColour, kShort, true, Msg::not_colour, Msg::not_colour,
         [](Options& o, std::string_view, const std::string& v) { return set_color(o.look.bg, v); }},
        {"fg", Concern::look, kColour, kShort, true, Msg::not_colour, Msg::not_colour,
         [](Options& o, std::string_view, const std::string& v) { return set_color(o.look.fg, v); }},
        {"accent", Concern::look, kColour, kShort, true, Msg::not_colour, Msg::not_colour,
         [](Options& o, std::string_view, const std::string& v) { return set_color(o.look.accent, v); }},
        {"muted", Concern::look, kColour, kShort, true, Msg::not_colour, Msg::not_colour,
         [](Options& o, std::string_view, const std::string& v) { return set_color(o.look.muted, v); }},
        {"color.", Concern::look, ACCEPTS("a colour, as above, for the page named after the dot (color.maroctelecom=navy)"), kShort,
         true, Msg::not_page_colour, Msg::not_page_colour, read_page_color},
        {"transparent", Concern::look, ACCEPTS("1 (the host page shows through) or 0"), kShort, true, Msg::not_1_or_0, Msg::not_1_or_0,
         read_transparent},
        {"theme", Concern::look, ACCEPTS("light, dark, auto (the visitor's prefers-color-scheme)"), kShort, true,
         Msg::not_theme, Msg::not_theme, read_theme},
        {"layout", Concern::content, ACCEPTS("full, compact, badge (or auto: fits the width)"), kShort, true,
         Msg::not_layout, Msg::not_layout, read_layout},
        {"pages", Concern::content, ACCEPTS("page ids, comma-separated, in the order to show"), kMaxPages * 102, true,
         Msg::not_pages, Msg::not_pages, read_pages},
        {"currency", Concern::content, ACCEPTS("a currency code the feed converts to (USD)"), kShort, true,
         Msg::not_currency, Msg::not_currency, read_currency},
        {"per_unit", Concern::content, ACCEPTS("the value of a like in the feed's currency, above 0, at most 1,000,000"), kShort, true,
         Msg::not_per_unit, Msg::not_per_unit, read_per_unit},
        {"title", Concern::content, ACCEPTS("up to 120 characters of UTF-8, shown as text"), 120, true,
         Msg::not_title, Msg::not_title, read_title},
        {"lang", Concern::content, ACCEPTS("en, fr, fr-MA, ar, or auto (the visitor's languages; the default)"), kShort,
         true, Msg::not_lang, Msg::not_lang, read_lang},
        {"source", Concern::data, ACCEPTS("a feed's address, absolute or relative to the page"), 2048, true, Msg::empty,
         Msg::source_too_long, read_source},
        {"refresh", Concern::data, ACCEPTS("seconds between polls, a whole number above 0"), 6, true,
         Msg::not_refresh, Msg::refresh_too_long, read_refresh},
        {"graph_token", Concern::data, ACCEPTS("a Graph API access token (private dashboards only)"), 4096, false,
         Msg::not_token, Msg::not_token, read_token},
        {"graph_version", Concern::data, ACCEPTS("a Graph API version like v25.0"), 8, false, Msg::not_version,
         Msg::not_version, read_version},
    };
    return {kParameters, sizeof kParameters / sizeof kParameters[0]};
}

const Parameter* find_parameter(std::string_view key) {
    for (const Parameter& p : parameters()) {
        const std::string_view name = p.name;
        if (name.back() == '.' ? key.rfind(name, 0) == 0 : key == name) return &p;
    }
    return nullptr;
}

Options parse_options(std::string_view query) {
    Options o;
    auto ignore = [&](std::string key, Msg why) {
        Ignored i{std::move(key), why, ""};
        if (std::find(o.ignored.begin(), o.ignored.end(), i) == o.ignored.end()) o.ignored.push_back(std::move(i));
    };
    for (QueryParam& p : parse_query(query)) {
        const Parameter* row = find_parameter(p.key);
        if (!row) continue;  // not this widget's parameter
        const std::string value = trim(p.value);
        const std::string_view name = row->name;
        const std::string_view suffix = std::string_view(p.key).substr(name.back() == '.' ? name.size() : p.key.size());
        // A family member is named by its key only when the key itself is sound.
        const std::string key = name.back() == '.' && (!utf8_length(p.key) || !valid_page_id(suffix)) ? row->name : p.key;
        // Checked at the door, so nothing behind it (drawing, the text copy, the page) sees a bad byte.
        const auto length = utf8_length(value);
        if (!utf8_length(p.key) || !length) ignore(key, Msg::bad_utf8);
        else if (*length > row->max_chars) ignore(key, row->too_long);
        else if (!row->read(o, suffix, value)) ignore(key, row->why);
    }
    return o;
}

}  // namespace likeloss
