// The widget's parameters, as any link may set them: parse_options (options.hpp) with its colours
// (parse_css_color, parse_hex_color in color.hpp), then customize (customize.hpp) applied to the
// bundled feed, and the figures and sentences of the result. Every parameter kept is within its
// rules, every text kept or said back is well-formed UTF-8, a colour reads back as itself, and the
// customised feed still has one page per id.
#include <cmath>
#include <cstdio>

#include "params/customize.hpp"
#include "model/describe.hpp"
#include "fuzz.hpp"
#include "model/model.hpp"
#include "params/options.hpp"

using namespace likeloss;

namespace {

std::string hex_of(Rgba c) {
    char buf[10];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return buf;
}

void check_colour(std::string_view text) {
    const auto hex = parse_hex_color(text);
    const auto css = parse_css_color(text);
    if (hex)
        FUZZ_CHECK(css == hex, "\"%.*s\" is one colour as hex and another as CSS", static_cast<int>(text.size()),
                   text.data());
    if (css) {
        FUZZ_CHECK(parse_hex_color(hex_of(*css)) == css);
        FUZZ_CHECK(parse_css_color(hex_of(*css)) == css);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query = fuzz::text_of(data, size);
    check_colour(query);
    for (const QueryParam& p : parse_query(query)) check_colour(p.value);

    const Options o = parse_options(query);
    FUZZ_CHECK_UTF8(o.content.title, "title");
    FUZZ_CHECK_UTF8(o.data.source, "source");
    FUZZ_CHECK_UTF8(o.content.currency, "currency");
    FUZZ_CHECK_UTF8(o.content.lang, "lang");
    FUZZ_CHECK_UTF8(o.data.graph_token, "graph_token");
    FUZZ_CHECK_UTF8(o.data.graph_version, "graph_version");
    for (const Ignored& i : o.ignored) FUZZ_CHECK_UTF8(i.key + ": " + i.why(), "an ignored parameter's line");
    for (const std::string& id : o.content.pages) FUZZ_CHECK(valid_page_id(id), "pages: \"%s\"", id.c_str());
    FUZZ_CHECK(o.content.pages.size() <= kMaxPages && o.look.page_colors.size() <= kMaxPages);
    for (const auto& pc : o.look.page_colors) FUZZ_CHECK(valid_page_id(pc.first), "color.%s", pc.first.c_str());
    FUZZ_CHECK(!o.data.refresh_s || *o.data.refresh_s > 0);
    FUZZ_CHECK(!o.content.per_unit ||
               (std::isfinite(*o.content.per_unit) && *o.content.per_unit > 0 && *o.content.per_unit <= 1e6));
    FUZZ_CHECK(o.content.currency.empty() || o.content.currency.size() == 3);
    for (const unsigned char c : o.content.title)
        FUZZ_CHECK(c >= 0x20 && c != 0x7f, "a control character in the title");

    Feed feed = fuzz::bundled_feed();
    for (const Ignored& i : customize(feed, o.look, o.content))
        FUZZ_CHECK_UTF8(i.key + ": " + i.why(), "a line of customize()");
    fuzz::check_feed_rules(feed);
    if (!o.content.title.empty()) FUZZ_CHECK(feed.campaign.title == o.content.title);

    const Model model(feed);
    const Figures f = model.at(feed.generated_at);
    FUZZ_CHECK(f.money.size() == feed.money.rates.size() + 1);
    for (const Amount& a : f.money) FUZZ_CHECK(std::isfinite(a.value) && a.value >= 0);
    for (const std::string& line : lines(describe(model, f))) FUZZ_CHECK_UTF8(line, "a sentence of describe()");
    return 0;
}
