#include <gtest/gtest.h>

#include "params/customize.hpp"
#include "feed_fixture.hpp"
#include "words_fixture.hpp"

using namespace likeloss;

namespace {
Feed test_feed() { return *parse_feed(valid_feed().dump(), test_now()).feed; }

// customize with the page's parameters, its refusals as the small print names them.
std::vector<std::string> customized(Feed& f, std::string_view query) {
    const Options o = parse_options(query);
    std::vector<std::string> out;
    for (const Ignored& i : customize(f, o.look, o.content)) out.push_back(i.key + ": " + i.why());
    return out;
}
}  // namespace

TEST(Customize, PagesInTheOrderAskedWithTheirColours) {
    Feed f = test_feed();
    const auto ignored = customized(f, "pages=b,nosuch,a&color.B=%23abcdef&color.zz=red&title=Mine");
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[0].id, "b");
    EXPECT_EQ(f.pages[1].id, "a");
    EXPECT_EQ(f.pages[0].color, (Rgba{0xab, 0xcd, 0xef, 255}));  // ids match in any case (HTML lowercases)
    EXPECT_EQ(f.campaign.title, "Mine");
    EXPECT_EQ(ignored, (std::vector<std::string>{"color.zz: the feed has no page zz", "pages: the feed has no page nosuch"}));
    // A colour for a page that pages= leaves out is not an error.
    Feed g = test_feed();
    EXPECT_TRUE(customized(g, "pages=a&color.b=red").empty());
}

TEST(Customize, AnotherCurrencyBecomesTheBase) {
    Feed f = test_feed();  // 3 MAD a like (assumption), 0.1 USD a MAD
    EXPECT_TRUE(customized(f, "currency=USD").empty());
    EXPECT_EQ(f.money.currency, "USD");
    EXPECT_DOUBLE_EQ(f.money.per_unit.value, 0.3);
    EXPECT_EQ(f.money.per_unit.provenance.note, "3 MAD x 0.1 USD/MAD.");
    EXPECT_EQ(f.money.per_unit.provenance.status, Status::assumption);  // as sure as its least sure part
    ASSERT_EQ(f.money.rates.size(), 1u);
    EXPECT_EQ(f.money.rates[0].currency, "MAD");
    EXPECT_DOUBLE_EQ(f.money.rates[0].per_base.value, 10);
    Feed g = test_feed();
    EXPECT_EQ(customized(g, "currency=EUR"), (std::vector<std::string>{"currency: the feed has no rate for EUR"}));
    EXPECT_EQ(g.money.currency, "MAD");
}

TEST(Customize, AValuePerLikeFromTheUrlIsAnAssumptionAndSaysSo) {
    Feed f = test_feed();
    customized(f, "per_unit=5");
    EXPECT_DOUBLE_EQ(f.money.per_unit.value, 5);
    EXPECT_EQ(f.money.per_unit.provenance.status, Status::assumption);
    EXPECT_NE(f.money.per_unit.provenance.note.find("per_unit parameter"), std::string::npos);
}

TEST(Customize, ItsNotesAreInTheWidgetsLanguage) {
    std::optional<Catalogue> keep;
    const Options o = parse_options("per_unit=2.5&currency=USD");
    Feed f = test_feed();
    customize(f, o.look, o.content, words_in("fr-MA", keep));
    EXPECT_EQ(f.money.per_unit.provenance.note,
              "Fixé par le paramètre per_unit de ce widget, pas par le flux de la campagne. 2,5 MAD x 0,1 USD/MAD.");
}

TEST(Customize, AConvertedFigureIsDerivedAndCitesBothSources) {
    nlohmann::json j = valid_feed();
    j["money"]["per_unit"] = {{"value", 3}, {"status", "reported"}, {"source", "tracker"}, {"note", "as reported"}};
    j["money"]["rates"]["USD"] = {{"value", 0.1}, {"status", "reported"}, {"source", "central bank"}};
    Feed f = *parse_feed(j.dump(), test_now()).feed;
    customized(f, "currency=USD");
    EXPECT_EQ(f.money.per_unit.provenance.status, Status::derived);
    EXPECT_EQ(f.money.per_unit.provenance.source, "tracker; central bank");
    EXPECT_EQ(f.money.per_unit.provenance.note, "as reported; 3 MAD x 0.1 USD/MAD.");
    EXPECT_EQ(f.money.rates[0].per_base.provenance.status, Status::derived);

    Feed g = *parse_feed(j.dump(), test_now()).feed;
    customized(g, "per_unit=5&currency=USD");  // the widget's own value keeps its label
    EXPECT_DOUBLE_EQ(g.money.per_unit.value, 0.5);
    EXPECT_EQ(g.money.per_unit.provenance.status, Status::assumption);
    EXPECT_NE(g.money.per_unit.provenance.note.find("per_unit parameter"), std::string::npos);
}

// pages= naming one page twice, in two cases, shows it once (ids match in any case).
TEST(Customize, APageNamedTwiceInTwoCasesIsShownOnce) {
    Feed f = test_feed();
    EXPECT_TRUE(customized(f, "pages=B,a,b").empty());
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[0].id, "b");
    EXPECT_EQ(f.pages[1].id, "a");
}
