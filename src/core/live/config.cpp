#include "live/config.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "text/format.hpp"
#include "live/graph.hpp"

namespace likeloss {

using json = nlohmann::json;

namespace {

// A DNS name in ASCII (a browser gives internationalised names in punycode): dot-separated labels
// of letters, digits and inner hyphens, none empty.
bool dns_name(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    std::size_t start = 0;
    while (start <= host.size()) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        const std::string_view label = host.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        start = dot + 1;
    }
    return true;
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
        if (close == std::string_view::npos || close < 3) return "";
        host = rest.substr(0, close + 1);
        const std::string_view inside = rest.substr(1, close - 1);
        if (!std::all_of(inside.begin(), inside.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; }))
            return "";
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
        if (!dns_name(host)) return "";
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
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
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
