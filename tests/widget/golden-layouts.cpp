// Every layout, drawn natively by the widget's own code, compared with the reference images in
// tests/widget/golden: full, compact and badge at the widths each claims (and the narrowest),
// light and dark, in English, French and Arabic, and layouts forced into widths too small.
//
// Rasterisers differ by a level here and there at the edges of glyphs: a pixel counts as changed
// when a channel moves by more than kLevels, and an image as changed when more than kShare of its
// pixels did. A change made on purpose is recorded with
//   LIKELOSS_UPDATE_GOLDEN=1 ctest --test-dir build/native -R Widget
// and the new images are reviewed like code. A differing image is kept in the build folder
// (tests/widget/actual) beside its difference, to be looked at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "embedded.hpp"
#include "feed/time.hpp"
#include "png_file.hpp"
#include "render.hpp"

namespace likeloss {
namespace {

constexpr int kLevels = 24;
constexpr double kShare = 0.004;

struct Case {
    const char* name;
    const char* query;
    float css_width;
    float scale = 1;
    float css_height = 0;  // a picture of a fixed size (a link preview's)
};

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

Renderer& renderer() {
    static std::unique_ptr<Renderer> r = [] {
        std::string error;
        std::unique_ptr<Renderer> opened = Renderer::open(&error);
        if (!opened) {  // no context is a broken machine, never a pass
            ADD_FAILURE() << "no OpenGL ES context: " << error;
            std::abort();
        }
        return opened;
    }();
    return *r;
}

Rendered draw(const Case& c) {
    Picture p;
    p.feed_json.assign(kDefaultFeed, kDefaultFeed_size);
    p.at = *parse_rfc3339("2016-03-31T18:00:00Z");  // a month into the campaign, every page measured
    p.now = *parse_rfc3339("2026-12-01T00:00:00Z");  // after the feed was written
    p.query = c.query;
    p.css_width = c.css_width;
    p.scale = c.scale;
    p.css_height = c.css_height;
    p.data_label = "likeloss.example/feed.json";
    p.arabic_font_dir = LIKELOSS_ARABIC_FONT_DIR;
    return renderer().draw(p);
}

// `r` against the reference image at `golden`, or recorded there with LIKELOSS_UPDATE_GOLDEN.
void expect_as_recorded(const Rendered& r, const std::filesystem::path& golden, const std::string& name) {
    const std::string png = encode_png(r.width, r.height, r.rgba);
    if (std::getenv("LIKELOSS_UPDATE_GOLDEN")) {
        write(golden, png);
        return;
    }
    int w = 0, h = 0;
    std::vector<std::uint8_t> want;
    ASSERT_TRUE(decode_png(read(golden), w, h, want)) << golden << " is missing: record it with LIKELOSS_UPDATE_GOLDEN=1";
    const std::filesystem::path actual = std::filesystem::path("tests/widget/actual") / (name + ".png");
    if (w != r.width || h != r.height) {
        write(actual, png);
        FAIL() << name << " is " << r.width << "x" << r.height << " pixels, was " << w << "x" << h << " (now in " << actual << ")";
    }
    std::size_t changed = 0;
    std::vector<std::uint8_t> difference(want.size(), 255);
    for (std::size_t i = 0; i < want.size(); i += 4) {
        int most = 0;
        for (int k = 0; k < 4; ++k) most = std::max(most, std::abs(int(want[i + k]) - int(r.rgba[i + k])));
        if (most > kLevels) {
            ++changed;
            difference[i + 1] = difference[i + 2] = 0;  // red where it changed
        }
    }
    const double share = static_cast<double>(changed) / (want.size() / 4);
    if (share > kShare) {
        write(actual, png);
        write(std::filesystem::path("tests/widget/actual") / (name + ".difference.png"), encode_png(w, h, difference));
    }
    EXPECT_LE(share, kShare) << name << ": " << changed << " pixels changed (now in " << actual << ")";
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, LooksAsRecorded) {
    const Case& c = GetParam();
    const Rendered r = draw(c);
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.width, static_cast<int>(c.css_width * c.scale));
    if (c.css_height > 0) {
        ASSERT_EQ(r.height, static_cast<int>(c.css_height * c.scale));
    }
    expect_as_recorded(r, std::filesystem::path(LIKELOSS_GOLDEN_DIR) / (std::string(c.name) + ".png"), c.name);
}

// The standalone page's link-preview picture (shell/campaign-card.png, named by its Open Graph
// tags) is the bundled feed as the widget draws it now, not a drawing of an older widget.
TEST(Render, TheSitesPreviewPictureIsCurrent) {
    Picture p;
    p.feed_json.assign(kDefaultFeed, kDefaultFeed_size);
    p.at = p.now = *parse_rfc3339("2026-12-01T00:00:00Z");
    p.query = "layout=compact";
    p.css_width = 600;
    p.css_height = 315;
    p.scale = 2;
    const Rendered r = renderer().draw(p);
    ASSERT_TRUE(r.error.empty()) << r.error;
    expect_as_recorded(r, std::filesystem::path(LIKELOSS_SOURCE_DIR) / "shell/campaign-card.png", "campaign-card");
}

const Case kCases[] = {
    {"full-300", "layout=full", 300},  // the narrowest the full card claims
    {"full-360", "", 360},
    {"full-600", "", 600},
    {"full-360-dark", "theme=dark", 360},
    {"full-360-2x", "", 360, 2},
    {"compact-200", "", 200},         // the narrowest for compact
    {"compact-260", "", 260},
    {"compact-260-dark", "theme=dark", 260},
    {"badge-120", "", 120},
    {"badge-180", "", 180},
    {"badge-180-dark", "theme=dark", 180},
    {"full-90-forced", "layout=full", 90},     // a forced layout far too wide for its place
    {"compact-120-forced", "layout=compact", 120},
    {"full-360-fr", "lang=fr", 360},
    {"full-360-ar", "lang=ar", 360},
    {"compact-260-ar-dark", "lang=ar&theme=dark", 260},
    {"badge-180-ar", "lang=ar", 180},
    {"full-360-colours", "bg=%23fff8e7&fg=%23222222&accent=%23c0392b&currency=EUR", 360},
    // Link previews, 1200 x 630: the compact card as it is, the full one drawn smaller to fit whole.
    {"social-compact", "layout=compact", 600, 2, 315},
    {"social-full-ar", "layout=full&lang=ar", 600, 2, 315},
};

INSTANTIATE_TEST_SUITE_P(Layouts, Golden, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                             std::string n = info.param.name;
                             for (char& ch : n) if (ch == '-') ch = '_';
                             return n;
                         });

// The same instant, feed and parameters give the same bytes: an image can be published and cached.
TEST(Render, IsReproducible) {
    const Case c{"again", "layout=compact", 240};
    const Rendered a = draw(c), b = draw(c);
    ASSERT_TRUE(a.error.empty()) << a.error;
    EXPECT_EQ(encode_png(a.width, a.height, a.rgba), encode_png(b.width, b.height, b.rgba));
}

// The picture's alt text is the screen reader's copy: the figure and its worth, in its language.
TEST(Render, AltTextSaysTheFigures) {
    const Rendered en = draw({"alt", "", 360});
    ASSERT_FALSE(en.alt.empty());
    std::string all;
    for (const std::string& line : en.alt) all += line + "\n";
    EXPECT_NE(all.find("likes"), std::string::npos) << all;
    EXPECT_NE(all.find("MAD"), std::string::npos) << all;
    const Rendered fr = draw({"alt-fr", "lang=fr", 360});
    std::string tout;
    for (const std::string& line : fr.alt) tout += line + "\n";
    EXPECT_NE(tout.find("j’aime perdus"), std::string::npos) << tout;
}

// A bad parameter is said on the card and to the caller, and the rest is drawn.
TEST(Render, BadColourIsSaidNotFatal) {
    const Rendered r = draw({"bad", "bg=notacolour", 360});
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.notices.size(), 1u);
    EXPECT_NE(r.notices[0].find("bg"), std::string::npos) << r.notices[0];
    EXPECT_GT(r.height, 300);
}

TEST(Render, BrokenFeedIsAnErrorNotAPicture) {
    Picture p;
    p.feed_json = "{\"format\": \"likeloss-feed\"";
    p.at = 0;
    const Rendered r = renderer().draw(p);
    EXPECT_FALSE(r.error.empty());
    EXPECT_TRUE(r.rgba.empty());
}

}  // namespace
}  // namespace likeloss
