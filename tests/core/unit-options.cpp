#include <gtest/gtest.h>

#include "options.hpp"

using namespace likeloss;

TEST(Query, DecodesPercentPlusAndEmptyValues) {
    const auto q = parse_query("?bg=%23000&title=Bring+back%20VoIP&flag&&x=%zz");
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[0].key, "bg");
    EXPECT_EQ(q[0].value, "#000");
    EXPECT_EQ(q[1].value, "Bring back VoIP");
    EXPECT_EQ(q[2].key, "flag");
    EXPECT_EQ(q[2].value, "");
    EXPECT_EQ(q[3].value, "%zz");  // a bad escape stays as written
}

TEST(Options, LiveDataParameters) {
    const Options o = parse_options("source=https%3A%2F%2Ffeeds.example.org%2Ff.json&refresh=60&pages=inwi.ma,maroctelecom"
                                    "&graph_token=EAAB123abc&graph_version=v24.0");
    EXPECT_EQ(o.source, "https://feeds.example.org/f.json");
    EXPECT_EQ(o.refresh_s, 60);
    EXPECT_EQ(o.pages, (std::vector<std::string>{"inwi.ma", "maroctelecom"}));
    EXPECT_EQ(o.graph_token, "EAAB123abc");
    EXPECT_EQ(o.graph_version, "v24.0");
    EXPECT_TRUE(o.ignored.empty());
}

TEST(Options, BadValuesFallBackAndAreNamed) {
    const Options o = parse_options("refresh=soon&pages=a,<script>&graph_version=latest&source=");
    EXPECT_FALSE(o.refresh_s);
    EXPECT_TRUE(o.pages.empty());
    EXPECT_TRUE(o.graph_version.empty());
    EXPECT_TRUE(o.source.empty());
    ASSERT_EQ(o.ignored.size(), 4u);
    EXPECT_EQ(o.ignored[0], "refresh: not a whole number of seconds above 0");
    EXPECT_EQ(o.ignored[1], "pages: not a comma-separated list of page ids");
}

TEST(Options, ARefusedTokenIsNeverRepeated) {
    const Options o = parse_options("graph_token=%3Cimg%20src%3Dx%3E");
    EXPECT_TRUE(o.graph_token.empty());
    ASSERT_EQ(o.ignored.size(), 1u);
    EXPECT_EQ(o.ignored[0], "graph_token: not a Graph API access token");
}

TEST(Options, ZeroOrHugeRefreshIsRefused) {
    EXPECT_FALSE(parse_options("refresh=0").refresh_s);
    EXPECT_FALSE(parse_options("refresh=99999999").refresh_s);
    EXPECT_EQ(parse_options("refresh=5&refresh=7").refresh_s, 7);
}
