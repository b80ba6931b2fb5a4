// The collector's configuration: which pages to measure, the campaign and money they are shown
// with, where the feed is published, and how to reach the Graph API. The campaign, money and pages
// are written as in the feed (docs/feed.md), so they are checked by the feed's own rules and an
// error names the same JSON path; a page's baseline may leave out its count, and the collector
// then measures it. Pure: paths are kept as written, the caller resolves them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/feed.hpp"

namespace likeloss {

// The provenance of every count the collector measures.
constexpr const char* kMeasuredSource = "Facebook Graph API, measured by likeloss-collect";

// A picture of the counter, drawn by likeloss-render and published beside the feed after each
// run that publishes, for the places where scripts never run.
struct ImageSpec {
    std::string file;    // a file name ending in .png, written in the feed's folder; its alt text beside it (.txt)
    std::string params;  // the widget's parameters, as after '?' (layout=badge&theme=dark)
    int width = 600;     // CSS pixels
    int height = 0;      // CSS pixels; 0: as tall as the card needs
    double scale = 1;    // device pixels per CSS pixel
};
constexpr std::size_t kMaxImages = 8;

struct CollectConfig {
    std::string output;      // where the feed is published (relative paths: to the config's folder)
    std::string token_file;  // optional: a file holding the token, readable only by its owner
    std::string state_file;  // optional: where the pause after a rate limit is kept
    int update_interval_s = 300;  // how often the collector runs, published with the feed
    std::size_t max_samples = 400;  // a page's samples kept; older ones are thinned
    int timeout_s = 20;       // one request
    int tries = 3;            // requests in one run before it gives up
    std::string graph_base = "https://graph.facebook.com";
    std::string graph_version = "v25.0";

    std::vector<ImageSpec> images;  // none unless configured
    std::string renderer;    // likeloss-render's path; beside likeloss-collect when not set
    std::string public_url;  // where readers find the feed, named in the pictures' footer

    Feed feed;  // campaign, money and the pages (with their baselines) as configured
    // Per page, in feed.pages' order: true when the baseline is measured by the collector, at
    // the first run at or after baseline.at (whose count is then a placeholder, and whose at is
    // 1970 when the configuration gives none: the first run).
    std::vector<bool> measured_baseline;
    // Per page: true when a person measures it (likeloss-collect record), "by_hand": true in the
    // configuration; runs do not ask Facebook about it.
    std::vector<bool> by_hand;
};

struct CollectConfigResult {
    std::optional<CollectConfig> config;
    FeedError error;
};

CollectConfigResult parse_collect_config(std::string_view json_text, Instant now);

}  // namespace likeloss
