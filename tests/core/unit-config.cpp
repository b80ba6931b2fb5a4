#include <gtest/gtest.h>

#include "config.hpp"

using namespace likeloss;

TEST(Config, DefaultsWhenEmpty) {
    const ConfigResult r = parse_config("{}");
    ASSERT_TRUE(r.config);
    EXPECT_TRUE(r.config->feed_origins.empty());
    EXPECT_EQ(r.config->min_refresh_s, 30);
    EXPECT_EQ(r.config->graph_base, "https://graph.facebook.com");
}

TEST(Config, ReadsEverySetting) {
    const ConfigResult r = parse_config(R"({"feed_origins": ["HTTPS://Feeds.Example.org/", "http://127.0.0.1:8081"],
        "min_refresh_s": 5, "timeout_s": 3, "graph": {"base": "http://127.0.0.1:9000", "version": "v24.0"}})");
    ASSERT_TRUE(r.config) << r.error.message();
    EXPECT_EQ(r.config->feed_origins, (std::vector<std::string>{"https://feeds.example.org", "http://127.0.0.1:8081"}));
    EXPECT_EQ(r.config->min_refresh_s, 5);
    EXPECT_EQ(r.config->timeout_s, 3);
    EXPECT_EQ(r.config->graph_base, "http://127.0.0.1:9000");
    EXPECT_EQ(r.config->graph_version, "v24.0");
}

TEST(Config, ErrorsNameThePath) {
    EXPECT_EQ(parse_config(R"({"feed_origins": ["https://a.org/feeds/"]})").error.message(),
              "$.feed_origins[0]: must be an origin like https://feeds.example.org (no path)");
    EXPECT_EQ(parse_config(R"({"min_refresh_s": 0})").error.path, "$.min_refresh_s");
    EXPECT_EQ(parse_config(R"j({"graph": {"base": "javascript:alert(1)"}})j").error.path, "$.graph.base");
    EXPECT_EQ(parse_config("[1").error.message(), "$: not valid JSON: the text ends early (truncated?)");
    EXPECT_EQ(parse_config("<!doctype html><p>Not found").error.message(),
              "$: the file is HTML, not JSON (a server's error or fallback page?)");
}

TEST(Config, OriginsAreComparedNormalized) {
    EXPECT_EQ(normalize_origin("https://x.org:443"), "https://x.org");
    EXPECT_EQ(normalize_origin("http://x.org:8080/"), "http://x.org:8080");
    EXPECT_EQ(normalize_origin("https://user@x.org"), "");
    EXPECT_EQ(normalize_origin("data:text/plain,1"), "");
    Config c;
    c.feed_origins = {"https://feeds.example.org"};
    EXPECT_TRUE(feed_origin_allowed(c, "https://feeds.example.org", "https://campaign.org"));
    EXPECT_TRUE(feed_origin_allowed(c, "https://campaign.org", "https://campaign.org"));
    EXPECT_FALSE(feed_origin_allowed(c, "https://evil.example", "https://campaign.org"));
    EXPECT_FALSE(feed_origin_allowed(c, "http://feeds.example.org", "https://campaign.org"));  // not the same origin
}
