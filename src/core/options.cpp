#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "color.hpp"
#include "feed.hpp"
#include "graph.hpp"
#include "text.hpp"

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

// The parameters this widget reads: any other name is not its business and passes silently.
bool known_parameter(std::string_view key) {
    static const char* const kNames[] = {"bg", "fg", "accent", "muted", "transparent", "theme", "layout", "title",
                                         "currency", "per_unit", "lang", "source", "refresh", "graph_token",
                                         "graph_version", "pages"};
    return key.rfind("color.", 0) == 0 || std::any_of(std::begin(kNames), std::end(kNames), [&](const char* k) { return key == k; });
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

Options parse_options(std::string_view query) {
    Options o;
    auto ignore = [&](const std::string& key, const std::string& why) {
        const std::string line = key + ": " + why;
        if (std::find(o.ignored.begin(), o.ignored.end(), line) == o.ignored.end()) o.ignored.push_back(line);
    };
    for (QueryParam& p : parse_query(query)) {
        const std::string value = trim(p.value);
        // Checked at the door, so nothing behind it (drawing, the text copy, the page) sees a bad byte.
        if (known_parameter(p.key) && (!utf8_length(p.key) || !utf8_length(value))) {
            ignore(utf8_length(p.key) ? p.key : "color.", "not well-formed UTF-8");
            continue;
        }
        if (p.key == "bg" || p.key == "fg" || p.key == "accent" || p.key == "muted") {
            const auto c = parse_css_color(value);
            if (!c) {
                ignore(p.key, "not a colour (#rgb, #rrggbb, #rrggbbaa, bare hex or a CSS colour name)");
                continue;
            }
            (p.key == "bg" ? o.bg : p.key == "fg" ? o.fg : p.key == "accent" ? o.accent : o.muted) = c;
        } else if (p.key.rfind("color.", 0) == 0) {
            const std::string id = p.key.substr(6);
            const auto c = parse_css_color(value);
            if (!valid_page_id(id) || !c) {
                ignore(valid_page_id(id) ? p.key : "color.", "not a page id and a colour");
                continue;
            }
            auto same = std::find_if(o.page_colors.begin(), o.page_colors.end(), [&](const auto& pc) { return pc.first == id; });
            if (same != o.page_colors.end()) same->second = *c;
            else if (o.page_colors.size() < kMaxPages) o.page_colors.emplace_back(id, *c);
        } else if (p.key == "transparent") {
            if (value == "1" || value == "true" || value.empty()) o.transparent = true;
            else if (value == "0" || value == "false") o.transparent = false;
            else ignore(p.key, "not 1 or 0");
        } else if (p.key == "theme") {
            if (value == "light") o.theme = ThemeChoice::light;
            else if (value == "dark") o.theme = ThemeChoice::dark;
            else if (value == "auto") o.theme = ThemeChoice::automatic;
            else ignore(p.key, "not light, dark or auto");
        } else if (p.key == "layout") {
            if (value == "full") o.layout = Layout::full;
            else if (value == "compact") o.layout = Layout::compact;
            else if (value == "badge") o.layout = Layout::badge;
            else if (value == "auto" || value == "fit") o.layout = Layout::fit;
            else ignore(p.key, "not full, compact or badge");
        } else if (p.key == "title") {
            const bool control = std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
            const auto length = utf8_length(value);
            if (*length == 0 || *length > 120 || control)
                ignore(p.key, "empty, longer than 120 characters, or with control characters");
            else
                o.title = value;
        } else if (p.key == "currency") {
            const bool iso = value.size() == 3 && std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            if (iso) o.currency = value;
            else ignore(p.key, "not a currency code like MAD or USD");
        } else if (p.key == "per_unit") {
            char* end = nullptr;
            const double v = value.empty() ? 0 : std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(v > 0) || v > 1e6)
                ignore(p.key, "not a number above 0");
            else
                o.per_unit = v;
        } else if (p.key == "lang") {
            if (value == "en") o.lang = value;
            else ignore(p.key, "only en is available");
        } else if (p.key == "source") {
            if (value.empty() || value.size() > 2048)
                ignore(p.key, value.empty() ? "empty" : "longer than 2048 characters");
            else
                o.source = value;
        } else if (p.key == "refresh") {
            const bool digits = !value.empty() && value.size() <= 6 &&
                                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || std::stoi(value) == 0)
                ignore(p.key, "not a whole number of seconds above 0");
            else
                o.refresh_s = std::stoi(value);
        } else if (p.key == "graph_token") {
            if (valid_graph_token(value))
                o.graph_token = value;
            else
                ignore(p.key, "not a Graph API access token");
        } else if (p.key == "graph_version") {
            if (valid_graph_version(value))
                o.graph_version = value;
            else
                ignore(p.key, "not a Graph API version like v25.0");
        } else if (p.key == "pages") {
            std::vector<std::string> ids;
            bool ok = !value.empty();
            std::string_view rest = value;
            while (ok && !rest.empty()) {
                const auto comma = rest.find(',');
                const std::string id = trim(rest.substr(0, comma));
                rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
                if (id.empty()) continue;
                if (!valid_page_id(id)) ok = false;
                else if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
            }
            if (!ok || ids.empty() || ids.size() > kMaxPages)
                ignore(p.key, "not a comma-separated list of page ids");
            else
                o.pages = std::move(ids);
        }
    }
    return o;
}

}  // namespace likeloss
