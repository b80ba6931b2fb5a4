// The feed (feed.hpp), as any server may send it: parse_feed never crashes, names the path of a
// fault in well-formed UTF-8, and what it accepts keeps the feed's rules (one page per id in any
// case, samples in order). On whatever it accepts, the model (model.hpp) and the sentences a
// screen reader hears (describe.hpp) hold at every instant that matters: no negative figure, money
// in every currency, a next change always later, a held figure never counting back.
#include <cmath>

#include "model/describe.hpp"
#include "fuzz.hpp"
#include "model/model.hpp"

using namespace likeloss;

namespace {

void check_figures(const Model& model, const Figures& f, Instant t) {
    const Feed& feed = model.feed();
    FUZZ_CHECK(f.at == t);
    FUZZ_CHECK(f.pages.size() == feed.pages.size());
    FUZZ_CHECK(f.lost >= 0 && f.gained >= 0 && !(f.lost > 0 && f.gained > 0));
    FUZZ_CHECK(f.measured_at <= t || f.measured_at == 0);
    FUZZ_CHECK(std::isfinite(f.percent) && f.percent >= 0);
    FUZZ_CHECK(f.money.size() == feed.money.rates.size() + 1);
    FUZZ_CHECK(f.money[0].currency == feed.money.currency && f.money[0].rate == nullptr);
    for (const Amount& a : f.money)
        FUZZ_CHECK(std::isfinite(a.value) && a.value >= 0, "%s %g", a.currency.c_str(), a.value);
    for (const PageFigures& p : f.pages) {
        FUZZ_CHECK(p.page != nullptr && p.last != nullptr);
        FUZZ_CHECK(std::isfinite(p.audience) && p.audience >= 0, "page %s: audience %g", p.page->id.c_str(),
                   p.audience);
        FUZZ_CHECK(p.shown >= 0 && p.lost >= 0 && p.gained >= 0 && !(p.lost > 0 && p.gained > 0));
        FUZZ_CHECK(std::isfinite(p.percent) && std::isfinite(p.value) && std::isfinite(p.loss_per_minute));
    }
    const std::optional<Instant> next = model.next_change(t);
    FUZZ_CHECK(!next || *next > t, "next_change(%lld) = %lld", static_cast<long long>(t),
               static_cast<long long>(*next));
    for (const std::string& line : lines(describe(model, f))) {
        FUZZ_CHECK(!line.empty());
        FUZZ_CHECK_UTF8(line, "a sentence of describe()");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Instant now = fuzz::reader_now();
    FeedResult r = parse_feed(fuzz::text_of(data, size), now);
    if (!r.ok()) {
        FUZZ_CHECK(!r.error.path.empty() && r.error.path[0] == '$' && !r.error.rule.empty());
        FUZZ_CHECK_UTF8(r.error.message(), "the error");
        return 0;
    }
    const Feed& feed = *r.feed;
    fuzz::check_feed_rules(feed);
    FUZZ_CHECK(feed.generated_at <= now + kClockSkew);

    const Model model(feed);
    // The instants where the figures change their nature: every measurement, just before and
    // after, the end of each extrapolation, and long after.
    std::vector<Instant> instants{feed.campaign.since, feed.generated_at, now, from_civil(9999, 12, 31)};
    for (const Page& p : feed.pages) {
        const Instant last = p.samples.empty() ? p.baseline.at : p.samples.back().at;
        for (const Instant t : {p.baseline.at, last, last + model.extrapolation_limit()})
            for (const Instant d : {-1, 0, 1}) instants.push_back(t + d);
        if (!p.samples.empty()) instants.push_back(p.baseline.at + (p.samples.front().at - p.baseline.at) / 2);
    }
    for (const Instant t : instants) {
        const Figures f = model.at(t);
        check_figures(model, f, t);
        // What was shown at t is held for a minute: the figures that follow never count back.
        const Continuity held = continuity_of(f, kMinute);
        const Model next(feed, held);
        for (const Instant later : {t, t + 1, t + kSecond, t + kMinute - 1}) {
            const Figures g = next.at(later);
            check_figures(next, g, later);
            for (const Continuity::Held& h : held.pages)
                for (const PageFigures& p : g.pages)
                    if (p.page->id == h.page_id)
                        FUZZ_CHECK(h.direction < 0 ? p.audience <= h.audience : p.audience >= h.audience,
                                   "page %s counts back while held: %g after %g", h.page_id.c_str(), p.audience,
                                   h.audience);
        }
    }

    const std::vector<SeriesPoint> series = model.series();
    for (std::size_t i = 0; i < series.size(); ++i) {
        FUZZ_CHECK(i == 0 || series[i].at > series[i - 1].at);
        FUZZ_CHECK(series[i].at >= feed.campaign.since);
        FUZZ_CHECK(series[i].lost.size() == feed.pages.size());
        std::int64_t total = 0;
        for (const std::int64_t lost : series[i].lost) total += lost;
        FUZZ_CHECK(total == series[i].total);
    }
    return 0;
}
