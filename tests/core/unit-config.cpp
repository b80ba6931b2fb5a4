#include <gtest/gtest.h>

#include "live/config.hpp"

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

// Origins are parsed strictly, so normalising is idempotent and a junk entry is named, never
// half-read ("https://h:443:443" was "https://h:443", then "https://h").
TEST(Config, OriginsAreParsedStrictly) {
    EXPECT_EQ(normalize_origin("HTTPS://Feeds.Example.org:443/"), "https://feeds.example.org");
    EXPECT_EQ(normalize_origin("http://feeds.example.org:80"), "http://feeds.example.org");
    EXPECT_EQ(normalize_origin("https://feeds.example.org:8443"), "https://feeds.example.org:8443");
    EXPECT_EQ(normalize_origin("http://127.0.0.1:9000"), "http://127.0.0.1:9000");
    EXPECT_EQ(normalize_origin("http://[::1]:8080"), "http://[::1]:8080");
    EXPECT_EQ(normalize_origin("https://[2001:DB8::1]:443"), "https://[2001:db8::1]");
    EXPECT_EQ(normalize_origin("https://xn--mgbh0fb.example"), "https://xn--mgbh0fb.example");
    EXPECT_EQ(normalize_origin("http://[::]:8080"), "http://[::]:8080");
    EXPECT_EQ(normalize_origin("http://[1::]"), "http://[1::]");
    EXPECT_EQ(normalize_origin("http://[1:2:3:4:5:6:7:8]"), "http://[1:2:3:4:5:6:7:8]");
    EXPECT_EQ(normalize_origin("http://[fe80::1:0:2]"), "http://[fe80::1:0:2]");
    EXPECT_EQ(normalize_origin("http://10.0.0.255"), "http://10.0.0.255");
    EXPECT_EQ(normalize_origin("http://a1.example.123x"), "http://a1.example.123x");
    for (const char* bad : {"https://h:443:443", "https://h:", "https://h:0", "https://h:65536", "https://h:0443",
                            "https://h:+443", "https://-h.org", "https://h-.org", "https://a..b", "https://.org",
                            "https://org.", "https://exa mple.org", "https://%41.org", "https://a_b.org",
                            "https://user@h.org", "https://h.org/path", "https://h.org?q", "https://[zz]",
                            "https://[::1", "https://[::1]x", "https://[]", "ftp://h.org", "https://", "https://\xC3\xA9.org",
                            "null", "https://[::::]", "https://[ffff]", "https://[0:0:0:0:0:0:0:1]", "https://[::0:1]",
                            "https://[1:2:3:4:5:6:7:8:9]", "https://[1::2::3]", "https://[:1]", "https://[1:]", "https://[0001::1]",
                            "https://[::ffff:1.2.3.4]", "https://999.1.1.1", "https://1.2.3", "https://01.2.3.4",
                            "https://a.123"}) {
        EXPECT_EQ(normalize_origin(bad), "") << bad;
    }
    for (const char* ok : {"HTTPS://Feeds.Example.org:443/", "http://[::1]:80", "https://a-b.c-d.org:8080"})
        EXPECT_EQ(normalize_origin(normalize_origin(ok)), normalize_origin(ok)) << ok;
    EXPECT_EQ(parse_config(R"({"feed_origins": ["https://ok.org", "https://h:443:443"]})").error.message(),
              "$.feed_origins[1]: must be an origin like https://feeds.example.org (no path)");
}
