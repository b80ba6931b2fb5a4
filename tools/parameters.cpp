// likeloss-parameters: prints the widget's parameter registry (src/core/params/options.hpp), the one
// place each parameter is defined.
//
//   likeloss-parameters           a table, for people
//   likeloss-parameters --js      the public parameters and their longest values, as the object
//                                 literal embed.js and the configurator hold (a test compares them)
//   likeloss-parameters --json    every row, for scripts
//   likeloss-parameters --page-id ID   exit 0 when ID is a page id by the core's one rule
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "feed/feed.hpp"
#include "params/options.hpp"

using namespace likeloss;

namespace {

const char* concern_name(Concern c) { return c == Concern::look ? "look" : c == Concern::content ? "content" : "data"; }

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--js") {
        std::string out = "{";
        for (const Parameter& p : parameters())
            if (p.on_public_pages)
                out += std::string(out.size() > 1 ? ", " : "") + "'" + p.name + "': " + std::to_string(p.max_chars);
        std::printf("%s}\n", out.c_str());
        return 0;
    }
    if (mode == "--json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const Parameter& p : parameters())
            rows.push_back({{"name", p.name}, {"concern", concern_name(p.concern)}, {"accepts", p.accepts},
                            {"max_chars", p.max_chars}, {"public", p.on_public_pages}, {"why", english_words().say(p.why)},
                            {"too_long", english_words().say(p.too_long)}});
        std::printf("%s\n", rows.dump(2).c_str());
        return 0;
    }
    if (mode == "--page-id" && argc == 3) return valid_page_id(argv[2]) ? 0 : 1;
    if (!mode.empty()) {
        std::fprintf(stderr, "usage: likeloss-parameters [--js | --json | --page-id ID]\n");
        return 2;
    }
    std::printf("%-16s %-8s %7s %-7s %s\n", "parameter", "concern", "longest", "public", "accepts / refused when");
    for (const Parameter& p : parameters()) {
        const std::string name = std::string(p.name) + (std::string(p.name).back() == '.' ? "<page id>" : "");
        std::printf("%-16s %-8s %7zu %-7s %s\n%42s refused: %s\n", name.c_str(), concern_name(p.concern), p.max_chars,
                    p.on_public_pages ? "yes" : "no", p.accepts, "", english_words().say(p.why).c_str());
    }
    return 0;
}
