// The bundled 2016 campaign, checked against the sourced figures in its own feed and in
// shared/context/campaign-2016.md.
#include <gtest/gtest.h>

#include <cmath>

#include "embedded.hpp"
#include "model/model.hpp"

using namespace likeloss;

namespace {

Model default_model() {
    FeedResult r = parse_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), from_civil(2026, 11, 28, 12));
    EXPECT_TRUE(r.ok()) << r.error.message();
    return Model(std::move(*r.feed));
}

const Instant kTuesdayNoon = from_civil(2016, 3, 1, 12);  // the original tracker's figures (agora.ma)

}  // namespace

TEST(DefaultFeed, IsValidAndTellsThe2016Campaign) {
    const Model m = default_model();
    const Feed& f = m.feed();
    EXPECT_EQ(f.campaign.title, "#BringBackOurVoip");
    EXPECT_EQ(f.campaign.since, from_civil(2016, 2, 26, 20));
    ASSERT_EQ(f.pages.size(), 3u);
    EXPECT_EQ(f.pages[0].name, "Maroc Telecom");
    EXPECT_EQ(f.pages[1].name, "Inwi");
    EXPECT_EQ(f.pages[2].name, "Meditel");
    EXPECT_EQ(f.update_interval_s, 0);  // a historical record: it never counts on by itself
}

TEST(DefaultFeed, BaselinesAreTheReportedOrDerivedAudiences) {
    const Model m = default_model();  // kept: the feed lives in it
    const Feed& f = m.feed();
    EXPECT_EQ(f.pages[0].baseline.count, 2447581);  // reported (socialnetlink.org)
    EXPECT_EQ(f.pages[0].baseline.provenance.status, Status::reported);
    // Derived: 120,815 lost = 5.92 %, 113,235 lost = 5.15 % (voipsensemaroc.com).
    EXPECT_EQ(f.pages[1].baseline.count, std::lround(120815 / 0.0592));
    EXPECT_EQ(f.pages[1].baseline.provenance.status, Status::derived);
    EXPECT_EQ(f.pages[2].baseline.count, std::lround(113235 / 0.0515));
    EXPECT_EQ(f.pages[2].baseline.provenance.status, Status::derived);
}

TEST(DefaultFeed, TheOriginalTrackersFiguresOnTuesdayNoon) {
    const Figures f = default_model().at(kTuesdayNoon);
    EXPECT_FALSE(f.estimate);
    EXPECT_EQ(f.pages[0].lost, 187680);
    EXPECT_EQ(f.pages[1].lost, 157655);
    EXPECT_EQ(f.pages[2].lost, 149317);
    EXPECT_EQ(f.lost, 187680 + 157655 + 149317);
    // 3 MAD a like, as the tracker counted: its money figures agree to within 0.01 %.
    const double per_unit = default_model().feed().money.per_unit.value;
    EXPECT_EQ(per_unit, 3.0);
    EXPECT_NEAR(187680 * per_unit, 563019, 563019 * 1e-4);
    EXPECT_NEAR(157655 * per_unit, 472983, 472983 * 1e-4);
    EXPECT_NEAR(149317 * per_unit, 447936, 447936 * 1e-4);
    ASSERT_EQ(f.money.size(), 2u);
    EXPECT_DOUBLE_EQ(f.money[0].value, 494652 * 3.0);
    EXPECT_EQ(f.money[1].currency, "USD");
    EXPECT_NEAR(f.money[1].value, 494652 * 3.0 * 0.1, 1e-6);  // about 10 MAD a dollar (assumption)
}

TEST(DefaultFeed, PercentagesMatchTheReportedOnes) {
    const Model m = default_model();
    const Figures sunday = m.at(from_civil(2016, 2, 28, 12));  // labass.net, Sunday midday
    // Maroc Telecom's loss was reported as a number (137,500) and its share separately (5.62 %):
    // an independent check of the baseline. Inwi's and Meditel's Sunday losses were derived from
    // their percentages, so only the Tuesday figures test those baselines (below).
    EXPECT_NEAR(sunday.pages[0].percent, 5.62, 0.005);
    const Figures tuesday = m.at(kTuesdayNoon);
    EXPECT_NEAR(tuesday.pages[0].percent, 100.0 * 187680 / 2447581, 1e-9);
    // voipsensemaroc.com's later -120,815 (-5.92 %) and -113,235 (-5.15 %) give the derived
    // baselines; the tracker's Tuesday losses against them are 7.73 % and 6.79 %.
    EXPECT_NEAR(tuesday.pages[1].percent, 100.0 * 157655 / (120815 / 0.0592), 0.001);
    EXPECT_NEAR(tuesday.pages[2].percent, 100.0 * 149317 / (113235 / 0.0515), 0.001);
}

TEST(DefaultFeed, TodayShowsTheLastMeasuredFigures) {
    const Model m = default_model();
    const Figures today = m.at(from_civil(2026, 11, 28, 12));
    EXPECT_FALSE(today.estimate);
    EXPECT_EQ(today.lost, 494652);
    EXPECT_EQ(today.measured_at, kTuesdayNoon);
    EXPECT_FALSE(m.next_change(from_civil(2026, 11, 28, 12)).has_value());  // nothing to redraw, ever
    // The speed at the end, between Sunday midday and Tuesday noon: (187,680 - 137,500) / 2 days.
    EXPECT_NEAR(today.pages[0].loss_per_minute, 50180.0 / (48 * 60), 1e-9);
}

TEST(DefaultFeed, EveryFigureSaysWhereItComesFrom) {
    const Model m = default_model();  // kept: the feed lives in it
    const Feed& f = m.feed();
    EXPECT_EQ(f.money.per_unit.provenance.status, Status::derived);
    EXPECT_FALSE(f.money.per_unit.provenance.note.empty());
    EXPECT_EQ(f.money.rates[0].per_base.provenance.status, Status::assumption);
    for (const Page& p : f.pages) {
        EXPECT_FALSE(p.baseline.provenance.source.empty()) << p.id;
        for (const Measurement& s : p.samples) {
            EXPECT_FALSE(s.provenance.source.empty()) << p.id;
            EXPECT_FALSE(s.provenance.note.empty()) << p.id;
        }
    }
}
