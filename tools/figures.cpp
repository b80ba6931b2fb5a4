// likeloss-figures: prints, with the same core as the widget, the sentences the widget shows for a
// feed at an instant. The browser tests compare the page's text against it.
//
//   likeloss-figures [--feed FILE] [--at RFC3339]     (default: the bundled 2016 feed, now)
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "clock.hpp"
#include "model/describe.hpp"
#include "embedded.hpp"
#include "feed/feed.hpp"
#include "model/model.hpp"

int main(int argc, char** argv) {
    using namespace likeloss;
    const Instant now = wall_clock();
    std::string text(kDefaultFeed, kDefaultFeed_size);
    Instant at = now;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--feed") {
            std::ifstream in(argv[i + 1], std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "likeloss-figures: cannot read %s\n", argv[i + 1]);
                return 2;
            }
            std::stringstream ss;
            ss << in.rdbuf();
            text = ss.str();
        } else if (flag == "--at") {
            auto t = parse_rfc3339(argv[i + 1]);
            if (!t) {
                std::fprintf(stderr, "likeloss-figures: --at needs an RFC 3339 time\n");
                return 2;
            }
            at = *t;
        } else {
            std::fprintf(stderr, "usage: likeloss-figures [--feed FILE] [--at RFC3339]\n");
            return 2;
        }
    }
    FeedResult parsed = parse_feed(text, now);
    if (!parsed.ok()) {
        std::fprintf(stderr, "likeloss-figures: feed error at %s\n", parsed.error.message().c_str());
        return 1;
    }
    const Model model(std::move(*parsed.feed));
    for (const std::string& line : lines(describe(model, model.at(at)))) std::printf("%s\n", line.c_str());
    return 0;
}
