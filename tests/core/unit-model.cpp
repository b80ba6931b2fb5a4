#include <gtest/gtest.h>

#include "feed_fixture.hpp"
#include "model/model.hpp"

using namespace likeloss;

namespace {

Model model_of(const nlohmann::json& j) {
    FeedResult r = parse_feed(j.dump(), test_now());
    EXPECT_TRUE(r.ok()) << r.error.message();
    return Model(std::move(*r.feed));
}

Instant at(int hour, int minute = 0, int second = 0) { return from_civil(2020, 1, 1, hour, minute, second); }

}  // namespace

TEST(Model, MeasuredFiguresAtASample) {
    const Model m = model_of(valid_feed());
    const Figures f = m.at(at(2));
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[0].shown, 900);
    EXPECT_EQ(f.pages[0].lost, 100);
    EXPECT_EQ(f.pages[0].gained, 0);
    EXPECT_DOUBLE_EQ(f.pages[0].percent, 10.0);
    EXPECT_FALSE(f.pages[0].estimate);
    EXPECT_EQ(f.measured_at, at(2));
    EXPECT_FALSE(f.estimate);
}

TEST(Model, AGainIsAGainNeverANegativeLoss) {
    const Figures f = model_of(valid_feed()).at(at(2));
    EXPECT_EQ(f.pages[1].lost, 0);
    EXPECT_EQ(f.pages[1].gained, 20);
    EXPECT_DOUBLE_EQ(f.pages[1].percent, 4.0);
    // The total is net: 100 lost on A, 20 gained on B.
    EXPECT_EQ(f.baseline, 1500);
    EXPECT_EQ(f.lost, 80);
    EXPECT_EQ(f.gained, 0);

    nlohmann::json j = valid_feed();
    j["pages"][1]["samples"][0]["count"] = 700;  // B gains 200: net gain of 100
    const Figures g = model_of(j).at(at(2));
    EXPECT_EQ(g.lost, 0);
    EXPECT_EQ(g.gained, 100);
    EXPECT_DOUBLE_EQ(g.money[0].value, 300);  // the value of the gain, shown as a gain
}

TEST(Model, MoneyInEveryCurrency) {
    const Model m = model_of(valid_feed());  // kept: the rates' provenance lives in it
    const Figures f = m.at(at(2));
    ASSERT_EQ(f.money.size(), 2u);
    EXPECT_EQ(f.money[0].currency, "MAD");
    EXPECT_DOUBLE_EQ(f.money[0].value, 240);
    EXPECT_DOUBLE_EQ(f.pages[0].value, 300);  // 100 lost x 3
    EXPECT_DOUBLE_EQ(f.pages[1].value, 60);   // 20 gained x 3, a gain's value
    EXPECT_EQ(f.money[0].rate, nullptr);
    EXPECT_EQ(f.money[1].currency, "USD");
    EXPECT_NEAR(f.money[1].value, 24, 1e-9);
    ASSERT_NE(f.money[1].rate, nullptr);
    EXPECT_EQ(f.money[1].rate->status, Status::assumption);
}

TEST(Model, InterpolatesBetweenSamplesAsAnEstimate) {
    const Figures f = model_of(valid_feed()).at(at(0, 30));
    EXPECT_TRUE(f.estimate);
    EXPECT_TRUE(f.pages[0].estimate);
    EXPECT_DOUBLE_EQ(f.pages[0].audience, 970);
    EXPECT_EQ(f.pages[0].lost, 30);
    EXPECT_DOUBLE_EQ(f.pages[1].audience, 505);
    EXPECT_EQ(f.pages[1].gained, 5);
    EXPECT_EQ(f.lost, 25);
    EXPECT_EQ(f.measured_at, at(0));
    EXPECT_NEAR(f.pages[0].loss_per_minute, 1.0, 1e-9);   // 60 an hour
    EXPECT_NEAR(f.pages[1].loss_per_minute, -1.0 / 6, 1e-9);
}

TEST(Model, BeforeTheBaselineNothingIsLost) {
    const Figures f = model_of(valid_feed()).at(at(0) - kHour);
    EXPECT_EQ(f.lost, 0);
    EXPECT_EQ(f.gained, 0);
    EXPECT_FALSE(f.estimate);
}

TEST(Model, KeepsTheLastMeasurementWithoutARate) {
    const Model m = model_of(valid_feed());
    const Figures f = m.at(at(2) + 365 * kDay);
    EXPECT_EQ(f.pages[0].shown, 900);
    EXPECT_FALSE(f.estimate);
    EXPECT_FALSE(m.next_change(at(2)).has_value());
}

TEST(Model, ExtrapolatesWithTheRateForThreeIntervalsOnly) {
    nlohmann::json j = valid_feed();
    j["pages"][0]["rate_per_s"] = -1.0;
    const Model m = model_of(j);
    EXPECT_EQ(m.extrapolation_limit(), 180 * kSecond);
    Figures f = m.at(at(2, 1));
    EXPECT_TRUE(f.pages[0].estimate);
    EXPECT_EQ(f.pages[0].shown, 840);
    EXPECT_DOUBLE_EQ(f.pages[0].loss_per_minute, 60);
    EXPECT_EQ(f.estimated_for, at(2, 1));
    f = m.at(at(2, 30));
    EXPECT_EQ(f.pages[0].shown, 720);  // stopped after 180 s: a stale feed does not run on forever
    EXPECT_EQ(f.estimated_for, at(2, 3));  // and says for when its estimate stands
    EXPECT_EQ(f.pages[0].loss_per_minute, 0);  // nor claims a speed it no longer knows
    EXPECT_FALSE(m.next_change(at(2, 30)).has_value());
    // Without an update interval a rate is never applied, nor shown as a speed.
    nlohmann::json never = valid_feed();
    never["update_interval_s"] = 0;
    never["pages"][0]["rate_per_s"] = -1.0;
    const Figures still = model_of(never).at(at(2, 1));
    EXPECT_EQ(still.pages[0].shown, 900);
    EXPECT_FALSE(still.pages[0].estimate);
    // Never below zero, whatever the rate.
    j["pages"][0]["rate_per_s"] = -1000.0;
    EXPECT_EQ(model_of(j).at(at(2, 30)).pages[0].shown, 0);
}

TEST(Model, NextChangeIsWhenARoundedFigureMoves) {
    const Model m = model_of(valid_feed());
    // A loses one like a minute from 00:00 to 01:00: at 00:30:00 it shows 970 and turns to 969
    // when the exact value crosses 969.5, 30 s later. B moves far slower.
    EXPECT_EQ(m.next_change(at(0, 30)), at(0, 30, 30));
    // Before the baseline, the next change is the baseline.
    EXPECT_EQ(m.next_change(at(0) - kHour), at(0));

    nlohmann::json j = valid_feed();
    j["pages"][0]["rate_per_s"] = -0.5;
    const Model live = model_of(j);
    EXPECT_EQ(live.next_change(at(2)), at(2) + 1000);  // 900 -> 899.5 takes a second
    EXPECT_EQ(live.next_change(at(2, 2, 59) + 500), at(2, 3));  // then the rate's time is up
    // A rate too slow to change a digit in time, or a figure stopped at zero, wakes nobody:
    // only the estimate's minute in the footer moves on.
    j["pages"][0]["rate_per_s"] = -1e-300;
    EXPECT_EQ(model_of(j).next_change(at(2) + 10), at(2, 1));
    j["pages"][0]["rate_per_s"] = -1000.0;
    EXPECT_EQ(model_of(j).next_change(at(2, 2)), at(2, 3));
}

TEST(Model, SeriesHasEveryMeasuredInstant) {
    const auto s = model_of(valid_feed()).series();
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].at, at(0));
    EXPECT_EQ(s[0].total, 0);
    EXPECT_EQ(s[1].at, at(1));
    EXPECT_EQ(s[1].lost[0], 60);
    EXPECT_EQ(s[1].lost[1], -10);
    EXPECT_EQ(s[1].total, 50);
    EXPECT_EQ(s[2].total, 80);
}

namespace {

// Page A falls from 1000 by one a second after 02:00 (extrapolated), for an hour at most.
nlohmann::json falling_feed(int last_count, const char* last_at) {
    nlohmann::json j = valid_feed();
    j["pages"][0]["samples"][1] = {{"at", last_at}, {"count", last_count}, {"status", "reported"}, {"source", "s"}};
    j["pages"][0]["rate_per_s"] = -1.0;
    j["update_interval_s"] = 1200;
    j["generated_at"] = last_at;
    return j;
}

}  // namespace

TEST(ModelContinuity, ANewMeasurementBehindTheEstimateHoldsUntilTheEstimatePassesIt) {
    const Model before = model_of(falling_feed(900, "2020-01-01T02:00:00Z"));
    const Instant t = at(2, 1);  // the estimate ran 60 likes ahead: 840
    const Figures shown = before.at(t);
    EXPECT_EQ(shown.pages[0].shown, 840);

    // The next measurement, taken at 02:01, says 870: the counter must not go back up to 870.
    FeedResult r = parse_feed(falling_feed(870, "2020-01-01T02:01:00Z").dump(), test_now());
    ASSERT_TRUE(r.ok()) << r.error.message();
    const Model after(std::move(*r.feed), continuity_of(shown, 10 * kMinute));
    EXPECT_EQ(after.at(t).pages[0].shown, 840);
    EXPECT_TRUE(after.at(t).pages[0].estimate);
    EXPECT_EQ(after.at(t + 20 * kSecond).pages[0].shown, 840);  // 850 by the new estimate: still behind
    EXPECT_EQ(after.at(t + 40 * kSecond).pages[0].shown, 830);  // passed: counting on from the new one
    // Before the switch nothing is held, and the chart's history is the measurements.
    EXPECT_EQ(after.at(t - kSecond).pages[0].shown, 870);  // interpolated towards 870, not held at 840
    EXPECT_EQ(after.series().back().lost[0], 130);
}

TEST(ModelContinuity, ARealReversalShowsOnceTheHoldIsOver) {
    const Model before = model_of(falling_feed(900, "2020-01-01T02:00:00Z"));
    const Instant t = at(2, 1);
    const Figures shown = before.at(t);
    nlohmann::json j = falling_feed(950, "2020-01-01T02:01:00Z");
    j["pages"][0].erase("rate_per_s");  // the page stopped losing
    FeedResult r = parse_feed(j.dump(), test_now());
    ASSERT_TRUE(r.ok()) << r.error.message();
    const Model after(std::move(*r.feed), continuity_of(shown, 2 * kMinute));
    EXPECT_EQ(after.at(t + kMinute).pages[0].shown, 840);
    EXPECT_EQ(*after.next_change(t + kMinute), t + 2 * kMinute);  // the hold's end is a change
    EXPECT_EQ(after.at(t + 2 * kMinute).pages[0].shown, 950);
}

TEST(ModelContinuity, AMeasuredFigureIsNeverHeld) {
    const Model before = model_of(valid_feed());
    const Figures shown = before.at(at(2));  // measured, not an estimate
    FeedResult r = parse_feed(falling_feed(950, "2020-01-01T02:01:00Z").dump(), test_now());
    ASSERT_TRUE(r.ok()) << r.error.message();
    const Model after(std::move(*r.feed), continuity_of(shown, 10 * kMinute));
    EXPECT_EQ(after.at(at(2, 1)).pages[0].shown, 950);
}

TEST(ModelContinuity, AnEstimateStoppedAtItsLimitIsHeldToo) {
    nlohmann::json j = falling_feed(900, "2020-01-01T02:00:00Z");
    j["update_interval_s"] = 20;  // extrapolated for 60 s at most: it stops at 840
    const Model before = model_of(j);
    const Instant t = at(2, 5);
    const Figures shown = before.at(t);
    ASSERT_EQ(shown.pages[0].shown, 840);
    ASSERT_EQ(shown.pages[0].loss_per_minute, 0);
    nlohmann::json next = falling_feed(850, "2020-01-01T02:05:00Z");
    FeedResult r = parse_feed(next.dump(), test_now());
    ASSERT_TRUE(r.ok()) << r.error.message();
    const Model after(std::move(*r.feed), continuity_of(shown, 10 * kMinute));
    EXPECT_EQ(after.at(t).pages[0].shown, 840);
    EXPECT_EQ(after.at(t + 10 * kSecond).pages[0].shown, 840);
    EXPECT_EQ(after.at(t + 11 * kSecond).pages[0].shown, 839);
}

// The chart's scale: the highest stacked loss; with nothing lost there is no scale, and the chart
// labels none (it used to read "1").
TEST(Model, TheChartsTopIsZeroWhenNothingWasLost) {
    nlohmann::json j = valid_feed();
    j["pages"][0]["samples"] = nlohmann::json::array({{{"at", "2020-01-01T01:00:00Z"}, {"count", 1000}, {"status", "reported"}, {"source", "s"}}});
    j["pages"][1]["samples"] = nlohmann::json::array({{{"at", "2020-01-01T02:00:00Z"}, {"count", 500}, {"status", "assumption"}}});
    EXPECT_EQ(series_top(model_of(j).series()), 0);
    EXPECT_EQ(series_top(model_of(valid_feed()).series()), 100);  // page A's 100 lost; B gained
    EXPECT_EQ(series_top({}), 0);
}
