// The collector's configuration: the feed's own rules and paths for the campaign, money and pages,
// and clear refusals for what would leak the token or cannot work.
#include <gtest/gtest.h>

#include "collect_config.hpp"

using namespace likeloss;

namespace {

const Instant kNow = from_civil(2026, 11, 28, 12);

std::string config(const std::string& extra = "", const std::string& pages = "") {
    return R"({"output": "public/feed.json", )" + extra + R"(
      "campaign": {"title": "#BringBackOurVoip", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": {"value": 3, "status": "assumption", "note": "what a like costs"}},
      "pages": )" + (pages.empty() ? R"([
        {"id": "maroctelecom", "name": "Maroc Telecom", "color": "#0a6ebd",
         "baseline": {"at": "2026-11-01T00:00:00Z", "count": 2447581, "status": "reported", "source": "https://example.org/report"}},
        {"id": "inwi.ma", "name": "Inwi"},
        {"id": "meditel", "name": "Meditel", "baseline": {"at": "2026-12-01T00:00:00Z"}}])" : pages) + "}";
}

CollectConfigResult parse(const std::string& text) { return parse_collect_config(text, kNow); }

}  // namespace

TEST(CollectConfig, ReadsPagesWithGivenOrMeasuredBaselines) {
    const CollectConfigResult r = parse(config(R"("token_file": "token", "update_interval_s": 600, "max_samples": 100,)"));
    ASSERT_TRUE(r.config) << r.error.message();
    const CollectConfig& c = *r.config;
    EXPECT_EQ(c.output, "public/feed.json");
    EXPECT_EQ(c.token_file, "token");
    EXPECT_EQ(c.update_interval_s, 600);
    EXPECT_EQ(c.feed.update_interval_s, 600);  // published with the feed: the widget polls at this pace
    EXPECT_EQ(c.max_samples, 100u);
    EXPECT_EQ(c.graph_base, "https://graph.facebook.com");
    ASSERT_EQ(c.feed.pages.size(), 3u);
    EXPECT_EQ(c.measured_baseline, (std::vector<bool>{false, true, true}));
    EXPECT_EQ(c.feed.pages[0].baseline.count, 2447581);
    EXPECT_EQ(c.feed.pages[1].baseline.at, 0);  // measured by the first run
    EXPECT_EQ(c.feed.pages[2].baseline.at, from_civil(2026, 12, 1));  // planned: may be in the future
    EXPECT_EQ(c.feed.money.per_unit.provenance.status, Status::assumption);
}

TEST(CollectConfig, ErrorsNameTheFeedsPathAndRule) {
    auto r = parse(config("", R"([{"id": "maroc telecom", "name": "x"}])"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.message(), "$.pages[0].id: may hold only letters, digits, '.', '_' and '-'");
    r = parse(config("", R"([{"id": "a", "name": "A", "baseline": {"at": "2026-01-01T00:00:00Z", "count": 5, "status": "reported"}}])"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.path, "$.pages[0].baseline.source");
    r = parse(R"({"output": "f.json", "campaign": {"title": "t", "since": "2026-01-01"}})");
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.path, "$.campaign.since");
    EXPECT_EQ(parse(R"({"campaign": {}})").error.message(), "$.output: required");
    EXPECT_EQ(parse("{").error.message(), "$: not valid JSON: the text ends early (truncated?)");
    EXPECT_EQ(parse(config(R"("max_samples": 5,)")).error.path, "$.max_samples");
    EXPECT_EQ(parse(config(R"("update_interval_s": 10,)")).error.path, "$.update_interval_s");
    EXPECT_EQ(parse(config(R"("graph": {"version": "latest"},)")).error.path, "$.graph.version");
}

TEST(CollectConfig, RefusesATokenWrittenInIt) {
    const auto r = parse(config(R"("token": "EAAsecret",)"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.path, "$.token");
    EXPECT_NE(r.error.rule.find("LIKELOSS_GRAPH_TOKEN"), std::string::npos);
    EXPECT_EQ(r.error.rule.find("EAAsecret"), std::string::npos);
}

TEST(CollectConfig, SendsTheTokenOverHttpsOnlyExceptToThisMachine) {
    auto r = parse(config(R"("graph": {"base": "http://graph.example.org"},)"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.message(), "$.graph.base: must be https:// (the token travels with the request)");
    r = parse(config(R"("graph": {"base": "http://127.0.0.1:8931", "version": "v24.0"},)"));
    ASSERT_TRUE(r.config) << r.error.message();
    EXPECT_EQ(r.config->graph_base, "http://127.0.0.1:8931");
    EXPECT_EQ(r.config->graph_version, "v24.0");
}

// Ids are matched in any case everywhere, so two spellings of one id would publish one page's count
// twice; and an instant that its offset carries before 1970 could never be read back.
TEST(CollectConfig, RefusesWhatCouldNeverBePublishedRight) {
    auto r = parse(config("", R"([{"id": "Meditel", "name": "Meditel"}, {"id": "meditel", "name": "Meditel again"}])"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.message(), "$.pages[1].id: repeats the id \"Meditel\" of $.pages[0] (ids match in any case)");
    r = parse(config("", R"([{"id": "a", "name": "A", "baseline": {"at": "1970-01-01T00:00:00+01:00"}}])"));
    ASSERT_FALSE(r.config);
    EXPECT_EQ(r.error.path, "$.pages[0].baseline.at");
    EXPECT_EQ(parse(config(R"("update_interval_s": 10,)")).error.message(),
              "$.update_interval_s: must be a whole number of seconds from 60 to 604,800");
}

// Translations in the configuration are the feed's: read with its rules, published as given.
TEST(CollectConfig, CarriesTranslationsIntoTheFeed) {
    const CollectConfigResult r = parse(config("", R"([
        {"id": "maroctelecom", "name": "Maroc Telecom", "translations": {"ar": {"name": "اتصالات المغرب"}}}])"));
    ASSERT_TRUE(r.config) << r.error.message();
    ASSERT_EQ(r.config->feed.pages[0].translations.size(), 1u);
    EXPECT_EQ(r.config->feed.pages[0].translations[0].name, "اتصالات المغرب");
    EXPECT_EQ(parse(config("", R"([{"id": "a", "name": "A", "translations": {"ar": {"name": ""}}}])")).error.message(),
              "$.pages[0].translations.ar.name: must not be empty");
}

TEST(CollectConfig, ReadsThePicturesToPublishBesideTheFeed) {
    const CollectConfigResult r = parse(config(R"("public_url": "https://example.org/voip/feed.json", "images": [
        {"file": "campaign-card.png", "params": "layout=full", "width": 600, "height": 315, "scale": 2},
        {"file": "badge.png", "params": "layout=badge&theme=dark", "width": 180}],)"));
    ASSERT_TRUE(r.config) << r.error.message();
    const CollectConfig& c = *r.config;
    ASSERT_EQ(c.images.size(), 2u);
    EXPECT_EQ(c.images[0].file, "campaign-card.png");
    EXPECT_EQ(c.images[0].params, "layout=full");
    EXPECT_EQ(c.images[0].width, 600);
    EXPECT_EQ(c.images[0].height, 315);
    EXPECT_EQ(c.images[0].scale, 2);
    EXPECT_EQ(c.images[1].height, 0);  // as tall as the card needs
    EXPECT_EQ(c.images[1].scale, 1);
    EXPECT_EQ(c.public_url, "https://example.org/voip/feed.json");
    EXPECT_TRUE(parse(config()).config->images.empty());  // none unless asked for
}

TEST(CollectConfig, RefusesPicturesThatCouldNotBePublishedBesideTheFeed) {
    const auto error = [](const std::string& images) {
        const CollectConfigResult r = parse(config(R"("images": )" + images + ","));
        return r.config ? std::string("accepted") : r.error.message();
    };
    EXPECT_NE(error(R"([{"file": "../site/index.png"}])").find("$.images[0].file"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "card.jpg"}])").find("ending in .png"), std::string::npos);
    EXPECT_NE(error(R"([{"file": ".png"}])").find("$.images[0].file"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "a.png"}, {"file": "a.png"}])").find("$.images[1].file: is already"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "a.png", "width": 0}])").find("$.images[0].width"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "a.png", "scale": 8}])").find("$.images[0].scale"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "a.png", "width": 4000, "scale": 4}])").find("8,192"), std::string::npos);
    EXPECT_NE(error(R"([{"file": "a.png", "size": 3}])").find("$.images[0].size"), std::string::npos);
    EXPECT_NE(error(R"({"file": "a.png"})").find("$.images"), std::string::npos);
}
