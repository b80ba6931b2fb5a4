#include "render.hpp"

#include <cfloat>
#include <cmath>
#include <fstream>
#include <iterator>
#include <optional>

#include <GLES3/gl3.h>

#include "counter.hpp"
#include "feed/feed.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "model/describe.hpp"
#include "model/model.hpp"
#include "offscreen.hpp"
#include "params/customize.hpp"
#include "params/options.hpp"
#include "text/locale.hpp"
#include "text/messages.hpp"
#include "text/script.hpp"
#include "text/text.hpp"
#include "visual.hpp"

namespace likeloss {

namespace {

// Frames drawn before the picture is read: ImGui lays out new text in one frame and shows it in
// the next, as the web widget's settle frames do.
constexpr int kSettleFrames = 3;

std::string visual(const std::string& logical, bool rtl) {
    return needs_shaping(logical) ? visual_line(logical, rtl) : strip_bidi_controls(logical);
}

}  // namespace

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

std::unique_ptr<Renderer> Renderer::open(std::string* error) {
    std::unique_ptr<Offscreen> gl = Offscreen::open(error);
    if (!gl) return nullptr;
    std::unique_ptr<Renderer> r(new Renderer);
    r->gl_ = std::move(gl);
    IMGUI_CHECKVERSION();
    r->imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DeltaTime = 1.0f / 60;  // a fixed clock: the same frames every time
    if (!ImGui_ImplOpenGL3_Init("#version 300 es")) {  // the web build's shaders, on GLES 3
        if (error) *error = "Dear ImGui's OpenGL ES 3 renderer did not start";
        return nullptr;
    }
    return r;
}

Renderer::~Renderer() {
    if (!imgui_) return;
    ImGui::SetCurrentContext(imgui_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(imgui_);
}

Rendered Renderer::draw(const Picture& p) {
    Rendered out;
    ImGui::SetCurrentContext(imgui_);
    if (!(p.scale >= 0.5f && p.scale <= 4) || !(p.css_width >= 1 && p.css_width <= 4096) ||
        !(p.css_height >= 0 && p.css_height <= 4096)) {
        out.error = "a width or height from 1 to 4096 CSS pixels and a pixel density from 0.5 to 4";
        return out;
    }
    FeedResult parsed = parse_feed(p.feed_json, std::max(p.at, p.now));
    if (!parsed.ok()) {
        out.error = "the feed cannot be drawn: " + parsed.error.message();
        return out;
    }
    Options options = parse_options(p.query);
    // The language: the one asked for; with none (auto), English, as no visitor is there to ask.
    const Locale* locale = options.content.lang == "auto" ? &english() : find_locale(options.content.lang);
    if (!locale) locale = &english();
    std::optional<Catalogue> catalogue;
    Words words = english_words();
    if (locale != &english()) {
        if (const char* file = language_file(locale->language)) catalogue = Catalogue::parse(file, *locale, nullptr, false);
        if (catalogue) words = Words{locale, &*catalogue};
        else locale = &english();
    }

    Feed feed = std::move(*parsed.feed);
    translate(feed, locale->tag);
    std::vector<Ignored> dropped = options.ignored;
    for (Ignored& i : customize(feed, options.look, options.content, words)) dropped.push_back(std::move(i));
    const Model model(std::move(feed));

    CounterView view;
    view.model = &model;
    view.words = &words;
    view.visual = visual;
    view.figures = model.at(p.at);
    view.description = describe(model, view.figures, words);
    view.series = model.series();
    view.theme = make_theme(options.look, false);
    view.layout = options.content.layout;
    view.interactive = false;  // nothing to hover on a picture
    view.data_label = p.data_label.empty() ? words.say(Msg::data_bundled) : p.data_label;

    // Arabic on the card (its language, a title, a name): Noto Sans Arabic, as the web widget fetches it.
    bool arabic = locale->rtl || has_arabic(model.feed().campaign.title);
    for (const Page& page : model.feed().pages) arabic = arabic || has_arabic(page.name);
    ArabicFonts arabic_fonts;
    if (arabic) {
        if (arabic_dir_ != p.arabic_font_dir) {
            arabic_dir_ = p.arabic_font_dir;
            if (!read_file(arabic_dir_ + "/NotoSansArabic-Regular.ttf", arabic_regular_) || arabic_regular_.empty() ||
                !read_file(arabic_dir_ + "/NotoSansArabic-Bold.ttf", arabic_bold_) || arabic_bold_.empty())
                arabic_regular_.clear(), arabic_bold_.clear();
        }
        if (arabic_regular_.empty())
            dropped.push_back({"lang", Msg::arabic_failed, "no NotoSansArabic-Regular.ttf and -Bold.ttf in " + p.arabic_font_dir});
        else
            arabic_fonts = {reinterpret_cast<const unsigned char*>(arabic_regular_.data()), static_cast<unsigned>(arabic_regular_.size()),
                            reinterpret_cast<const unsigned char*>(arabic_bold_.data()), static_cast<unsigned>(arabic_bold_.size())};
    }
    std::vector<std::string> notices;
    for (const Ignored& i : dropped) notices.push_back(i.reason == Msg::arabic_failed ? words.say(Msg::arabic_failed, {i.detail})
                                                                                         : words.say(Msg::ignored, {i.key, i.why(words)}));
    view.notice = join(notices, " ");
    out.notices = notices;

    ImGuiIO& io = ImGui::GetIO();
    float scale = 0;  // the fonts' scale
    const auto set_scale = [&](float to) {
        if (to == scale) return;
        scale = to;
        view.scale = scale;
        view.fonts = build_fonts(*io.Fonts, scale, arabic_fonts);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        style_tooltips(view.theme, scale);
    };
    set_scale(p.scale);

    const int width = static_cast<int>(std::lround(p.css_width * p.scale));
    const bool fixed = p.css_height > 0;
    // A first frame, as tall as any card, says how tall this one is; then the picture at its height.
    // A picture of a fixed size (a link preview's 1200 x 630) holds the whole card: one taller
    // than it is drawn smaller, on more CSS pixels of width, until it fits, and never cut.
    int height = static_cast<int>(std::lround((fixed ? p.css_height : 2000) * p.scale));
    Drawn drawn;
    for (int pass = 0;; ++pass) {
        if (!gl_->resize(width, height, &out.error)) return out;
        for (int frame = 0; frame < kSettleFrames; ++frame) {
            io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer: no hover, no tooltip
            ImGui_ImplOpenGL3_NewFrame();
            ImGui::NewFrame();
            drawn = draw_counter(view, io.DisplaySize);
            ImGui::Render();
        }
        if (fixed) {
            if (drawn.height <= height) break;
            if (pass == 8) {  // a quarter of its size and still too tall: said, not hidden
                out.notices.push_back("the card does not fit in " + std::to_string(width) + "x" + std::to_string(height) +
                                      " pixels even drawn small; its bottom is cut");
                break;
            }
            set_scale(std::max(0.25f, scale * std::min(0.97f, height / drawn.height)));
            continue;
        }
        // Whole CSS pixels, as the page sizes its canvas.
        const int needed = std::max(1, static_cast<int>(std::lround(std::ceil(drawn.height / scale) * scale)));
        if (needed == height || pass == 2) break;
        height = needed;
    }
    const Rgba bg = view.theme.bg;
    const float alpha = bg.a / 255.f;
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);  // the renderer leaves its clipping on (tools/own_gl_context.py)
    glClearColor(bg.r / 255.f * alpha, bg.g / 255.f * alpha, bg.b / 255.f * alpha, alpha);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();

    out.width = width;
    out.height = height;
    out.rgba = gl_->read();
    // The framebuffer holds what a canvas holds (premultiplied); a PNG wants straight alpha.
    for (std::size_t i = 0; i < out.rgba.size(); i += 4) {
        const unsigned a = out.rgba[i + 3];
        if (a == 0 || a == 255) continue;
        for (int c = 0; c < 3; ++c) out.rgba[i + c] = static_cast<std::uint8_t>(std::min(255u, (out.rgba[i + c] * 255u + a / 2) / a));
    }
    out.alt = lines(view.description);
    out.alt.push_back(words.say(Msg::data_from, {isolate(view.data_label)}));
    return out;
}

}  // namespace likeloss
