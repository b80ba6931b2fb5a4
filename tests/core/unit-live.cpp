// The live-data decisions, driven by hand: each test plays the server's part with answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "feed_fixture.hpp"
#include "live/live.hpp"
#include "words_fixture.hpp"

using namespace likeloss;

namespace {

const Instant T0 = from_civil(2020, 1, 2, 12);

Feed bundled() { return *parse_feed(valid_feed().dump(), T0).feed; }

LiveSettings feed_settings() {
    LiveSettings s;
    s.page_origin = "https://campaign.example";
    s.config_url = "https://campaign.example/likeloss-config.json";
    s.source_url = "https://feeds.example.org/feed.json";
    s.source_origin = "https://feeds.example.org";
    s.source_host = "feeds.example.org";
    return s;
}

Response ok(std::string body) { return {Response::Outcome::answered, 200, std::move(body)}; }
Response status(int code, std::string body = "") { return {Response::Outcome::answered, code, std::move(body)}; }

const char* kConfig = R"({"feed_origins": ["https://feeds.example.org"], "min_refresh_s": 10})";

std::string feed_text(int count_a, const char* generated = "2020-01-01T02:00:00Z", int interval = 60) {
    nlohmann::json j = valid_feed();
    j["pages"][0]["samples"][1] = {{"at", "2020-01-01T02:00:00Z"}, {"count", count_a}, {"status", "reported"}, {"source", "s"}};
    j["generated_at"] = generated;
    j["update_interval_s"] = interval;
    return j.dump();
}

// Asks for the next request at `now` and expects one of `kind`.
Request expect_request(Live& live, Instant now, Request::Kind kind) {
    auto r = live.next_request(now);
    EXPECT_TRUE(r.has_value());
    if (!r) return {};
    EXPECT_EQ(static_cast<int>(r->kind), static_cast<int>(kind));
    return *r;
}

Live started_feed(Instant now = T0) {
    Live live(feed_settings(), bundled());
    expect_request(live, now, Request::Kind::config);
    live.receive(now, ok(kConfig), 0.5);
    return live;
}

}  // namespace

TEST(Live, TheBundledFeedAsksNothing) {
    Live live(LiveSettings{}, bundled());
    EXPECT_EQ(live.mode(), Live::Mode::bundled);
    EXPECT_FALSE(live.next_request(T0));
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.feed()->campaign.title, "Test");
    EXPECT_EQ(live.notice(T0), "");
}

TEST(Live, AFeedIsFetchedAfterTheSettingsAndPolledAtItsInterval) {
    Live live(feed_settings(), bundled());
    EXPECT_EQ(live.feed(), nullptr);  // not the bundled campaign's figures under another name
    EXPECT_EQ(live.notice(T0), "Loading the figures from feeds.example.org.");
    const Request c = expect_request(live, T0, Request::Kind::config);
    EXPECT_EQ(c.url, "https://campaign.example/likeloss-config.json");
    EXPECT_FALSE(live.next_request(T0));  // one at a time
    live.receive(T0, ok(kConfig), 0.5);

    const Request f = expect_request(live, T0, Request::Kind::feed);
    EXPECT_EQ(f.url, "https://feeds.example.org/feed.json");
    EXPECT_TRUE(f.revalidate);
    EXPECT_EQ(f.max_bytes, kMaxFeedBytes);
    EXPECT_EQ(f.timeout, 10 * kSecond);
    live.receive(T0 + 100, ok(feed_text(900)), 0.5);
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 900);
    EXPECT_EQ(live.notice(T0), "");
    EXPECT_EQ(live.data_label(), "the feed at feeds.example.org");
    EXPECT_EQ(live.interval(), 60 * kSecond);
    EXPECT_EQ(*live.next_due(), T0 + 100 + 60 * kSecond);
    EXPECT_FALSE(live.next_request(T0 + 59 * kSecond));

    // Unchanged (a 304 from the server reaches the page as the same body): nothing to redo.
    const auto rev = live.revision();
    expect_request(live, T0 + 61 * kSecond, Request::Kind::feed);
    live.receive(T0 + 61 * kSecond, ok(feed_text(900)), 0.5);
    EXPECT_EQ(live.revision(), rev);
    // Changed: the new figures.
    expect_request(live, T0 + 122 * kSecond, Request::Kind::feed);
    live.receive(T0 + 122 * kSecond, ok(feed_text(880, "2020-01-01T02:05:00Z")), 0.5);
    EXPECT_GT(live.revision(), rev);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 880);
}

TEST(Live, TheDeploymentsMinimumIntervalWins) {
    LiveSettings s = feed_settings();
    s.refresh_s = 1;
    Live live(s, bundled());
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, ok(kConfig), 0.5);
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(900)), 0.5);
    EXPECT_EQ(live.interval(), 10 * kSecond);
}

TEST(Live, AHostTheSiteDoesNotAllowGetsTheBundledCampaign) {
    Live live(feed_settings(), bundled());
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, status(404, "not found"), 0.5);  // no settings: same-origin feeds only
    EXPECT_FALSE(live.next_request(T0));
    EXPECT_EQ(live.mode(), Live::Mode::bundled);
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.notice(T0),
              "source: feeds.example.org is not one of the feed hosts this site allows (likeloss-config.json), so the "
              "bundled campaign is shown.");
}

TEST(Live, FailuresKeepTheLastGoodFiguresAndBackOff) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(900)), 0.5);
    const Instant t1 = T0 + 61 * kSecond;
    expect_request(live, t1, Request::Kind::feed);
    live.receive(t1, {Response::Outcome::offline, 0, ""}, 1.0);
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 900);
    EXPECT_EQ(live.notice(t1), "Offline since 12:01 UTC. Showing the figures from 12:00 UTC; trying again automatically.");
    EXPECT_EQ(*live.next_due(), t1 + 60 * kSecond);  // the first retry: the interval, capped at a minute

    const Instant t2 = *live.next_due();
    expect_request(live, t2, Request::Kind::feed);
    live.receive(t2, status(503), 1.0);
    EXPECT_EQ(*live.next_due(), t2 + 120 * kSecond);
    EXPECT_NE(live.notice(t2).find("feeds.example.org answered with a server error (HTTP 503) since 12:02 UTC"), std::string::npos);

    const Instant t3 = *live.next_due();
    expect_request(live, t3, Request::Kind::feed);
    live.receive(t3, ok(feed_text(870, "2020-01-01T02:10:00Z")), 0.5);
    EXPECT_EQ(live.notice(t3), "");
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 870);
    EXPECT_EQ(*live.next_due(), t3 + 60 * kSecond);
}

TEST(Live, EveryKindOfFailureIsNamed) {
    struct Case {
        Response r;
        const char* says;
    } cases[] = {
        {{Response::Outcome::network, 0, ""}, "Cannot reach feeds.example.org (the network failed, or the server does not let other sites read its answers)"},
        {{Response::Outcome::timeout, 0, ""}, "feeds.example.org did not answer within 10 seconds"},
        {{Response::Outcome::too_large, 0, ""}, "The answer from feeds.example.org is too large to read"},
        {status(404), "Nothing was found at feeds.example.org (HTTP 404)"},
        {status(403), "feeds.example.org refused the request (HTTP 403)"},
        {ok(R"({"version": 1, "campaign": )"), "The feed at feeds.example.org was not used: \u2068$: not valid JSON: the text ends early (truncated?)\u2069"},
        {ok(R"({"version": 2})"), "The feed at feeds.example.org was not used: \u2068$.version: must be 1 (this widget reads version 1 feeds)\u2069"},
    };
    for (const Case& c : cases) {
        Live live = started_feed();
        expect_request(live, T0, Request::Kind::feed);
        live.receive(T0, c.r, 0.5);
        EXPECT_EQ(live.feed(), nullptr);
        EXPECT_EQ(live.notice(T0), std::string(c.says) + ". Trying again automatically.");
        EXPECT_TRUE(live.next_due());
    }
}

TEST(Live, ABadFeedIsNeverHalfApplied) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(900)), 0.5);
    nlohmann::json broken = nlohmann::json::parse(feed_text(10));
    broken["pages"][1]["baseline"]["count"] = -1;
    expect_request(live, T0 + kMinute, Request::Kind::feed);
    live.receive(T0 + kMinute, ok(broken.dump()), 0.5);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 900);
    EXPECT_NE(live.notice(T0 + kMinute).find("$.pages[1].baseline.count"), std::string::npos);
}

TEST(Live, AnOlderCopyFromSomeCacheIsIgnored) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(880, "2020-01-01T03:00:00Z")), 0.5);
    expect_request(live, T0 + kMinute, Request::Kind::feed);
    live.receive(T0 + kMinute, ok(feed_text(900, "2020-01-01T02:00:00Z")), 0.5);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 880);
    EXPECT_EQ(live.notice(T0 + kMinute), "");
}

TEST(Live, TheLastGoodFeedIsSavedAndCheckedAgainOnRestore) {
    Live live = started_feed();
    EXPECT_EQ(live.saved_key(), "likeloss:v1:feed:https://feeds.example.org/feed.json");
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(900)), 0.5);
    const auto record = live.take_record();
    ASSERT_TRUE(record);
    EXPECT_FALSE(live.take_record());

    Live again(feed_settings(), bundled());
    EXPECT_TRUE(again.restore(*record, T0 + kHour));
    ASSERT_NE(again.feed(), nullptr);  // figures at once, before any answer
    EXPECT_EQ(again.feed()->pages[0].samples[1].count, 900);
    EXPECT_EQ(again.notice(T0 + kHour), "Showing the figures saved at 12:00 UTC; checking for newer ones.");

    LiveSettings other = feed_settings();
    other.source_url = "https://feeds.example.org/other.json";
    EXPECT_FALSE(Live(other, bundled()).restore(*record, T0));  // another feed's copy
    std::string tampered = *record;
    tampered.replace(tampered.find("900"), 3, "-90");
    EXPECT_FALSE(Live(feed_settings(), bundled()).restore(tampered, T0));
    EXPECT_FALSE(Live(feed_settings(), bundled()).restore("{\"v\":2}", T0));
    EXPECT_FALSE(Live(feed_settings(), bundled()).restore("garbage", T0));
}

namespace {

LiveSettings graph_settings() {
    LiveSettings s;
    s.page_origin = "https://dash.example";
    s.config_url = "https://dash.example/likeloss-config.json";
    s.graph_token = "EAAsecret123";
    return s;
}

Live started_graph(LiveSettings s = graph_settings()) {
    Live live(std::move(s), bundled());
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, ok(R"({"graph": {"base": "http://127.0.0.1:9000", "version": "v24.0"}})"), 0.5);
    return live;
}

}  // namespace

TEST(Live, GraphModeAsksForAllPagesAtOnceAndKeepsTheTokenOutOfSight) {
    Live live = started_graph();
    const Request r = expect_request(live, T0, Request::Kind::graph);
    EXPECT_EQ(r.shown_url, "http://127.0.0.1:9000/v24.0/?ids=a,b&fields=fan_count,followers_count&suppress_http_code=1");
    EXPECT_EQ(r.url, r.shown_url + "&access_token=EAAsecret123");
    EXPECT_FALSE(r.revalidate);
    EXPECT_EQ(live.feed(), nullptr);
    // Page a counts likes in the feed: its likes, not its followers. Page b counts followers.
    live.receive(T0, ok(R"({"a": {"fan_count": 930, "followers_count": 990, "name": "A"},
                            "b": {"fan_count": 480, "followers_count": 530, "name": "B"}})"), 0.5);
    const Feed* f = live.feed();
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->pages[0].samples.back().count, 930);
    EXPECT_EQ(f->pages[0].samples.back().at, T0);
    EXPECT_EQ(f->pages[0].baseline.count, 1000);  // from the base feed
    EXPECT_EQ(f->pages[0].unit, Unit::likes);
    EXPECT_EQ(f->pages[1].samples.back().count, 530);
    EXPECT_EQ(f->pages[1].unit, Unit::followers);
    EXPECT_EQ(live.interval(), 300 * kSecond);
    EXPECT_EQ(live.data_label(),
              "Facebook's Graph API at 127.0.0.1:9000, with baselines from the bundled 2016 campaign feed, with a source "
              "for every figure");
    EXPECT_EQ(live.saved_key(), "");  // a private dashboard stores nothing
    EXPECT_EQ(live.state_json(T0).find("EAAsecret123"), std::string::npos);

    // A second count gives a rate to count with until the next one.
    const Instant t1 = *live.next_due();
    expect_request(live, t1, Request::Kind::graph);
    live.receive(t1, ok(R"({"a": {"fan_count": 900}, "b": {"followers_count": 530}})"), 0.5);
    ASSERT_TRUE(live.feed()->pages[0].rate_per_s);
    EXPECT_LT(*live.feed()->pages[0].rate_per_s, 0);
}

TEST(Live, GraphErrorsWaitAsLongAsTheyNeed) {
    struct Case {
        const char* body;
        Instant at_least;
        const char* says;
    } cases[] = {
        {R"({"error": {"code": 190, "type": "OAuthException"}})", kRefusedWait / 2, "The Graph API token has expired or is not valid (Graph API error 190)"},
        {R"({"error": {"code": 10}})", kRefusedWait / 2, "The Graph API token may not read these pages (Graph API error 10)"},
        {R"({"error": {"code": 17}})", kRateLimitWait / 2, "Facebook is limiting how often this token may ask (Graph API error 17)"},
        {R"({"error": {"code": 2}})", 0, "The Graph API answered with an error (Graph API error 2)"},
    };
    for (const Case& c : cases) {
        Live live = started_graph();
        expect_request(live, T0, Request::Kind::graph);
        live.receive(T0, status(400, c.body), 0.5);
        EXPECT_GE(*live.next_due() - T0, c.at_least) << c.body;
        EXPECT_EQ(live.notice(T0), std::string(c.says) + ". Trying again automatically.");
    }
}

TEST(Live, AnUnknownPageIsLeftOutAndTheOthersGoOn) {
    Live live = started_graph();
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, status(404, R"({"error": {"message": "(#803) Some of the aliases you requested do not exist: b", "code": 803}})"), 0.5);
    const Request again = expect_request(live, T0, Request::Kind::graph);  // at once, without it
    EXPECT_NE(again.shown_url.find("ids=a&"), std::string::npos);
    live.receive(T0, ok(R"({"a": {"fan_count": 930}})"), 0.5);
    ASSERT_NE(live.feed(), nullptr);
    ASSERT_EQ(live.feed()->pages.size(), 1u);
    EXPECT_EQ(live.feed()->pages[0].id, "a");
    EXPECT_EQ(live.notice(T0), "Facebook has no page count for \u2068b\u2069: left out.");
}

TEST(Live, UnnamedUnknownPagesAreFoundOneByOne) {
    Live live = started_graph();
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, status(400, R"({"error": {"message": "(#100) Invalid parameter", "code": 100}})"), 0.5);
    const Request a = expect_request(live, T0, Request::Kind::graph);
    EXPECT_NE(a.shown_url.find("ids=a&"), std::string::npos);
    live.receive(T0, status(400, R"({"error": {"message": "Unsupported get request. Object with ID 'a' does not exist", "code": 100, "error_subcode": 33}})"), 0.5);
    const Request b = expect_request(live, T0, Request::Kind::graph);
    EXPECT_NE(b.shown_url.find("ids=b&"), std::string::npos);
    live.receive(T0, ok(R"({"b": {"fan_count": 510}})"), 0.5);
    ASSERT_NE(live.feed(), nullptr);
    ASSERT_EQ(live.feed()->pages.size(), 1u);
    EXPECT_EQ(live.feed()->pages[0].id, "b");
    EXPECT_EQ(*live.next_due(), T0 + 300 * kSecond);  // then the batch as usual, without "a"
}

TEST(Live, AGraphPageWithoutABaselineIsLeftOut) {
    LiveSettings s = graph_settings();
    s.pages = {"b", "elsewhere"};
    Live live = started_graph(s);
    const Request r = expect_request(live, T0, Request::Kind::graph);
    EXPECT_NE(r.shown_url.find("ids=b&"), std::string::npos);
    live.receive(T0, ok(R"({"b": {"fan_count": 510}})"), 0.5);
    EXPECT_EQ(live.notice(T0), "No baseline in the feed for \u2068elsewhere\u2069: left out.");
}

TEST(Live, ANewPagesPageHasNoLikesSoItsFollowersStandInAndSaySo) {
    Live live = started_graph();
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, ok(R"({"a": {"followers_count": 950}, "b": {"followers_count": 530}})"), 0.5);
    const Page& a = live.feed()->pages[0];
    EXPECT_EQ(a.unit, Unit::followers);
    EXPECT_EQ(a.samples.back().count, 950);
    EXPECT_NE(a.samples.back().provenance.note.find("compared with a baseline of likes"), std::string::npos);
}

// What went wrong is kept as a message, not as text: words that arrive later say it anew, and so
// do the notes on where the Graph API's counts come from.
TEST(Live, ItSpeaksTheWidgetsLanguageEvenOfWhatHappenedBeforeItsWordsCame) {
    std::optional<Catalogue> fr_keep, ar_keep;
    const Words fr = words_in("fr-MA", fr_keep), ar = words_in("ar-MA", ar_keep);
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, {Response::Outcome::timeout, 0, ""}, 0.5);
    live.set_words(fr);
    EXPECT_EQ(live.notice(T0), "feeds.example.org n’a pas répondu en 10 secondes. Nouvel essai automatique.");
    live.set_words(ar);
    EXPECT_EQ(live.notice(T0), "لم يُجب feeds.example.org خلال 10 ثوانٍ. ستُعاد المحاولة تلقائياً.");
    EXPECT_EQ(live.data_label(), "البيانات المنشورة على feeds.example.org");

    Live graph = started_graph();
    expect_request(graph, T0, Request::Kind::graph);
    graph.receive(T0, ok(R"({"error": {"code": 190, "type": "OAuthException"}})"), 0.5);
    graph.set_words(fr);
    EXPECT_EQ(graph.notice(T0), "Le jeton de l’API Graph a expiré ou n’est pas valide (erreur 190 de l’API Graph). "
                                "Nouvel essai automatique.");
    const Instant t1 = *graph.next_due();
    expect_request(graph, t1, Request::Kind::graph);
    graph.receive(t1, ok(R"({"a": {"followers_count": 950}, "b": {"followers_count": 530}})"), 0.5);
    const Provenance said = graph.feed()->pages[0].samples.back().provenance;
    EXPECT_EQ(said.source, "API Graph de Facebook v24.0, lue par cette page");
    EXPECT_EQ(said.note, "Facebook indique des abonnés, pas des j’aime, pour cette page (nouvelle expérience des "
                         "Pages)\u00a0: ils sont comparés à une référence en j’aime.");
    const auto revision = graph.revision();
    graph.set_words(english_words());
    EXPECT_NE(graph.revision(), revision);
    EXPECT_EQ(graph.feed()->pages[1].samples.back().provenance.note,
              "Facebook reports followers (followers_count) for this page.");
}

TEST(Live, WhenEveryPageIsLeftOutItStopsAskingAndSaysWhy) {
    LiveSettings s = graph_settings();
    s.pages = {"x", "y"};  // no baseline for either in the feed
    Live live = started_graph(s);
    EXPECT_FALSE(live.next_request(T0));
    EXPECT_FALSE(live.next_due());  // no timer that is always due
    EXPECT_EQ(live.notice(T0), "No page is left to ask Facebook about. Trying again automatically. "
                               "No baseline in the feed for \u2068x, y\u2069: left out.");

    Live unknown = started_graph();
    expect_request(unknown, T0, Request::Kind::graph);
    unknown.receive(T0, ok(R"({"a": {"name": "no counts"}, "b": {"name": "none either"}})"), 0.5);
    EXPECT_FALSE(unknown.next_request(T0));
    EXPECT_FALSE(unknown.next_due());
}

TEST(Live, Code100ThatIsNotAboutAPageIsAnErrorNotAnUnknownPage) {
    Live live = started_graph();
    const char* secret_proof = R"({"error": {"message": "(#100) Pages Public Content Access requires either app secret proof or an app token", "code": 100}})";
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, status(400, secret_proof), 0.5);
    expect_request(live, T0, Request::Kind::graph);  // page "a" alone
    live.receive(T0, status(400, secret_proof), 0.5);
    EXPECT_EQ(live.notice(T0), "The Graph API answered with an error (Graph API error 100). Trying again automatically.");
    // Nothing was marked unknown: the next try asks for both pages again.
    const Request again = expect_request(live, *live.next_due(), Request::Kind::graph);
    EXPECT_NE(again.shown_url.find("ids=a,b&"), std::string::npos);
}

TEST(Live, AFailedSettingsRequestIsRetriedAndTheSavedFiguresStay) {
    Live first = started_feed();
    expect_request(first, T0, Request::Kind::feed);
    first.receive(T0, ok(feed_text(900)), 0.5);
    const std::string record = *first.take_record();

    Live live(feed_settings(), bundled());
    ASSERT_TRUE(live.restore(record, T0 + kHour));
    expect_request(live, T0 + kHour, Request::Kind::config);
    live.receive(T0 + kHour, {Response::Outcome::offline, 0, ""}, 1.0);
    EXPECT_EQ(live.mode(), Live::Mode::feed);  // not blocked for lack of settings
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.notice(T0 + kHour), "Offline since 13:00 UTC. Showing the figures from 12:00 UTC; trying again automatically.");
    const Instant retry = *live.next_due();
    expect_request(live, retry, Request::Kind::config);
    live.receive(retry, ok(kConfig), 0.5);
    expect_request(live, retry, Request::Kind::feed);
}

TEST(Live, ARedirectToAnotherHostIsRefused) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, {Response::Outcome::redirected, 302, ""}, 0.5);
    EXPECT_EQ(live.feed(), nullptr);
    EXPECT_EQ(live.notice(T0), "feeds.example.org sent the request on to another host, which this site does not allow. "
                               "Trying again automatically.");
}

TEST(Live, AFeedTooLargeToSaveRemovesTheOlderSavedCopy) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, ok(feed_text(900)), 0.5);
    ASSERT_TRUE(live.take_record());
    nlohmann::json big = nlohmann::json::parse(feed_text(880, "2020-01-01T03:00:00Z"));
    big["campaign"]["padding"] = std::string(kMaxSavedBytes, 'x');  // unknown fields are ignored
    expect_request(live, T0 + kMinute, Request::Kind::feed);
    live.receive(T0 + kMinute, ok(big.dump()), 0.5);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 880);
    EXPECT_EQ(live.take_record(), std::string());
}

TEST(Live, RateLimitsAnswered429WaitLonger) {
    Live live = started_feed();
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, status(429, "slow down"), 0.0);
    EXPECT_GE(*live.next_due() - T0, kRateLimitWait / 2);
}

// A record dated in the future (written by another script on the origin, or by a clock that ran
// ahead) is dropped; and a saved copy never outranks what the source answers now.
TEST(Live, ASavedCopyNeverOutranksTheSource) {
    Live first = started_feed();
    expect_request(first, T0, Request::Kind::feed);
    first.receive(T0, ok(feed_text(900)), 0.5);
    const std::string record = *first.take_record();
    auto with = [&](const char* saved_at, const char* generated_at) {
        nlohmann::json rec = nlohmann::json::parse(record);
        rec["saved_at"] = saved_at;
        nlohmann::json f = nlohmann::json::parse(rec["feed"].get<std::string>());
        f["generated_at"] = generated_at;
        rec["feed"] = f.dump();
        return rec.dump();
    };
    // T0 is 2020-01-02T12:00Z: an hour ahead of it is in the future, by less than the clock skew.
    EXPECT_FALSE(Live(feed_settings(), bundled()).restore(with("2020-01-02T13:00:00Z", "2020-01-01T02:00:00Z"), T0));
    EXPECT_FALSE(Live(feed_settings(), bundled()).restore(with("2020-01-02T11:00:00Z", "2020-01-02T13:00:00Z"), T0));

    // A copy that claims a later generated_at than the source's current feed (but not one in the
    // future) is still replaced by the first answer, and a 304 does not confirm it.
    Live live(feed_settings(), bundled());
    ASSERT_TRUE(live.restore(with("2020-01-02T11:00:00Z", "2020-01-02T11:00:00Z"), T0));
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, ok(kConfig), 0.5);
    expect_request(live, T0, Request::Kind::feed);
    live.receive(T0, status(304), 0.5);
    EXPECT_EQ(live.notice(T0),
              "feeds.example.org answered that nothing changed, without the feed (HTTP 304) since 12:00 UTC. Showing "
              "the figures from 11:00 UTC; trying again automatically.");
    EXPECT_LE(*live.next_due() - T0, kMinute);  // soon, not after the saved feed's interval
    const Instant again = *live.next_due();
    expect_request(live, again, Request::Kind::feed);
    live.receive(again, ok(feed_text(870, "2020-01-01T02:00:00Z")), 0.5);
    EXPECT_EQ(live.feed()->pages[0].samples[1].count, 870);
    EXPECT_EQ(live.feed()->generated_at, from_civil(2020, 1, 1, 2));
    EXPECT_EQ(live.notice(again), "");
    EXPECT_TRUE(live.take_record());  // and the source's copy is what is saved now
}

// After a batch error the pages are asked one by one and the batch again at once: counts read
// moments apart must not make a rate (3 likes in 400 ms would be -7.5 likes a second).
TEST(Live, CountsReadMomentsApartMakeNoRate) {
    Live live = started_graph();
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, status(400, R"({"error": {"message": "(#100) Invalid parameter", "code": 100}})"), 0.5);
    expect_request(live, T0 + 100, Request::Kind::graph);  // a alone
    live.receive(T0 + 200, ok(R"({"a": {"fan_count": 930}})"), 0.5);
    expect_request(live, T0 + 200, Request::Kind::graph);  // b alone: unknown
    live.receive(T0 + 300, status(400, R"({"error": {"message": "Object with ID 'b' does not exist", "code": 100, "error_subcode": 33}})"), 0.5);
    const Request batch = expect_request(live, T0 + 300, Request::Kind::graph);  // the rest, at once
    EXPECT_NE(batch.shown_url.find("ids=a&"), std::string::npos);
    live.receive(T0 + 600, ok(R"({"a": {"fan_count": 927}})"), 0.5);
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_FALSE(live.feed()->pages[0].rate_per_s);  // 3 likes in 400 ms is noise, not -7.5 a second
    const Instant later = *live.next_due();
    expect_request(live, later, Request::Kind::graph);
    live.receive(later, ok(R"({"a": {"fan_count": 900}})"), 0.5);
    ASSERT_TRUE(live.feed()->pages[0].rate_per_s);
    EXPECT_NEAR(*live.feed()->pages[0].rate_per_s, -27.0 / (static_cast<double>(later - T0 - 600) / kSecond), 1e-9);
}

// A settings file that is not JSON is named as the cause, not the feed it then could not allow.
TEST(Live, UnreadableSettingsAreNamedNotTheFeed) {
    Live live(feed_settings(), bundled());
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, ok("<!doctype html><title>Welcome</title>"), 0.5);
    EXPECT_EQ(live.mode(), Live::Mode::bundled);
    EXPECT_EQ(live.notice(T0),
              "source: the feed at feeds.example.org could not be checked against this site's allowed hosts, so the "
              "bundled campaign is shown. This site's settings (likeloss-config.json) could not be read (\u2068$: the "
              "file is HTML, not JSON (a server's error or fallback page?)\u2069), so only feeds from the site itself are allowed.");
}

// The page's fetch reports its outcome as a number (src/web/library_likeloss.js); the numbers
// there must be Response::Outcome's. Read from the file, so the two cannot drift apart.
TEST(Live, ThePagesOutcomeCodesAreTheCores) {
    std::string here = __FILE__;
    here.resize(here.rfind("tests/core/"));
    std::ifstream in(here + "src/web/library_likeloss.js");
    ASSERT_TRUE(in);
    const std::string js((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto start = js.find("$likelossOutcome: {");
    ASSERT_NE(start, std::string::npos);
    const std::string table = js.substr(start, js.find('}', start) - start);
    const std::pair<const char*, Response::Outcome> expected[] = {
        {"answered", Response::Outcome::answered}, {"offline", Response::Outcome::offline},
        {"network", Response::Outcome::network},   {"timeout", Response::Outcome::timeout},
        {"tooLarge", Response::Outcome::too_large}, {"redirected", Response::Outcome::redirected}};
    for (const auto& [name, outcome] : expected)
        EXPECT_NE(table.find(std::string(name) + ": " + std::to_string(static_cast<int>(outcome))), std::string::npos)
            << name << " in " << table;
    EXPECT_EQ(std::count(table.begin(), table.end(), ':'), 7) << table;  // the table's own, and no other
}

// Polled every 5 s where the site allows it, the feed shown still keeps the feed's rules (an
// interval of 0 or 10 s to a week), so the widget never shows a feed its own reader refuses.
TEST(Live, AGraphFeedPolledFasterThanTenSecondsKeepsTheFeedsRules) {
    LiveSettings s = graph_settings();
    s.refresh_s = 5;
    Live live(std::move(s), bundled());
    expect_request(live, T0, Request::Kind::config);
    live.receive(T0, ok(R"({"min_refresh_s": 1, "graph": {"base": "http://127.0.0.1:9000"}})"), 0.5);
    expect_request(live, T0, Request::Kind::graph);
    live.receive(T0, ok(R"({"a": {"fan_count": 930}, "b": {"followers_count": 530}})"), 0.5);
    ASSERT_NE(live.feed(), nullptr);
    EXPECT_EQ(live.interval(), 5 * kSecond);
    EXPECT_EQ(live.feed()->update_interval_s, 10);
}
