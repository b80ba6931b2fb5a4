// The deployment's settings (config.hpp), as likeloss-config.json may hold them, and the origins
// a link may name. Input: the settings, then a feed's address and the page's origin, separated by
// "---" lines. normalize_origin gives an origin or nothing and is idempotent (an origin it gives
// is its own normal form); the settings keep only normal origins and numbers within their ranges;
// feed_origin_allowed says yes exactly for the page's own origin and the listed ones.
#include <algorithm>

#include "live/config.hpp"
#include "fuzz.hpp"

using namespace likeloss;

namespace {

std::string checked_origin(std::string_view url) {
    const std::string origin = normalize_origin(url);
    if (origin.empty()) return origin;
    FUZZ_CHECK(origin.rfind("https://", 0) == 0 || origin.rfind("http://", 0) == 0, "\"%s\"", origin.c_str());
    const std::string host = origin.substr(origin.find("://") + 3);
    FUZZ_CHECK(!host.empty() && host.find_first_of("/?#@ \\") == std::string::npos, "\"%s\"", origin.c_str());
    const std::string again = normalize_origin(origin);
    FUZZ_CHECK(again == origin, "\"%.*s\" -> \"%s\" -> \"%s\"", static_cast<int>(url.size()), url.data(),
               origin.c_str(), again.c_str());
    return origin;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto in = fuzz::parts(fuzz::text_of(data, size), 3);
    const ConfigResult r = parse_config(in[0]);
    Config config;
    if (r.config) {
        config = *r.config;
        for (const std::string& origin : config.feed_origins)
            FUZZ_CHECK(!origin.empty() && checked_origin(origin) == origin, "feed_origins: \"%s\"", origin.c_str());
        FUZZ_CHECK(checked_origin(config.graph_base) == config.graph_base, "graph.base: \"%s\"",
                   config.graph_base.c_str());
        FUZZ_CHECK(config.min_refresh_s >= 1 && config.min_refresh_s <= 86400);
        FUZZ_CHECK(config.timeout_s >= 1 && config.timeout_s <= 120);
        FUZZ_CHECK(config.graph_version.size() >= 2 && config.graph_version[0] == 'v');
    } else {
        FUZZ_CHECK(!r.error.path.empty() && r.error.path[0] == '$' && !r.error.rule.empty());
        FUZZ_CHECK_UTF8(r.error.message(), "the error");
    }

    const std::string feed = checked_origin(in[1]);
    const std::string page = checked_origin(in[2]);
    const bool listed =
        std::find(config.feed_origins.begin(), config.feed_origins.end(), feed) != config.feed_origins.end();
    FUZZ_CHECK(feed_origin_allowed(config, in[1], in[2]) == (!feed.empty() && (feed == page || listed)));
    if (!page.empty()) FUZZ_CHECK(feed_origin_allowed(config, in[2], in[2]), "the page's own origin is refused");
    return 0;
}
