#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "feed/feed.hpp"
#include "feed_fixture.hpp"
#include "text/format.hpp"
#include "text/text.hpp"

using namespace likeloss;
using nlohmann::json;

namespace {

FeedResult parse(const json& j) { return parse_feed(j.dump(), test_now()); }

// Parses a feed that must fail, and returns "path: rule".
std::string fault(const json& j) {
    FeedResult r = parse(j);
    EXPECT_FALSE(r.ok());
    return r.ok() ? "" : r.error.message();
}

}  // namespace

TEST(Feed, ReadsAValidFeed) {
    FeedResult r = parse(valid_feed());
    ASSERT_TRUE(r.ok()) << r.error.message();
    const Feed& f = *r.feed;
    EXPECT_EQ(f.campaign.title, "Test");
    EXPECT_EQ(f.campaign.since, from_civil(2020, 1, 1));
    EXPECT_EQ(f.money.currency, "MAD");
    EXPECT_EQ(f.money.per_unit.value, 3);
    ASSERT_EQ(f.money.rates.size(), 1u);
    EXPECT_EQ(f.money.rates[0].currency, "USD");
    EXPECT_EQ(f.money.rates[0].per_base.provenance.status, Status::assumption);  // a bare number
    EXPECT_EQ(f.update_interval_s, 60);
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[0].color, (Rgba{0x11, 0x22, 0x33, 255}));
    EXPECT_EQ(f.pages[0].unit, Unit::likes);
    EXPECT_EQ(f.pages[1].unit, Unit::followers);
    EXPECT_FALSE(f.pages[1].color.has_value());
    ASSERT_EQ(f.pages[0].samples.size(), 2u);
    EXPECT_EQ(f.pages[0].samples[1].count, 900);  // "lost": 100 below the baseline of 1000
    EXPECT_EQ(f.pages[0].samples[1].provenance.status, Status::derived);
}

TEST(Feed, IgnoresUnknownFields) {
    json j = valid_feed();
    j["future_field"] = {1, 2, 3};
    j["pages"][0]["avatar"] = "x.png";
    EXPECT_TRUE(parse(j).ok());
}

TEST(Feed, ReportsMalformedJsonWithItsPosition) {
    std::string text = valid_feed().dump();
    FeedResult r = parse_feed(text.substr(0, text.size() / 2), test_now());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.path, "$");
    EXPECT_NE(r.error.rule.find("truncated"), std::string::npos) << r.error.rule;

    r = parse_feed("{\"version\": 1,, }", test_now());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.rule.find("syntax error at byte 15 of 17"), std::string::npos) << r.error.rule;

    r = parse_feed("", test_now());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.rule, "the feed is empty");
}

TEST(Feed, NamesThePathOfAWrongType) {
    json j = valid_feed();
    j["pages"][1]["baseline"]["count"] = "500";
    EXPECT_EQ(fault(j), "$.pages[1].baseline.count: must be a whole number, not a string");

    j = valid_feed();
    j["campaign"] = "Test";
    EXPECT_EQ(fault(j), "$.campaign: must be an object, not a string");

    j = valid_feed();
    j["pages"] = json::object();
    EXPECT_EQ(fault(j), "$.pages: must be an array, not an object");

    EXPECT_EQ(fault(json::array()), "$: must be an object, not an array");
}

TEST(Feed, NamesAMissingField) {
    json j = valid_feed();
    j["pages"][0].erase("baseline");
    EXPECT_EQ(fault(j), "$.pages[0].baseline: required");

    j = valid_feed();
    j["pages"][0]["samples"][0].erase("count");
    EXPECT_EQ(fault(j), "$.pages[0].samples[0].count: required");

    j = valid_feed();
    j.erase("generated_at");
    EXPECT_EQ(fault(j), "$.generated_at: required");

    j = valid_feed();
    j["pages"][0]["baseline"].erase("source");
    EXPECT_EQ(fault(j), "$.pages[0].baseline.source: required: a reported figure names its source");
}

TEST(Feed, RejectsNegativeAndFractionalCounts) {
    json j = valid_feed();
    j["pages"][0]["samples"][0]["count"] = -5;
    EXPECT_EQ(fault(j), "$.pages[0].samples[0].count: must not be negative");

    j = valid_feed();
    j["pages"][0]["baseline"]["count"] = 1000.5;
    EXPECT_EQ(fault(j), "$.pages[0].baseline.count: must be a whole number");

    j = valid_feed();
    j["pages"][0]["samples"][1]["lost"] = 1001;
    EXPECT_EQ(fault(j), "$.pages[0].samples[1].lost: is more than the baseline's count");

    j = valid_feed();
    j["pages"][0]["samples"][1]["count"] = 900;
    EXPECT_EQ(fault(j), "$.pages[0].samples[1].lost: give either count or lost, not both");
}

TEST(Feed, RejectsHugeNumbers) {
    json j = valid_feed();
    j["pages"][0]["baseline"]["count"] = 1'000'000'000'001ULL;
    EXPECT_EQ(fault(j), "$.pages[0].baseline.count: is too large (at most 1,000,000,000,000)");

    std::string text = valid_feed().dump();
    const std::string from = "\"count\":1000";
    text.replace(text.find(from), from.size(), "\"count\":123456789012345678901234567890");
    FeedResult r = parse_feed(text, test_now());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.message(), "$.pages[0].baseline.count: is too large (at most 1,000,000,000,000)");

    j = valid_feed();
    j["money"]["per_unit"]["value"] = 1e300;
    EXPECT_EQ(fault(j), "$.money.per_unit.value: must be between 0 and 1,000,000");

    // Numbers in messages as people write them, and each bound the one docs/feed.md gives.
    j = valid_feed();
    j["update_interval_s"] = 1e308;
    EXPECT_EQ(fault(j), "$.update_interval_s: must be 0 (never updated) or a whole number of seconds from 10 to 604,800");
    j["update_interval_s"] = 604801;
    EXPECT_EQ(fault(j), "$.update_interval_s: must be 0 (never updated) or a whole number of seconds from 10 to 604,800");
    j["update_interval_s"] = 60.5;
    EXPECT_EQ(fault(j), "$.update_interval_s: must be 0 (never updated) or a whole number of seconds from 10 to 604,800");
    j["update_interval_s"] = 604800.0;
    EXPECT_TRUE(parse(j).ok());

    j = valid_feed();
    j["pages"][0]["rate_per_s"] = -2e6;
    EXPECT_EQ(fault(j), "$.pages[0].rate_per_s: must be between -1,000,000 and 1,000,000");

    j = valid_feed();
    j["money"]["rates"]["USD"] = 1e10;
    EXPECT_EQ(fault(j), "$.money.rates.USD: must be between 0.000000001 and 1,000,000,000");
}

TEST(Feed, RejectsSamplesBeforeTheBaselineOrOutOfOrder) {
    json j = valid_feed();
    j["pages"][0]["samples"][0]["at"] = "2019-12-31T23:00:00Z";
    EXPECT_EQ(fault(j), "$.pages[0].samples[0].at: is before the page's baseline");

    j = valid_feed();
    j["pages"][0]["samples"][1]["at"] = "2020-01-01T00:30:00Z";
    EXPECT_EQ(fault(j), "$.pages[0].samples[1].at: is not after the previous sample");

    j = valid_feed();
    j["pages"][0]["samples"][1]["at"] = "2020-01-01T03:00:00Z";
    EXPECT_EQ(fault(j), "$.pages[0].samples: holds a measurement after the feed's generated_at");
}

TEST(Feed, RejectsBadTimestamps) {
    json j = valid_feed();
    j["campaign"]["since"] = "2016-02-26";
    EXPECT_EQ(fault(j), "$.campaign.since: must be an RFC 3339 timestamp from 1970 to 9999 (UTC), such as 2016-02-26T20:00:00Z, not "
              "\"2016-02-26\"");

    j = valid_feed();
    j["pages"][1]["samples"][0]["at"] = 1577836800;
    EXPECT_EQ(fault(j), "$.pages[1].samples[0].at: must be an RFC 3339 timestamp string, not an integer");
}

TEST(Feed, RejectsAFeedFromTheFuture) {
    json j = valid_feed();
    j["generated_at"] = "2020-01-05T00:00:00Z";
    EXPECT_EQ(fault(j), "$.generated_at: is in the future (2020-01-05T00:00:00Z)");
    // Within a day of the reader's clock is a wrong clock, not a wrong feed.
    j["generated_at"] = "2020-01-02T12:00:00Z";
    EXPECT_TRUE(parse(j).ok());
}

TEST(Feed, RejectsEmptyOrRepeatedPages) {
    json j = valid_feed();
    j["pages"] = json::array();
    EXPECT_EQ(fault(j), "$.pages: must list at least one page");

    j = valid_feed();
    j["pages"][1]["id"] = "a";
    EXPECT_EQ(fault(j), "$.pages[1].id: repeats the id \"a\" of $.pages[0] (ids match in any case)");

    // Every lookup ignores case, so "Meditel" and "meditel" are one page: the second is refused,
    // not published with the first one's count.
    j = valid_feed();
    j["pages"][0]["id"] = "Meditel";
    j["pages"][1]["id"] = "meditel";
    EXPECT_EQ(fault(j), "$.pages[1].id: repeats the id \"Meditel\" of $.pages[0] (ids match in any case)");

    // An instant that its offset carries before 1970 is refused where it stands.
    j = valid_feed();
    j["campaign"]["since"] = "1970-01-01T00:00:00+01:00";
    EXPECT_EQ(fault(j).rfind("$.campaign.since: must be an RFC 3339 timestamp from 1970 to 9999", 0), 0u);

    j = valid_feed();
    j["pages"][0]["id"] = "a<script>";
    EXPECT_EQ(fault(j), "$.pages[0].id: may hold only letters, digits, '.', '_' and '-'");
}

TEST(Feed, RejectsWrongEnumsAndCodes) {
    json j = valid_feed();
    j["version"] = 2;
    EXPECT_EQ(fault(j), "$.version: must be 1 (this widget reads version 1 feeds)");

    j = valid_feed();
    j["pages"][0]["baseline"]["status"] = "guess";
    EXPECT_EQ(fault(j), "$.pages[0].baseline.status: must be \"reported\", \"derived\" or \"assumption\"");

    j = valid_feed();
    j["money"]["currency"] = "dirham";
    EXPECT_EQ(fault(j), "$.money.currency: must be at most 3 bytes long");

    j = valid_feed();
    j["money"]["rates"]["usd"] = 0.1;
    EXPECT_EQ(fault(j), "$.money.rates.usd: must be a three-letter ISO 4217 code such as MAD");

    j = valid_feed();
    j["pages"][0]["color"] = "blue";
    EXPECT_EQ(fault(j), "$.pages[0].color: must be a colour such as #0a6ebd");

    j = valid_feed();
    j["pages"][1]["unit"] = "fans";
    EXPECT_EQ(fault(j), "$.pages[1].unit: must be \"likes\" or \"followers\"");
}

// docs/feed.md states every bound as the messages write it: read next to this file, so a change
// of a limit that forgets the documentation fails here.
TEST(Feed, TheDocumentedBoundsAreTheParsersOwn) {
    std::string here = __FILE__;
    here.resize(here.rfind("tests/core/"));
    std::ifstream in(here + "docs/feed.md");
    ASSERT_TRUE(in) << here << "docs/feed.md";
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const std::string& bound :
         {"10 to " + format_count(kMaxUpdateInterval_s), format_number(-kMaxRatePerSecond) + " to " + format_number(kMaxRatePerSecond),
          "0 to " + format_count(kMaxCount), "1 to " + format_count(kMaxPages) + " pages",
          "at most " + format_count(kMaxSamples), std::string("0.000000001 to 1,000,000,000"), std::string("0 to 1,000,000 |")})
        EXPECT_NE(doc.find(bound), std::string::npos) << bound;
    json j = valid_feed();
    j["update_interval_s"] = 1e308;
    EXPECT_NE(fault(j).find("from " + format_count(kMinUpdateInterval_s) + " to " + format_count(kMaxUpdateInterval_s)), std::string::npos);
}

// A bad timestamp is quoted back cut before a character, so the message stays well-formed UTF-8.
TEST(Feed, AQuotedBadValueIsNeverCutInsideACharacter) {
    json j = valid_feed();
    std::string since = "a";
    for (int i = 0; i < 30; ++i) since += "\xC3\xA9";  // é
    j["campaign"]["since"] = since;
    const std::string message = fault(j);
    EXPECT_TRUE(utf8_length(message).has_value()) << message;
    EXPECT_NE(message.find("not \"a\xC3\xA9"), std::string::npos);
}

// Translations: the campaign's title and note and each page's name in other languages, chosen by
// the widget's language (its exact tag first, then its language), the feed's own words otherwise.
TEST(Feed, ReadsTranslationsAndChoosesByLanguage) {
    nlohmann::json j = valid_feed();
    j["campaign"]["translations"] = {{"ar", {{"title", "أعيدوا لنا الاتصال"}}},
                                     {"fr", {{"title", "Rendez-nous la VoIP"}, {"note", "Note"}}},
                                     {"fr-MA", {{"title", "Rendez-nous la VoIP (Maroc)"}}}};
    j["pages"][0]["translations"] = {{"ar", {{"name", "الصفحة أ"}}}, {"fr", nlohmann::json::object()}};
    FeedResult r = parse_feed(j.dump(), test_now());
    ASSERT_TRUE(r.ok()) << r.error.message();
    Feed ar = *r.feed, fr = *r.feed, fr_ma = *r.feed, de = *r.feed;
    translate(ar, "ar-MA");
    EXPECT_EQ(ar.campaign.title, "أعيدوا لنا الاتصال");
    EXPECT_EQ(ar.pages[0].name, "الصفحة أ");
    EXPECT_EQ(ar.pages[1].name, "Page B");  // no translation: the feed's own name
    translate(fr, "fr");
    EXPECT_EQ(fr.campaign.title, "Rendez-nous la VoIP");
    EXPECT_EQ(fr.campaign.note, "Note");
    EXPECT_EQ(fr.pages[0].name, "Page A");  // a translation without a name keeps it
    translate(fr_ma, "FR-ma");
    EXPECT_EQ(fr_ma.campaign.title, "Rendez-nous la VoIP (Maroc)");
    translate(de, "de");
    EXPECT_EQ(de.campaign.title, "Test");
}

TEST(Feed, RejectsTranslationsThatBreakTheRulesWithTheirPath) {
    const auto fault = [](nlohmann::json translations, bool page = false) {
        nlohmann::json j = valid_feed();
        (page ? j["pages"][0] : j["campaign"])["translations"] = std::move(translations);
        return parse_feed(j.dump(), test_now()).error.message();
    };
    EXPECT_EQ(fault({{"arabic!", {{"title", "x"}}}}), "$.campaign.translations.arabic!: is not a language tag such as ar, fr or fr-MA");
    EXPECT_EQ(fault({{"ar", {{"title", ""}}}}), "$.campaign.translations.ar.title: must not be empty");
    EXPECT_EQ(fault({{"ar", "x"}}), "$.campaign.translations.ar: must be an object, not a string");
    EXPECT_EQ(fault({{"ar", {{"name", std::string(101, 'x')}}}}, true), "$.pages[0].translations.ar.name: must be at most 100 bytes long");
    EXPECT_EQ(fault(nlohmann::json::array()), "$.campaign.translations: must be an object of language tag: texts, not an array");
}
