// The feed writer: what it writes, the parser reads back as the same feed.
#include <gtest/gtest.h>

#include "embedded.hpp"
#include "feed/feed.hpp"
#include "feed/feed_write.hpp"

using namespace likeloss;

namespace {

const Instant kNow = from_civil(2026, 11, 28, 12);

Feed parsed(std::string_view text) {
    FeedResult r = parse_feed(text, kNow);
    EXPECT_TRUE(r.ok()) << r.error.message() << "\n" << text;
    return r.ok() ? *r.feed : Feed{};
}

}  // namespace

TEST(FeedWrite, TheBundledCampaignSurvivesARoundTrip) {
    const Feed original = parsed(std::string_view(kDefaultFeed, kDefaultFeed_size));
    const std::string text = write_feed(original);
    const Feed again = parsed(text);
    EXPECT_EQ(write_feed(again), text);  // a fixed point: nothing drifts from one run to the next
    ASSERT_EQ(again.campaign.translations.size(), 2u);  // its Arabic and French title and note
    EXPECT_EQ(again.campaign.translations[0].title, original.campaign.translations[0].title);
    EXPECT_EQ(again.pages[0].translations[0].name, "اتصالات المغرب");
    ASSERT_EQ(again.pages.size(), original.pages.size());
    for (std::size_t i = 0; i < again.pages.size(); ++i) {
        const Page& a = original.pages[i];
        const Page& b = again.pages[i];
        EXPECT_EQ(b.id, a.id);
        EXPECT_EQ(b.color, a.color);
        EXPECT_EQ(b.baseline.count, a.baseline.count);
        EXPECT_EQ(b.baseline.provenance.source, a.baseline.provenance.source);
        ASSERT_EQ(b.samples.size(), a.samples.size());
        for (std::size_t s = 0; s < a.samples.size(); ++s) {
            // Samples given as "lost" are written as the count they stand for.
            EXPECT_EQ(b.samples[s].count, a.samples[s].count);
            EXPECT_EQ(b.samples[s].at, a.samples[s].at);
            EXPECT_EQ(b.samples[s].provenance.note, a.samples[s].provenance.note);
        }
    }
    EXPECT_EQ(again.money.per_unit.value, original.money.per_unit.value);
    ASSERT_EQ(again.money.rates.size(), 1u);
    EXPECT_EQ(again.money.rates[0].currency, "USD");
    EXPECT_EQ(again.campaign.note, original.campaign.note);
}

TEST(FeedWrite, KeepsRatesTranslucentColoursAndTextAsGiven) {
    Feed f = parsed(R"({"version":1,"campaign":{"title":"Ünlike \"now\"","since":"2026-01-01T00:00:00Z"},
        "money":{"currency":"EUR","per_unit":0.25},"update_interval_s":300,
        "pages":[{"id":"a.b","name":"A","color":"#11223380","unit":"followers",
                  "baseline":{"at":"2026-01-01T00:00:00Z","count":10,"status":"assumption"},
                  "samples":[{"at":"2026-01-02T00:00:00.250Z","count":7,"status":"reported","source":"x"}],
                  "rate_per_s":-0.0001234}],
        "generated_at":"2026-01-02T00:00:01Z"})");
    const Feed g = parsed(write_feed(f));
    EXPECT_EQ(g.campaign.title, "Ünlike \"now\"");
    EXPECT_EQ(g.update_interval_s, 300);
    EXPECT_EQ(g.pages[0].color, (Rgba{0x11, 0x22, 0x33, 0x80}));
    EXPECT_EQ(g.pages[0].unit, Unit::followers);
    EXPECT_EQ(g.pages[0].samples[0].at, f.pages[0].samples[0].at);
    EXPECT_DOUBLE_EQ(*g.pages[0].rate_per_s, -0.0001234);
    EXPECT_EQ(g.money.per_unit.provenance.status, Status::assumption);
    EXPECT_TRUE(g.money.rates.empty());
}
