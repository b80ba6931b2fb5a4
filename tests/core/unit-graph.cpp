#include <gtest/gtest.h>

#include "graph.hpp"

using namespace likeloss;

namespace {
const std::vector<std::string> kIds{"maroctelecom", "inwi.ma", "meditel"};
}

TEST(Graph, ClassicAndNewPagesAnswers) {
    const GraphAnswer a = parse_graph_response(R"({
        "maroctelecom": {"fan_count": 2259901, "name": "Maroc Telecom", "id": "1"},
        "INWI.MA": {"followers_count": 1800000, "fan_count": 0, "name": "inwi", "id": "2"},
        "meditel": {"name": "Orange Maroc", "id": "3"}})", kIds);
    ASSERT_FALSE(a.error);
    EXPECT_TRUE(a.invalid.empty());
    ASSERT_EQ(a.pages.size(), 2u);
    EXPECT_EQ(a.pages[0].id, "maroctelecom");
    EXPECT_EQ(a.pages[0].count, 2259901);
    EXPECT_EQ(a.pages[0].unit, Unit::likes);
    EXPECT_EQ(a.pages[1].id, "inwi.ma");  // the answer's keys may differ in case
    EXPECT_EQ(a.pages[1].count, 1800000);
    EXPECT_EQ(a.pages[1].unit, Unit::followers);  // New Pages Experience: followers, not likes
    EXPECT_EQ(a.pages[1].name, "inwi");
    EXPECT_EQ(a.missing, (std::vector<std::string>{"meditel"}));  // no count at all
}

TEST(Graph, ErrorsAreReadByCodeNotType) {
    auto code_of = [](const char* body) { return parse_graph_response(body, kIds).error->problem; };
    EXPECT_EQ(code_of(R"({"error": {"message": "Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463}})"),
              GraphProblem::token);
    for (int c : {4, 17, 32, 613})
        EXPECT_EQ(graph_problem(c), GraphProblem::rate_limit) << c;
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
              "https://graph.facebook.com/v25.0/?ids=a,b.c&fields=fan_count,followers_count,name");
}
