#include "config.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "format.hpp"

namespace likeloss {

using json = nlohmann::json;

std::string normalize_origin(std::string_view url) {
    std::string u(url);
    std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!u.empty() && u.back() == '/') u.pop_back();
    std::string scheme;
    if (u.rfind("https://", 0) == 0) scheme = "https";
    else if (u.rfind("http://", 0) == 0) scheme = "http";
    else return "";
    std::string host = u.substr(scheme.size() + 3);
    if (host.empty() || host.find_first_of("/?#@ \\") != std::string::npos) return "";
    const std::string default_port = scheme == "https" ? ":443" : ":80";
    if (host.size() > default_port.size() && host.compare(host.size() - default_port.size(), default_port.size(), default_port) == 0 &&
        host.back() != ']')
        host.resize(host.size() - default_port.size());
    return scheme + "://" + host;
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
            const bool ok = s.size() >= 4 && s.size() <= 8 && s[0] == 'v' &&
                            std::all_of(s.begin() + 1, s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) || ch == '.'; });
            if (!ok) return fail("$.graph.version", "must be a version like v25.0");
            c.graph_version = s;
        }
    }
    r.config = std::move(c);
    return r;
}

}  // namespace likeloss
