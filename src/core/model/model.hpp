// The loss model: what a feed means at a given instant.
//
// A page's audience is known at its measurements (the baseline and the samples). Between two
// measurements it is interpolated linearly, and after the last one it is extrapolated with the
// feed's rate_per_s for a short while (three update intervals): both are estimates and are marked
// so. Lost = baseline - audience; a page that grew shows a gain, never a negative loss.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feed/feed.hpp"

namespace likeloss {

struct Amount {
    std::string currency;
    double value = 0;
    const Provenance* rate = nullptr;  // null for the base currency
};

struct PageFigures {
    const Page* page = nullptr;
    double audience = 0;       // exact, may be fractional while estimated
    std::int64_t shown = 0;    // audience rounded as a visitor sees it
    std::int64_t lost = 0;     // > 0 when the audience fell below the baseline
    std::int64_t gained = 0;   // > 0 when it rose above it
    double percent = 0;        // lost (or gained) as a percent of the baseline
    double value = 0;          // lost (or gained) in the base currency
    bool estimate = false;     // not a measurement: interpolated or extrapolated
    Instant estimated_for = 0;  // the instant an estimate stands for (the rate's time may be up)
    const Measurement* last = nullptr;  // the latest measurement at or before the instant
    double loss_per_minute = 0;  // from the two measurements around the instant
};

struct Figures {
    Instant at = 0;
    std::vector<PageFigures> pages;
    std::int64_t baseline = 0;  // sum of the pages' baselines
    std::int64_t lost = 0;      // net, over all pages: > 0 lost, else see gained
    std::int64_t gained = 0;
    double percent = 0;
    std::vector<Amount> money;  // base currency first, then the feed's rates in order
    bool estimate = false;
    Instant estimated_for = 0;  // the latest instant any page's estimate stands for
    Instant measured_at = 0;  // the latest measurement used, over all pages
    double loss_per_minute = 0;
};

struct SeriesPoint {
    Instant at = 0;
    std::vector<std::int64_t> lost;  // per page, net (negative for a gain)
    std::int64_t total = 0;
};

// The top of the chart's scale: the highest stacked loss or net total of a series; 0 when
// nothing was ever lost (then there is no scale to label).
std::int64_t series_top(const std::vector<SeriesPoint>& series);

// What a visitor saw just before new figures replaced the old ones. An estimate that ran ahead of
// the next measurement must not visibly count backwards: each page holds the figure it showed
// until the new estimate passes it, for at most `until`; a true reversal shows after that.
struct Continuity {
    struct Held {
        std::string page_id;
        double audience = 0;
        int direction = 0;  // -1: the audience was falling, +1: rising
    };
    Instant from = 0;  // the switch: instants before it (the chart's history) are not held
    Instant until = 0;
    std::vector<Held> pages;
};

// The continuity of figures shown at `at`, held for at most `hold`.
Continuity continuity_of(const Figures& shown, Instant hold);

class Model {
public:
    explicit Model(Feed feed, Continuity continuity = {});

    const Feed& feed() const { return feed_; }
    Figures at(Instant t) const;

    // Total and per page at every instant some page was measured, from the campaign start.
    std::vector<SeriesPoint> series() const;

    // When the figures shown at `t` next change (a new whole like, a measurement reached, the end
    // of an extrapolation); nothing when they never will. Lets the web layer sleep until then.
    std::optional<Instant> next_change(Instant t) const;

    // How long after its last measurement a page's rate is still trusted.
    Instant extrapolation_limit() const;

private:
    Feed feed_;
    Continuity continuity_;
    PageFigures page_at(const Page& p, Instant t, bool hold = true) const;
};

}  // namespace likeloss
