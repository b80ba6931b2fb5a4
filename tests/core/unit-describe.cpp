#include <gtest/gtest.h>

#include "model/describe.hpp"
#include "embedded.hpp"
#include "feed_fixture.hpp"
#include "words_fixture.hpp"

using namespace likeloss;

TEST(Describe, TheDefaultCampaignInWords) {
    FeedResult r = parse_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), from_civil(2026, 11, 28));
    ASSERT_TRUE(r.ok());
    const Model m(std::move(*r.feed));
    const auto text = lines(describe(m, m.at(from_civil(2026, 11, 28))));
    ASSERT_EQ(text.size(), 7u);
    EXPECT_EQ(text[0],
              "\u2068#BringBackOurVoip\u2069: 494,652 likes lost on Facebook since 26 Feb 2016, 20:00 UTC, 7.40% of 6,687,113.");
    EXPECT_EQ(text[1], "Worth 1,483,956 MAD ($148,396).");
    EXPECT_EQ(text[2], "\u2068Maroc Telecom\u2069: 187,680 likes lost (7.67% of 2,447,581), 563,040 MAD.");
    EXPECT_EQ(text[3], "\u2068Inwi\u2069: 157,655 likes lost (7.73% of 2,040,794), 472,965 MAD.");
    EXPECT_EQ(text[4], "\u2068Meditel\u2069: 149,317 likes lost (6.79% of 2,198,738), 447,951 MAD.");
    EXPECT_EQ(text[5], "Last measured 1 Mar 2016, 12:00 UTC.");
    EXPECT_EQ(text[6], "1 like = 3 MAD (derived); 1 MAD = 0.1 USD (assumption).");
}

TEST(Describe, GainsAndFollowersAndEstimates) {
    nlohmann::json j = valid_feed();
    j["pages"][1]["samples"][0]["count"] = 700;
    FeedResult r = parse_feed(j.dump(), test_now());
    ASSERT_TRUE(r.ok());
    const Model m(std::move(*r.feed));
    const Description d = describe(m, m.at(from_civil(2020, 1, 1, 1, 30)));
    EXPECT_EQ(d.pages[1], "\u2068Page B\u2069: 150 followers gained (30.00% of 500), 450 MAD.");
    EXPECT_EQ(d.measured, "Estimated for 1 Jan 2020, 01:30 UTC from measurements up to 1 Jan 2020, 01:00 UTC.");
}

TEST(Describe, TheDefaultCampaignInFrenchAndArabic) {
    FeedResult r = parse_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), from_civil(2026, 11, 28));
    ASSERT_TRUE(r.ok());
    const Model m(std::move(*r.feed));
    std::optional<Catalogue> fr_words, ar_words;
    const auto fr = lines(describe(m, m.at(from_civil(2026, 11, 28)), words_in("fr-MA", fr_words)));
    EXPECT_EQ(fr[1], "Valeur\u00A0: 1.483.956\u00A0DH (148.396\u00A0$US).");
    EXPECT_EQ(fr[2], "\u2068Maroc Telecom\u2069\u00A0: 187.680 j\u2019aime perdus (7,67\u00A0% de 2.447.581), 563.040\u00A0DH.");
    EXPECT_EQ(fr[5], "Derni\u00E8re mesure\u00A0: 1 mar. 2016, 12:00 UTC.");
    const auto ar = lines(describe(m, m.at(from_civil(2026, 11, 28)), words_in("ar", ar_words)));
    EXPECT_EQ(ar[2], "\u2068Maroc Telecom\u2069: 187.680 إعجاباً مفقوداً (7,67\u200E%\u200E من 2.447.581)، 563.040\u00A0درهم.");
    EXPECT_EQ(ar[5], "آخر قياس: 1 مارس 2016، 12:00 UTC.");
}

// A feed that counts likes on one page and followers on another calls its total neither.
TEST(Describe, AMixedFeedsTotalIsLikesAndFollowers) {
    nlohmann::json j = valid_feed();
    ASSERT_EQ(j["pages"][1]["unit"], "followers");
    FeedResult r = parse_feed(j.dump(), test_now());
    ASSERT_TRUE(r.ok());
    const Model m(std::move(*r.feed));
    const Description d = describe(m, m.at(from_civil(2020, 1, 1, 1, 30)));
    EXPECT_NE(d.headline.find("likes and followers"), std::string::npos) << d.headline;
    EXPECT_EQ(audience_of(m.feed()), Audience::mixed);
}

// A page that did not move shows 0, not "−0".
TEST(Describe, APageRowsFigure) {
    EXPECT_EQ(change_figure(187680, 0), "\xE2\x88\x92" "187,680");
    EXPECT_EQ(change_figure(0, 56), "+56");
    EXPECT_EQ(change_figure(0, 0), "0");
}
