// One collector run's decisions, with no network, file or clock of its own (src/collector/main.cpp
// does those): the next feed from the published one and the counts Facebook gave, the thinning
// that keeps its history small, and the pause that Facebook's usage headers call for.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect_config.hpp"
#include "feed/feed.hpp"
#include "live/graph.hpp"

namespace likeloss {

// What a run ends with, for cron or a systemd timer (documented in the README).
enum class Exit {
    published = 0,  // a new feed is published
    unchanged = 1,  // nothing new to publish (paused after a rate limit, baselines not due yet)
    transient = 2,  // network, timeout, server error, garbage, rate limit, lock held: a later run may work
    config = 3,     // a person must act: the configuration, the token, a page id, the published feed
};

struct NextFeed {
    std::optional<Feed> feed;        // to publish; none when no page has a baseline yet
    int measured = 0;                // pages with a new count in this run
    std::vector<std::string> notes;  // one phrase a page left unmeasured, for the log line
};

// The feed to publish at `now`: the configured campaign, money and pages, the published history
// of each page (its measured baseline and samples), and one sample from `counts` for each page
// Facebook counted. History is thinned to the configured bound; the baseline is never thinned.
NextFeed next_feed(const CollectConfig& config, const Feed* published, const std::vector<GraphPage>& counts,
                   Instant now);

// Keeps at most `max` samples (max >= 10): the newest half as they are, the older ones halved
// again at each pass, so resolution falls with age and the first sample stays.
void thin(std::vector<Measurement>& samples, std::size_t max);

// Facebook's usage headers (X-App-Usage, X-Business-Use-Case-Usage): percents of a rolling
// window, and sometimes the minutes until a throttled app may ask again.
struct Usage {
    int percent = 0;          // the highest reported, 0 when none
    int regain_minutes = 0;   // estimated_time_to_regain_access
    std::string header;       // which header said so
};
Usage read_usage(std::string_view app_usage, std::string_view business_usage);

// The instant before which no run should ask Facebook, if any: from the usage headers, or from
// a rate-limit error (`limited`). Skipping a run is better than being blocked.
std::optional<Instant> pause_until(const Usage& usage, bool limited, Instant now);

// A pause kept between runs: {"not_before": "...", "why": "..."}.
struct Pause {
    Instant not_before = 0;
    std::string why;
};
std::string write_pause(const Pause& pause);
std::optional<Pause> read_pause(std::string_view text);

}  // namespace likeloss
