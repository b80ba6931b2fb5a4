#include <gtest/gtest.h>

#include "live/graph.hpp"

using namespace likeloss;

namespace {
const std::vector<std::string> kIds{"maroctelecom", "inwi.ma", "meditel"};
}

TEST(Graph, ClassicAndNewPagesAnswers) {
    const GraphAnswer a = parse_graph_response(R"({
        "maroctelecom": {"fan_count": 2259901, "followers_count": 2400000, "name": "Maroc Telecom", "id": "1"},
        "INWI.MA": {"followers_count": 1800000, "fan_count": 0, "name": "inwi", "id": "2"},
        "meditel": {"name": "Orange Maroc", "id": "3"}})", kIds);
    ASSERT_FALSE(a.error);
    EXPECT_TRUE(a.invalid.empty());
    ASSERT_EQ(a.pages.size(), 2u);
    EXPECT_EQ(a.pages[0].id, "maroctelecom");
    // A classic page reports both: a baseline of likes is compared with likes, of followers with followers.
    EXPECT_EQ(a.pages[0].count_for(Unit::likes), std::make_pair<std::int64_t>(2259901, Unit::likes));
    EXPECT_EQ(a.pages[0].count_for(Unit::followers), std::make_pair<std::int64_t>(2400000, Unit::followers));
    EXPECT_EQ(a.pages[1].id, "inwi.ma");  // the answer's keys may differ in case
    // New Pages Experience: no likes (0 beside followers), so followers stand in, as followers.
    EXPECT_EQ(a.pages[1].count_for(Unit::likes), std::make_pair<std::int64_t>(1800000, Unit::followers));
    EXPECT_EQ(a.missing, (std::vector<std::string>{"meditel"}));  // no count at all
    GraphPage only_likes;
    only_likes.likes = 5;
    EXPECT_EQ(only_likes.count_for(Unit::followers), std::make_pair<std::int64_t>(5, Unit::likes));
}

TEST(Graph, ErrorsAreReadByCodeNotType) {
    auto code_of = [](const char* body) { return parse_graph_response(body, kIds).error->problem; };
    EXPECT_EQ(code_of(R"({"error": {"message": "Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463}})"),
              GraphProblem::token);
    for (int c : {4, 17, 32, 341, 613, 80001, 80014})
        EXPECT_EQ(graph_problem(c), GraphProblem::rate_limit) << c;
    EXPECT_EQ(graph_problem(80015), GraphProblem::other);
    EXPECT_EQ(code_of(R"({"error": {"type": "OAuthException", "code": 4}})"), GraphProblem::rate_limit);
    EXPECT_EQ(graph_problem(100), GraphProblem::unknown_page);
    EXPECT_EQ(graph_problem(803), GraphProblem::unknown_page);
    EXPECT_EQ(graph_problem(10), GraphProblem::permission);
    EXPECT_EQ(graph_problem(200), GraphProblem::permission);
    EXPECT_EQ(graph_problem(299), GraphProblem::permission);
    EXPECT_EQ(graph_problem(300), GraphProblem::other);
    EXPECT_EQ(graph_problem(1), GraphProblem::other);
    EXPECT_EQ(parse_graph_response(R"({"error": {"code": 190, "error_subcode": 463}})", kIds).error->subcode, 463);
}

TEST(Graph, UnknownAliasesAreNamedFromTheMessage) {
    const GraphAnswer a = parse_graph_response(
        R"({"error": {"message": "(#803) Some of the aliases you requested do not exist: Meditel,nosuchpage", "code": 803}})",
        {"maroctelecom", "meditel", "nosuchpage", "tel"});
    ASSERT_TRUE(a.error);
    EXPECT_EQ(a.error->unknown_ids, (std::vector<std::string>{"meditel", "nosuchpage"}));  // not "tel", a part of a word
    const GraphAnswer b = parse_graph_response(R"({"error": {"message": "(#100) Invalid parameter", "code": 100}})", kIds);
    EXPECT_TRUE(b.error->unknown_ids.empty());
}

TEST(Graph, GarbageIsNotAnAnswer) {
    EXPECT_EQ(parse_graph_response("<html>502 Bad Gateway</html>", kIds).invalid, "an answer that is not JSON");
    EXPECT_EQ(parse_graph_response(R"({"maroctelecom": {"fan_count": 12)", kIds).invalid, "an answer that is not JSON");
    EXPECT_EQ(parse_graph_response("[]", kIds).invalid, "an answer that is not a JSON object");
    EXPECT_EQ(parse_graph_response("", kIds).invalid, "an empty answer");
    const GraphAnswer negative = parse_graph_response(R"({"maroctelecom": {"fan_count": -5}})", {"maroctelecom"});
    EXPECT_TRUE(negative.pages.empty());
    EXPECT_EQ(negative.missing.size(), 1u);
}

TEST(Graph, RequestUrlCarriesNoToken) {
    EXPECT_EQ(graph_url("https://graph.facebook.com", "v25.0", {"a", "b.c"}),
              "https://graph.facebook.com/v25.0/?ids=a,b.c&fields=fan_count,followers_count&suppress_http_code=1");
}

// The code is read whole: 4294967486 is 2^32 + 190, not 190 (an expired token, exit 3). A code
// this reader does not know is unknown, whatever its low bits.
TEST(Graph, CodesAreReadWhole) {
    const GraphAnswer a = parse_graph_response(R"({"error": {"code": 4294967486, "error_subcode": 4294967759}})", kIds);
    ASSERT_TRUE(a.error);
    EXPECT_EQ(a.error->code, 4294967486);
    EXPECT_EQ(a.error->subcode, 4294967759);
    EXPECT_EQ(a.error->problem, GraphProblem::other);
    EXPECT_EQ(graph_error_text(*a.error), "The Graph API answered with an error (Graph API error 4294967486)");
    EXPECT_EQ(parse_graph_response(R"({"error": {"code": 18446744073709551615}})", kIds).error->problem, GraphProblem::other);
    EXPECT_EQ(parse_graph_response(R"({"error": {"code": -190}})", kIds).error->problem, GraphProblem::other);
    EXPECT_EQ(parse_graph_response(R"({"error": {"code": 190.5}})", kIds).error->problem, GraphProblem::other);
}

// An empty id (no parser lets one through today) matches nothing and ends: the names are compared
// word by word.
TEST(Graph, AnEmptyIdMatchesNothingAndEnds) {
    const GraphAnswer a = parse_graph_response(
        R"({"error": {"message": "(#803) Some of the aliases you requested do not exist: x, ,y", "code": 803}})",
        {"", "x", "y", "xy"});
    ASSERT_TRUE(a.error);
    EXPECT_EQ(a.error->unknown_ids, (std::vector<std::string>{"x", "y"}));
}

// One verdict for the widget and the collector: what each answer means.
TEST(Graph, OneVerdictForEveryAnswer) {
    const std::vector<std::string> two{"a", "b"}, one{"a"};
    auto action = [](int status, const char* body, const std::vector<std::string>& ids, bool counted = false) {
        return judge_graph(status, body, ids, counted).action;
    };
    EXPECT_EQ(action(200, R"({"a": {"fan_count": 5}, "b": {"followers_count": 6}})", two), GraphAction::counted);
    EXPECT_EQ(action(200, R"({"error": {"code": 190}})", two), GraphAction::must_act);
    EXPECT_EQ(action(200, R"({"error": {"code": 10}})", two), GraphAction::must_act);
    EXPECT_EQ(action(200, R"({"error": {"code": 4}})", two), GraphAction::rate_limited);
    EXPECT_EQ(action(429, "slow down", two), GraphAction::rate_limited);
    EXPECT_EQ(action(200, R"({"error": {"code": 2}})", two), GraphAction::failed);
    EXPECT_EQ(action(500, "<html>", two), GraphAction::failed);
    EXPECT_EQ(action(200, "{\"a\":", two), GraphAction::failed);
    const GraphVerdict named = judge_graph(200, R"({"error": {"code": 803, "message": "do not exist: b"}})", two);
    EXPECT_EQ(named.action, GraphAction::unknown);
    EXPECT_EQ(named.unknown, (std::vector<std::string>{"b"}));
    EXPECT_EQ(action(200, R"({"error": {"code": 100}})", two), GraphAction::search);
    // A page alone: unknown when Facebook says so, or once another page alone was counted.
    EXPECT_EQ(action(200, R"({"error": {"code": 803}})", one), GraphAction::unknown);
    EXPECT_EQ(action(200, R"({"error": {"code": 100, "error_subcode": 33}})", one), GraphAction::unknown);
    EXPECT_EQ(action(200, R"({"error": {"code": 100}})", one), GraphAction::refused);
    EXPECT_EQ(action(200, R"({"error": {"code": 100}})", one, true), GraphAction::unknown);
}

TEST(Graph, TheSearchAsksEachPageAloneAndStopsWhereTheRequestIsAtFault) {
    const char* plain100 = R"({"error": {"code": 100}})";
    GraphSearch found({"a", "b", "c"});
    EXPECT_EQ(found.page(), "a");
    EXPECT_EQ(found.receive(200, plain100).action, GraphAction::refused);  // nothing counted yet: the request
    EXPECT_FALSE(found.active());

    GraphSearch search({"a", "b", "c"});
    EXPECT_EQ(search.receive(200, R"({"a": {"fan_count": 5}})").action, GraphAction::counted);
    ASSERT_TRUE(search.active());
    EXPECT_EQ(search.page(), "b");
    EXPECT_EQ(search.receive(200, plain100).action, GraphAction::unknown);  // the request works: b is at fault
    EXPECT_EQ(search.page(), "c");
    EXPECT_EQ(search.receive(200, R"({"error": {"code": 4}})").action, GraphAction::rate_limited);
    EXPECT_FALSE(search.active());  // anything else ends the search
}

// One rule each for a version and a token, in the widget and both settings files.
TEST(Graph, OneRuleForAVersionAndAToken) {
    for (const char* ok : {"v25.0", "v2.12", "v100.99"}) EXPECT_TRUE(valid_graph_version(ok)) << ok;
    for (const char* bad : {"latest", "v25", "v.5", "v2..5", "v25.", "25.0", "v25.0.1", "v1234.567"})
        EXPECT_FALSE(valid_graph_version(bad)) << bad;
    EXPECT_TRUE(valid_graph_token("EAAB123abc"));
    EXPECT_TRUE(valid_graph_token("123456|abc/+=def"));  // an app token, "id|secret"
    EXPECT_TRUE(valid_graph_token(std::string(4096, 'a')));
    EXPECT_FALSE(valid_graph_token(std::string(4097, 'a')));
    EXPECT_FALSE(valid_graph_token("short"));
    EXPECT_FALSE(valid_graph_token("has a space"));
    EXPECT_FALSE(valid_graph_token("tab\there12"));
    EXPECT_FALSE(valid_graph_token("caf\xC3\xA9-token"));
}

TEST(Graph, ASearchKnowsWhenEveryPageWasUnknown) {
    const char* gone = R"({"error": {"code": 100, "error_subcode": 33}})";
    GraphSearch all({"a", "b"});
    all.receive(200, gone);
    EXPECT_FALSE(all.every_page_unknown());  // not over yet
    all.receive(200, gone);
    EXPECT_TRUE(all.every_page_unknown());
    GraphSearch some({"a", "b"});
    some.receive(200, gone);
    some.receive(200, R"({"b": {"fan_count": 5}})");
    EXPECT_FALSE(some.every_page_unknown());
    GraphSearch one({"a"});
    one.receive(200, gone);
    EXPECT_FALSE(one.every_page_unknown());  // a single page alone is simply unknown
}
