#include <gtest/gtest.h>

#include "params/options.hpp"

using namespace likeloss;

namespace {

// The parameters refused, as the small print names them: "key: why".
std::vector<std::string> said(const Options& o) {
    std::vector<std::string> out;
    for (const Ignored& i : o.ignored) out.push_back(i.key + ": " + i.why());
    return out;
}

}  // namespace

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
    EXPECT_EQ(o.data.source, "https://feeds.example.org/f.json");
    EXPECT_EQ(o.data.refresh_s, 60);
    EXPECT_EQ(o.content.pages, (std::vector<std::string>{"inwi.ma", "maroctelecom"}));
    EXPECT_EQ(o.data.graph_token, "EAAB123abc");
    EXPECT_EQ(o.data.graph_version, "v24.0");
    EXPECT_TRUE(said(o).empty());
}

TEST(Options, BadValuesFallBackAndAreNamed) {
    const Options o = parse_options("refresh=soon&pages=a,<script>&graph_version=latest&source=");
    EXPECT_FALSE(o.data.refresh_s);
    EXPECT_TRUE(o.content.pages.empty());
    EXPECT_TRUE(o.data.graph_version.empty());
    EXPECT_TRUE(o.data.source.empty());
    ASSERT_EQ(said(o).size(), 4u);
    EXPECT_EQ(said(o)[0], "refresh: not a whole number of seconds above 0");
    EXPECT_EQ(said(o)[1], "pages: not a comma-separated list of page ids");
}

TEST(Options, ARefusedTokenIsNeverRepeated) {
    const Options o = parse_options("graph_token=%3Cimg%20src%3Dx%3E");
    EXPECT_TRUE(o.data.graph_token.empty());
    ASSERT_EQ(said(o).size(), 1u);
    EXPECT_EQ(said(o)[0], "graph_token: not a Graph API access token");
}

TEST(Options, ZeroOrHugeRefreshIsRefused) {
    EXPECT_FALSE(parse_options("refresh=0").data.refresh_s);
    EXPECT_FALSE(parse_options("refresh=99999999").data.refresh_s);
    EXPECT_EQ(parse_options("refresh=5&refresh=7").data.refresh_s, 7);
}

TEST(Options, ColoursInEveryForm) {
    const Options o = parse_options("bg=%23000&fg=fff&accent=%23e4002b80&muted=RebeccaPurple&color.maroctelecom=crimson"
                                    "&color.inwi.ma=%2300ff00");
    EXPECT_EQ(o.look.bg, (Rgba{0, 0, 0, 255}));
    EXPECT_EQ(o.look.fg, (Rgba{255, 255, 255, 255}));
    EXPECT_EQ(o.look.accent, (Rgba{0xe4, 0x00, 0x2b, 0x80}));
    EXPECT_EQ(o.look.muted, (Rgba{0x66, 0x33, 0x99, 255}));
    ASSERT_EQ(o.look.page_colors.size(), 2u);
    EXPECT_EQ(o.look.page_colors[0].first, "maroctelecom");
    EXPECT_EQ(o.look.page_colors[0].second, (Rgba{0xdc, 0x14, 0x3c, 255}));
    EXPECT_EQ(o.look.page_colors[1].first, "inwi.ma");
    EXPECT_TRUE(said(o).empty());
}

TEST(Options, BadColoursFallBackAndAreNamed) {
    const Options o = parse_options("bg=notacolour&fg=%23ggg&color.x=red%3Bbackground:url(x)&color.%3Cb%3E=red");
    EXPECT_FALSE(o.look.bg);
    EXPECT_FALSE(o.look.fg);
    EXPECT_TRUE(o.look.page_colors.empty());
    ASSERT_EQ(said(o).size(), 4u);
    EXPECT_EQ(said(o)[0], "bg: not a colour (#rgb, #rrggbb, #rrggbbaa, bare hex or a CSS colour name)");
    EXPECT_EQ(said(o)[2], "color.x: not a page id and a colour");
    EXPECT_EQ(said(o)[3], "color.: not a page id and a colour");  // the bad id is not repeated
}

TEST(Options, LayoutThemeAndTransparency) {
    const Options o = parse_options("layout=compact&theme=auto&transparent=1");
    EXPECT_EQ(o.content.layout, Layout::compact);
    EXPECT_EQ(o.look.theme, ThemeChoice::automatic);
    EXPECT_TRUE(o.look.transparent);
    EXPECT_EQ(parse_options("layout=badge").content.layout, Layout::badge);
    EXPECT_EQ(parse_options("").content.layout, Layout::fit);
    EXPECT_EQ(parse_options("").look.theme, ThemeChoice::light);
    const Options bad = parse_options("layout=huge&theme=pink&transparent=maybe");
    EXPECT_EQ(bad.content.layout, Layout::fit);
    EXPECT_EQ(bad.look.theme, ThemeChoice::light);
    EXPECT_FALSE(bad.look.transparent);
    EXPECT_EQ(said(bad), (std::vector<std::string>{"layout: not full, compact or badge", "theme: not light, dark or auto",
                                                     "transparent: not 1 or 0"}));
}

TEST(Options, ContentParameters) {
    const Options o = parse_options("title=Bring+back+VoIP&currency=USD&per_unit=2.5&lang=en");
    EXPECT_EQ(o.content.title, "Bring back VoIP");
    EXPECT_EQ(o.content.currency, "USD");
    EXPECT_EQ(o.content.per_unit, 2.5);
    const Options bad = parse_options("title=&currency=dollars&per_unit=-3&lang=klingon&per_unit=1e999");
    EXPECT_TRUE(bad.content.title.empty());
    EXPECT_TRUE(bad.content.currency.empty());
    EXPECT_FALSE(bad.content.per_unit);
    EXPECT_EQ(bad.content.lang, "auto");  // an unknown language falls back to the visitor's
    EXPECT_EQ(said(bad).size(), 4u);
    EXPECT_EQ(parse_options("lang=FR-ma").content.lang, "fr-MA");
    EXPECT_EQ(parse_options("lang=ar").content.lang, "ar-MA");
    EXPECT_EQ(parse_options("lang=auto").content.lang, "auto");
    EXPECT_EQ(said(parse_options("title=a%0Ab")).size(), 1u);
}

TEST(Options, ScriptInAnyParameterIsRefusedOrInertText) {
    const std::string xss = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    const Options o = parse_options("bg=" + xss + "&layout=" + xss + "&pages=" + xss + "&title=" + xss);
    EXPECT_FALSE(o.look.bg);
    EXPECT_EQ(o.content.layout, Layout::fit);
    EXPECT_TRUE(o.content.pages.empty());
    EXPECT_EQ(o.content.title, "<script>alert(1)</script>");  // drawn as text, never parsed as HTML
    for (const std::string& line : said(o)) EXPECT_EQ(line.find("<script>"), std::string::npos) << line;
}

TEST(Options, TitlesAreCharactersOfWellFormedUtf8) {
    EXPECT_EQ(parse_options("title=Caf%C3%A9").content.title, "Caf\xC3\xA9");
    EXPECT_TRUE(parse_options("title=Caf%E9").content.title.empty());  // Latin-1: refused, not a crash later
    EXPECT_TRUE(parse_options("title=%FF").content.title.empty());
    EXPECT_TRUE(parse_options("title=%C0%AF").content.title.empty());  // an overlong form
    std::string arabic;
    for (int i = 0; i < 100; ++i) arabic += "%D8%B9";  // 100 letters, 200 bytes
    EXPECT_EQ(parse_options("title=" + arabic).content.title.size(), 200u);
    EXPECT_EQ(said(parse_options("title=Caf%E9"))[0], "title: not well-formed UTF-8");
    EXPECT_EQ(said(parse_options("title="))[0], "title: empty, longer than 120 characters, or with control characters");
}

// Every parameter's value is checked at the door: overlong forms, surrogates and code points past
// U+10FFFF are refused and named, whatever the parameter.
TEST(Options, NoParameterLetsMalformedUtf8Through) {
    for (const char* bad : {"%E0%80%80", "%E0%9F%BF", "%C1%BF", "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80", "%F5%80%80%80",
                            "%F0%80%80%80", "%F8%88%80%80%80", "%E2%82", "%80", "a%C3"}) {
        const Options o = parse_options(std::string("title=Campaign") + bad);
        EXPECT_TRUE(o.content.title.empty()) << bad;
        EXPECT_EQ(said(o), (std::vector<std::string>{"title: not well-formed UTF-8"})) << bad;
        EXPECT_EQ(said(parse_options(std::string("source=https://a.org/") + bad)),
                  (std::vector<std::string>{"source: not well-formed UTF-8"})) << bad;
    }
    EXPECT_EQ(said(parse_options("color.a%FF=red")), (std::vector<std::string>{"color.: not well-formed UTF-8"}));
    EXPECT_TRUE(said(parse_options("unknown=%FF")).empty());  // not this widget's parameter
    // The edges that are well formed: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF.
    const Options good = parse_options("title=%C2%80%DF%BF%E0%A0%80%ED%9F%BF%EE%80%80%EF%BF%BD%F0%90%80%80%F4%8F%BF%BF");
    EXPECT_TRUE(said(good).empty());
    EXPECT_EQ(good.content.title.size(), 24u);
}

// A page's colour given twice in two cases is one colour (ids match in any case), the later one.
TEST(Options, APagesColourInTwoCasesIsOneColour) {
    const Options o = parse_options("color.Meditel=red&color.meditel=blue");
    ASSERT_EQ(o.look.page_colors.size(), 1u);
    EXPECT_EQ(o.look.page_colors[0].second, (Rgba{0, 0, 255, 255}));
}

// A refused number names the bound it broke.
TEST(Options, RefusedNumbersNameTheirBounds) {
    EXPECT_EQ(said(parse_options("per_unit=2000000")),
              (std::vector<std::string>{"per_unit: not a number above 0 and at most 1,000,000"}));
    EXPECT_EQ(said(parse_options("refresh=1234567")), (std::vector<std::string>{"refresh: more than 999,999 seconds"}));
}
