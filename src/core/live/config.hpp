// The deployment's settings, served beside the widget as likeloss-config.json. They decide what
// no visitor's link may: which hosts a `source=` feed may come from (so nobody can make the
// campaign's own widget show invented numbers through a crafted link), how often a widget may
// poll, and which Graph API endpoint receives a token.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/feed.hpp"

namespace likeloss {

constexpr std::size_t kMaxConfigBytes = 64 << 10;  // likeloss-config.json, as the widget reads it

struct Config {
    std::vector<std::string> feed_origins;  // "https://feeds.example.org", no path; the page's own is implied
    int min_refresh_s = 30;                 // no widget polls more often than this
    int timeout_s = 10;                     // a request that takes longer is abandoned
    std::string graph_base = "https://graph.facebook.com";
    std::string graph_version = "v25.0";
};

struct ConfigResult {
    std::optional<Config> config;
    FeedError error;  // the same path-and-rule errors as the feed's
};

ConfigResult parse_config(std::string_view json_text);

// "HTTPS://Feeds.Example.org:443/" -> "https://feeds.example.org"; empty when `url` is not an
// http(s) origin: a DNS name (ASCII), an IPv4 or a bracketed IPv6 address, and a port from 1 to
// 65535; no path, query or credentials. What it returns it returns unchanged when given again.
std::string normalize_origin(std::string_view url);

// Same-origin feeds are always allowed; others only when the deployment lists their origin.
bool feed_origin_allowed(const Config& config, std::string_view feed_origin, std::string_view page_origin);

}  // namespace likeloss
