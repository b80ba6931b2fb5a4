#include "live/config.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "text/format.hpp"
#include "live/graph.hpp"

namespace likeloss {

using json = nlohmann::json;

namespace {

// Hosts as a browser writes them in an origin, so that a listed origin matches the page's: a DNS
// name in ASCII (internationalised names in punycode), dot-separated labels of letters, digits
// and inner hyphens; or, when the last label is a number, an IPv4 address in four decimal parts.
bool host_name(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    int labels = 0, octets = 0;  // octets: labels that are decimal numbers to 255, written plainly
    bool last_numeric = false;
    for (std::size_t start = 0; start <= host.size(); ++labels) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        const std::string_view label = host.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        last_numeric = true;
        for (char c : label) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
            last_numeric = last_numeric && c >= '0' && c <= '9';
        }
        if (last_numeric && label.size() <= 3 && (label.size() == 1 || label[0] != '0') &&
            (label.size() < 3 || label <= "255"))
            ++octets;
        start = dot + 1;
    }
    return !last_numeric || (labels == 4 && octets == 4);
}

// An IPv6 address as a browser writes it (RFC 5952): groups of one to four lower-case hex digits
// without leading zeros, eight of them or fewer around one "::", and no zero group beside it nor
// two together outside it.
bool ipv6_address(std::string_view a) {
    const auto gap = a.find("::");
    if (gap != std::string_view::npos && a.find("::", gap + 1) != std::string_view::npos) return false;
    int groups = 0;
    bool zero_before = false;
    for (std::size_t i = 0; i < a.size();) {
        if (i == gap) {
            i += 2;
            zero_before = true;  // a zero group beside "::" belongs in it
            continue;
        }
        std::size_t end = std::min(a.find(':', i), a.size());
        const std::string_view g = a.substr(i, end - i);
        if (g.empty() || g.size() > 4 || (g.size() > 1 && g[0] == '0') ||
            !std::all_of(g.begin(), g.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
            return false;
        if (g == "0" && (zero_before || end == gap)) return false;  // "0:0" is written "::"
        zero_before = g == "0";
        ++groups;
        if (end < a.size() && end != gap) {
            if (end + 1 == a.size()) return false;  // a trailing ':'
            ++end;
        }
        i = end;
    }
    return gap == std::string_view::npos ? groups == 8 : groups <= 6;
}

}  // namespace

std::string normalize_origin(std::string_view url) {
    std::string u(url);
    std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!u.empty() && u.back() == '/') u.pop_back();
    std::string scheme;
    if (u.rfind("https://", 0) == 0) scheme = "https";
    else if (u.rfind("http://", 0) == 0) scheme = "http";
    else return "";
    const std::string_view rest = std::string_view(u).substr(scheme.size() + 3);
    // host, then an optional ":port"; an IPv6 address is bracketed.
    std::string_view host = rest, port;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos) return "";
        host = rest.substr(0, close + 1);
        if (!ipv6_address(rest.substr(1, close - 1))) return "";
        const std::string_view after = rest.substr(close + 1);
        if (!after.empty() && after.front() != ':') return "";
        if (!after.empty()) port = after.substr(1);
        if (!after.empty() && port.empty()) return "";
    } else {
        const auto colon = rest.find(':');
        if (colon != std::string_view::npos) {
            host = rest.substr(0, colon);
            port = rest.substr(colon + 1);
            if (port.empty()) return "";
        }
        if (!host_name(host)) return "";
    }
    if (!port.empty()) {
        if (port.size() > 5 || port.front() == '0' ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            (port.size() == 5 && port > "65535"))
            return "";
        if (port == (scheme == "https" ? "443" : "80")) port = {};
    }
    return scheme + "://" + std::string(host) + (port.empty() ? "" : ":" + std::string(port));
}

bool feed_origin_allowed(const Config& config, std::string_view feed_origin, std::string_view page_origin) {
    const std::string origin = normalize_origin(feed_origin);
    if (origin.empty()) return false;
    if (origin == normalize_origin(page_origin)) return true;
    return std::find(config.feed_origins.begin(), config.feed_origins.end(), origin) != config.feed_origins.end();
}

ConfigResult parse_config(std::string_view text) {
    ConfigResult r;
    const json root = read_json(text);
    auto fail = [&](std::string path, std::string rule) {
        r.error = {std::move(path), std::move(rule)};
        return r;
    };
    if (root.is_discarded()) return fail("$", json_syntax_error(text, "the file"));
    if (!root.is_object()) return fail("$", "must be an object");
    Config c;
    if (root.contains("feed_origins")) {
        const json& list = root["feed_origins"];
        if (!list.is_array()) return fail("$.feed_origins", "must be an array of origins");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "$.feed_origins[" + std::to_string(i) + "]";
            if (!list[i].is_string()) return fail(path, "must be a string");
            const std::string origin = normalize_origin(list[i].get<std::string>());
            if (origin.empty()) return fail(path, "must be an origin like https://feeds.example.org (no path)");
            c.feed_origins.push_back(origin);
        }
    }
    auto seconds = [&](const char* key, int& out, int lo, int hi) {
        if (!root.contains(key)) return true;
        const json& v = root[key];
        if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi) {
            fail(std::string("$.") + key, "must be a whole number of seconds from " + format_count(lo) + " to " +
                                              format_count(hi));
            return false;
        }
        out = v.get<int>();
        return true;
    };
    if (!seconds("min_refresh_s", c.min_refresh_s, 1, 86400) || !seconds("timeout_s", c.timeout_s, 1, 120)) return r;
    if (root.contains("graph")) {
        const json& g = root["graph"];
        if (!g.is_object()) return fail("$.graph", "must be an object");
        if (g.contains("base")) {
            const std::string base = g["base"].is_string() ? normalize_origin(g["base"].get<std::string>()) : "";
            if (base.empty()) return fail("$.graph.base", "must be an origin like https://graph.facebook.com");
            c.graph_base = base;
        }
        if (g.contains("version")) {
            const json& v = g["version"];
            const std::string s = v.is_string() ? v.get<std::string>() : "";
            if (!valid_graph_version(s)) return fail("$.graph.version", "must be a version like v25.0");
            c.graph_version = s;
        }
    }
    r.config = std::move(c);
    return r;
}

}  // namespace likeloss
