// One collector run's decisions: the next feed from the published one and Facebook's counts, the
// thinning of history, and the pauses asked by Facebook's usage headers.
#include <gtest/gtest.h>

#include "collect.hpp"
#include "feed/feed_write.hpp"
#include "live/live.hpp"

using namespace likeloss;

namespace {

const Instant kStart = from_civil(2026, 11, 28, 12);

CollectConfig config(const std::string& pages, int max_samples = 400) {
    const std::string text = R"({"output": "feed.json", "update_interval_s": 300, "max_samples": )" +
                             std::to_string(max_samples) + R"(,
      "campaign": {"title": "Unlike", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": 3}, "pages": )" + pages + "}";
    CollectConfigResult r = parse_collect_config(text, kStart);
    if (!r.config) ADD_FAILURE() << r.error.message();
    return r.config ? *r.config : CollectConfig{};
}

const std::string kTwoPages = R"([
    {"id": "maroctelecom", "name": "Maroc Telecom",
     "baseline": {"at": "2026-11-01T00:00:00Z", "count": 2000000, "status": "reported", "source": "a report"}},
    {"id": "inwi.ma", "name": "Inwi"}])";

GraphPage likes(const std::string& id, std::int64_t n) {
    GraphPage g;
    g.id = id;
    g.likes = n;
    g.followers = n + 10;
    return g;
}

GraphPage followers_only(const std::string& id, std::int64_t n) {
    GraphPage g;
    g.id = id;
    g.likes = 0;  // a page of the New Pages Experience
    g.followers = n;
    return g;
}

// What the widget would read: the run's feed, written and parsed again.
Feed published(const NextFeed& next, Instant now) {
    EXPECT_TRUE(next.feed);
    FeedResult r = parse_feed(write_feed(*next.feed), now);
    EXPECT_TRUE(r.ok()) << r.error.message();
    return *r.feed;
}

}  // namespace

TEST(Collect, TheFirstRunMeasuresMissingBaselinesAndSamplesTheOthers) {
    const CollectConfig c = config(kTwoPages);
    const NextFeed next = next_feed(c, nullptr, {likes("maroctelecom", 1990000), likes("inwi.ma", 1500000)}, kStart);
    EXPECT_EQ(next.measured, 2);
    const Feed f = published(next, kStart);
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.update_interval_s, 300);
    EXPECT_EQ(f.generated_at, kStart);
    const Page& mt = f.pages[0];
    EXPECT_EQ(mt.baseline.count, 2000000);  // as configured
    ASSERT_EQ(mt.samples.size(), 1u);
    EXPECT_EQ(mt.samples[0].count, 1990000);
    EXPECT_EQ(mt.samples[0].provenance.status, Status::reported);
    EXPECT_EQ(mt.samples[0].provenance.source, kMeasuredSource);
    EXPECT_EQ(mt.samples[0].provenance.note, "fan_count");
    ASSERT_TRUE(mt.rate_per_s);
    EXPECT_LT(*mt.rate_per_s, 0);
    const Page& inwi = f.pages[1];
    EXPECT_EQ(inwi.baseline.at, kStart);  // measured now
    EXPECT_EQ(inwi.baseline.count, 1500000);
    EXPECT_TRUE(inwi.samples.empty());
    EXPECT_FALSE(inwi.rate_per_s);
}

TEST(Collect, LaterRunsAppendOneSampleAPageAndRecomputeTheRate) {
    const CollectConfig c = config(kTwoPages);
    Feed f = published(next_feed(c, nullptr, {likes("maroctelecom", 1990000), likes("inwi.ma", 1500000)}, kStart), kStart);
    const Instant t1 = kStart + 5 * kMinute;
    f = published(next_feed(c, &f, {likes("maroctelecom", 1989700), likes("inwi.ma", 1499400)}, t1), t1);
    const Instant t2 = t1 + 5 * kMinute;
    const NextFeed next = next_feed(c, &f, {likes("maroctelecom", 1989400), likes("inwi.ma", 1498800)}, t2);
    EXPECT_EQ(next.measured, 2);
    f = published(next, t2);
    EXPECT_EQ(f.pages[0].samples.size(), 3u);
    EXPECT_DOUBLE_EQ(*f.pages[0].rate_per_s, -1.0);  // 300 likes in 300 s
    EXPECT_EQ(f.pages[1].baseline.count, 1500000);   // the measured baseline stays
    EXPECT_EQ(f.pages[1].samples.size(), 2u);
    EXPECT_DOUBLE_EQ(*f.pages[1].rate_per_s, -2.0);
}

TEST(Collect, APageWithoutACountKeepsItsHistoryAndIsNamed) {
    const CollectConfig c = config(kTwoPages);
    Feed f = published(next_feed(c, nullptr, {likes("maroctelecom", 1990000), likes("inwi.ma", 1500000)}, kStart), kStart);
    const Instant t1 = kStart + 5 * kMinute;
    const NextFeed next = next_feed(c, &f, {likes("maroctelecom", 1989000)}, t1);
    EXPECT_EQ(next.measured, 1);
    ASSERT_EQ(next.notes.size(), 1u);
    EXPECT_EQ(next.notes[0], "inwi.ma: no count from Facebook in this run");
    f = published(next, t1);
    EXPECT_EQ(f.pages[1].baseline.count, 1500000);
}

TEST(Collect, APlannedBaselineWaitsForItsInstant) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A", "baseline": {"at": "2026-12-01T00:00:00Z"}}])");
    NextFeed next = next_feed(c, nullptr, {likes("a", 10)}, kStart);
    EXPECT_FALSE(next.feed);  // nothing to publish: no page has a baseline
    ASSERT_EQ(next.notes.size(), 1u);
    EXPECT_EQ(next.notes[0], "a: counting starts at 2026-12-01T00:00:00Z");
    const Instant later = from_civil(2026, 12, 1, 0, 5);
    next = next_feed(c, nullptr, {likes("a", 10)}, later);
    EXPECT_EQ(published(next, later).pages[0].baseline.at, later);
}

TEST(Collect, AGivenBaselineInTheFutureWaitsToo) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A"},
        {"id": "b", "name": "B", "baseline": {"at": "2026-12-01T00:00:00Z", "count": 5, "status": "assumption"}}])");
    const NextFeed next = next_feed(c, nullptr, {likes("a", 10), likes("b", 4)}, kStart);
    ASSERT_EQ(next.notes.size(), 1u);
    EXPECT_EQ(next.notes[0], "b: counting starts at 2026-12-01T00:00:00Z");
    EXPECT_EQ(published(next, kStart).pages.size(), 1u);  // a feed the widget reads: nothing after generated_at
}

TEST(Collect, NewPagesExperiencePagesAreMeasuredInFollowers) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A"}])");
    Feed f = published(next_feed(c, nullptr, {followers_only("a", 900)}, kStart), kStart);
    EXPECT_EQ(f.pages[0].unit, Unit::followers);
    EXPECT_EQ(f.pages[0].baseline.count, 900);
    f = published(next_feed(c, &f, {followers_only("a", 880)}, kStart + kMinute), kStart + kMinute);
    EXPECT_EQ(f.pages[0].samples[0].count, 880);
    EXPECT_EQ(f.pages[0].samples[0].provenance.note, "followers_count");
}

TEST(Collect, ACountInAnotherUnitThanTheBaselineIsNotMixedIn) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A", "unit": "likes",
        "baseline": {"at": "2026-11-01T00:00:00Z", "count": 1000, "status": "assumption"}}])");
    GraphPage g;
    g.id = "a";
    g.followers = 950;  // the page moved to the New Pages Experience: followers only
    const NextFeed next = next_feed(c, nullptr, {g}, kStart);
    EXPECT_EQ(next.measured, 0);
    ASSERT_EQ(next.notes.size(), 1u);
    EXPECT_NE(next.notes[0].find("Facebook now counts its followers"), std::string::npos);
}

TEST(Collect, AChangedBaselineInTheConfigurationKeepsTheSamplesAfterIt) {
    Feed f = published(next_feed(config(kTwoPages), nullptr, {likes("maroctelecom", 1990000)}, kStart), kStart);
    const CollectConfig moved = config(R"([{"id": "maroctelecom", "name": "MT",
        "baseline": {"at": "2026-11-20T00:00:00Z", "count": 1995000, "status": "reported", "source": "a newer report"}}])");
    const Instant t1 = kStart + kMinute;
    f = published(next_feed(moved, &f, {likes("maroctelecom", 1989000)}, t1), t1);
    EXPECT_EQ(f.pages.size(), 1u);  // inwi.ma left the configuration, so it leaves the feed
    EXPECT_EQ(f.pages[0].name, "MT");
    EXPECT_EQ(f.pages[0].baseline.count, 1995000);
    EXPECT_EQ(f.pages[0].samples.size(), 2u);
}

TEST(Collect, AZeroAfterAnAudienceIsAGlitchNotALoss) {
    const CollectConfig c = config(kTwoPages);
    Feed f = published(next_feed(c, nullptr, {likes("maroctelecom", 1990000), likes("inwi.ma", 1500000)}, kStart), kStart);
    GraphPage zero;
    zero.id = "inwi.ma";
    zero.likes = 0;  // and no followers_count
    const Instant t1 = kStart + 5 * kMinute;
    const NextFeed next = next_feed(c, &f, {likes("maroctelecom", 1989000), zero}, t1);
    EXPECT_EQ(next.measured, 1);
    ASSERT_EQ(next.notes.size(), 1u);
    EXPECT_EQ(next.notes[0], "inwi.ma: Facebook reported 0, taken as a glitch and not published");
    EXPECT_TRUE(published(next, t1).pages[1].samples.empty());
}

TEST(Collect, AWildJumpGivesNoRateRatherThanAnInvalidOne) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A"}])");
    Feed f = published(next_feed(c, nullptr, {likes("a", 1000)}, kStart), kStart);
    const NextFeed next = next_feed(c, &f, {likes("a", 900'000'000'000)}, kStart + kSecond);
    f = published(next, kStart + kSecond);  // still a valid feed
    EXPECT_EQ(f.pages[0].samples.back().count, 900'000'000'000);
    EXPECT_FALSE(f.pages[0].rate_per_s);
}

TEST(Collect, TheFeedIsNeverDatedBeforeItsLatestMeasurement) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A"}])");
    Feed f = published(next_feed(c, nullptr, {likes("a", 1000)}, kStart), kStart);
    // The clock went back a minute: no sample before the last one, and a feed that still reads.
    const NextFeed next = next_feed(c, &f, {likes("a", 990)}, kStart - kMinute);
    EXPECT_EQ(next.measured, 0);
    EXPECT_EQ(next.feed->generated_at, kStart);
}

TEST(Collect, ThinningKeepsTheNewestHalfAndTheFirstSample) {
    std::vector<Measurement> s;
    for (int i = 0; i < 1000; ++i) s.push_back({kStart + i * kMinute, 1000 - i, {}});
    std::vector<Measurement> t = s;
    thin(t, 100);
    ASSERT_LE(t.size(), 100u);
    EXPECT_EQ(t.front().at, s.front().at);
    for (std::size_t i = 0; i < 50; ++i) EXPECT_EQ(t[t.size() - 1 - i].at, s[s.size() - 1 - i].at);
    for (std::size_t i = 1; i < t.size(); ++i) EXPECT_LT(t[i - 1].at, t[i].at);
    // Resolution falls with age: the oldest gap is the widest.
    EXPECT_GT(t[1].at - t[0].at, t[t.size() - 1].at - t[t.size() - 2].at);
    std::vector<Measurement> small(s.begin(), s.begin() + 100);
    thin(small, 100);
    EXPECT_EQ(small.size(), 100u);  // within the bound: untouched
}

TEST(Collect, HistoryStaysBoundedRunAfterRun) {
    const CollectConfig c = config(R"([{"id": "a", "name": "A"}])", 20);
    Feed f = published(next_feed(c, nullptr, {likes("a", 100000)}, kStart), kStart);
    for (int i = 1; i <= 200; ++i) {
        const Instant t = kStart + i * 5 * kMinute;
        f = published(next_feed(c, &f, {likes("a", 100000 - i)}, t), t);
    }
    EXPECT_LE(f.pages[0].samples.size(), 20u);
    EXPECT_EQ(f.pages[0].baseline.count, 100000);  // never thinned
    EXPECT_EQ(f.pages[0].samples.back().count, 100000 - 200);
}

TEST(Collect, FiftyPagesWithLongHistoriesStayReadableByTheWidget) {
    std::string pages = "[";
    std::vector<GraphPage> counts;
    for (int i = 0; i < 50; ++i) {
        pages += std::string(i ? "," : "") + R"({"id": "page)" + std::to_string(i) + R"(", "name": "Page"})";
        counts.push_back(likes("page" + std::to_string(i), 1000000));
    }
    const CollectConfig c = config(pages + "]", 10000);
    Feed f = published(next_feed(c, nullptr, counts, kStart), kStart);
    for (Page& p : f.pages)
        for (int i = 1; i <= 1000; ++i) p.samples.push_back({kStart + i * kSecond, 1000000 - i, {Status::reported, "x", ""}});
    f.generated_at = kStart + 2000 * kSecond;
    const Instant t = kStart + 2001 * kSecond;
    const NextFeed next = next_feed(c, &f, counts, t);
    EXPECT_LE(write_feed(*next.feed).size(), kMaxFeedBytes / 2);
    EXPECT_EQ(next.feed->pages[7].samples.back().at, t);
}

TEST(Collect, UsageHeadersNearAndOverTheLimitPauseTheRuns) {
    Usage u = read_usage(R"({"call_count":28,"total_time":25,"total_cputime":25})", "");
    EXPECT_EQ(u.percent, 28);
    EXPECT_FALSE(pause_until(u, false, kStart));
    u = read_usage(R"({"call_count":85,"total_time":10,"total_cputime":10})", "");
    EXPECT_EQ(u.percent, 85);
    EXPECT_EQ(u.header, "X-App-Usage");
    EXPECT_EQ(pause_until(u, false, kStart), kStart + 15 * kMinute);
    u = read_usage("", R"({"1234567": [{"type": "pages", "call_count": 100, "total_cputime": 20, "total_time": 30,
                                         "estimated_time_to_regain_access": 19}]})");
    EXPECT_EQ(u.percent, 100);
    EXPECT_EQ(u.regain_minutes, 19);
    EXPECT_EQ(u.header, "X-Business-Use-Case-Usage");
    EXPECT_EQ(pause_until(u, false, kStart), kStart + 20 * kMinute);
    EXPECT_EQ(pause_until(Usage{}, true, kStart), kStart + kHour);  // a rate-limit error, no estimate
    Usage absurd;
    absurd.regain_minutes = 999999;
    EXPECT_EQ(pause_until(absurd, false, kStart), kStart + kDay);  // never longer than a day
    EXPECT_EQ(read_usage("not json", "[1]").percent, 0);
}

TEST(Collect, APauseIsKeptBetweenRuns) {
    const auto p = read_pause(write_pause({kStart + kHour, "X-App-Usage reported 100 %"}));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->not_before, kStart + kHour);
    EXPECT_EQ(p->why, "X-App-Usage reported 100 %");
    EXPECT_FALSE(read_pause("{}"));
    EXPECT_FALSE(read_pause("garbage"));
}
