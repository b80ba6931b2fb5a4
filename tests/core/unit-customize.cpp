#include <gtest/gtest.h>

#include "customize.hpp"
#include "feed_fixture.hpp"

using namespace likeloss;

namespace {
Feed test_feed() { return *parse_feed(valid_feed().dump(), test_now()).feed; }
}  // namespace

TEST(Customize, PagesInTheOrderAskedWithTheirColours) {
    Feed f = test_feed();
    const auto ignored = customize(f, parse_options("pages=b,nosuch&color.b=%23abcdef&color.zz=red&title=Mine"));
    ASSERT_EQ(f.pages.size(), 1u);
    EXPECT_EQ(f.pages[0].id, "b");
    EXPECT_EQ(f.pages[0].color, (Rgba{0xab, 0xcd, 0xef, 255}));
    EXPECT_EQ(f.campaign.title, "Mine");
    EXPECT_EQ(ignored, (std::vector<std::string>{"pages: the feed has no page nosuch", "color.zz: the feed has no page zz"}));
}

TEST(Customize, AnotherCurrencyBecomesTheBase) {
    Feed f = test_feed();  // 3 MAD a like (assumption), 0.1 USD a MAD
    EXPECT_TRUE(customize(f, parse_options("currency=USD")).empty());
    EXPECT_EQ(f.money.currency, "USD");
    EXPECT_DOUBLE_EQ(f.money.per_unit.value, 0.3);
    EXPECT_EQ(f.money.per_unit.provenance.note, "3 MAD x 0.1 USD/MAD.");
    ASSERT_EQ(f.money.rates.size(), 1u);
    EXPECT_EQ(f.money.rates[0].currency, "MAD");
    EXPECT_DOUBLE_EQ(f.money.rates[0].per_base.value, 10);
    Feed g = test_feed();
    EXPECT_EQ(customize(g, parse_options("currency=EUR")), (std::vector<std::string>{"currency: the feed has no rate for EUR"}));
    EXPECT_EQ(g.money.currency, "MAD");
}

TEST(Customize, AValuePerLikeFromTheUrlIsAnAssumptionAndSaysSo) {
    Feed f = test_feed();
    customize(f, parse_options("per_unit=5"));
    EXPECT_DOUBLE_EQ(f.money.per_unit.value, 5);
    EXPECT_EQ(f.money.per_unit.provenance.status, Status::assumption);
    EXPECT_NE(f.money.per_unit.provenance.note.find("per_unit parameter"), std::string::npos);
}
