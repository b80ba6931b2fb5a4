// The collector's inputs (collect_config.hpp, collect.hpp): its configuration, the feed it
// published last, Facebook's answer and usage headers, and the pause it kept. Input: six texts
// separated by "---" lines, in that order: configuration, published feed, Graph answer,
// X-App-Usage, X-Business-Use-Case-Usage, pause. Two runs follow one another as in
// src/collector/main.cpp: every feed next_feed makes is one the widget accepts and that writes
// back the same (a feed that does not read back is never published, so the collector would be
// stuck), with one page per id; usage and pauses stay within their bounds and a pause reads back.
#include "collect.hpp"
#include "feed/feed_write.hpp"
#include "fuzz.hpp"
#include "live/live.hpp"

using namespace likeloss;

namespace {

// A run at `now` after `published`, as main.cpp does it; the feed it would publish, if any.
std::optional<Feed> run(const CollectConfig& config, const std::optional<Feed>& published, std::string_view answer,
                        Instant now) {
    std::vector<std::string> ids;
    for (const Page& p : config.feed.pages)
        if (now >= p.baseline.at) ids.push_back(p.id);
    const GraphAnswer a = parse_graph_response(answer, ids);
    const NextFeed next = next_feed(config, published ? &*published : nullptr, a.pages, now);
    for (const std::string& note : next.notes) FUZZ_CHECK_UTF8(note, "a note");
    FUZZ_CHECK(next.measured >= 0 && static_cast<std::size_t>(next.measured) <= config.feed.pages.size());
    if (!next.feed) return std::nullopt;
    fuzz::check_feed_rules(*next.feed);
    const std::string text = write_feed(*next.feed);
    FUZZ_CHECK(text.size() <= kMaxFeedBytes);
    const FeedResult check = parse_feed(text, now);
    FUZZ_CHECK(check.ok(), "the next feed does not read back: %s\n%s", check.error.message().c_str(), text.c_str());
    FUZZ_CHECK(write_feed(*check.feed) == text);
    for (const Page& p : check.feed->pages) FUZZ_CHECK(p.samples.size() <= config.max_samples);
    return check.feed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto in = fuzz::parts(fuzz::text_of(data, size), 6);
    const Instant now = from_civil(2026, 12, 2);

    const CollectConfigResult r = parse_collect_config(in[0], now);
    if (!r.config) {
        FUZZ_CHECK(!r.error.path.empty() && r.error.path[0] == '$' && !r.error.rule.empty());
        FUZZ_CHECK_UTF8(r.error.message(), "the error");
    } else {
        const CollectConfig& c = *r.config;
        FUZZ_CHECK(c.measured_baseline.size() == c.feed.pages.size());
        FUZZ_CHECK(!c.output.empty());
        FUZZ_CHECK(c.max_samples >= 10 && c.max_samples <= kMaxSamples);
        FUZZ_CHECK(c.graph_base.rfind("https://", 0) == 0 || c.graph_base.rfind("http://", 0) == 0);
        for (std::size_t i = 0; i < c.feed.pages.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                FUZZ_CHECK(!same_page_id(c.feed.pages[j].id, c.feed.pages[i].id),
                           "pages %zu and %zu are one page: \"%s\" and \"%s\"", j, i, c.feed.pages[j].id.c_str(),
                           c.feed.pages[i].id.c_str());

        // The published feed, read as main.cpp reads it: only a valid one, not ahead of the clock.
        std::optional<Feed> published;
        if (FeedResult old = parse_feed(in[1], now); old.ok() && old.feed->generated_at <= now)
            published = std::move(old.feed);
        const std::optional<Feed> first = run(c, published, in[2], now);
        const Instant later = now + c.update_interval_s * kSecond;
        if (first) FUZZ_CHECK(first->generated_at <= later);
        run(c, first ? first : published, in[2], later);
    }

    const Usage usage = read_usage(in[3], in[4]);
    FUZZ_CHECK(usage.percent >= 0 && usage.regain_minutes >= 0);
    for (const bool limited : {false, true})
        if (const auto until = pause_until(usage, limited, now)) FUZZ_CHECK(*until > now && *until <= now + kDay);

    if (const auto pause = read_pause(in[5])) {
        const auto again = read_pause(write_pause(*pause));
        FUZZ_CHECK(again && again->not_before == pause->not_before && again->why == pause->why,
                   "a pause does not read back as itself");
    }
    return 0;
}
