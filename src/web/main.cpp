// The web platform: one GLFW window on the page's canvas, WebGL2, and a main loop that sleeps.
//
// An idle widget on a blog must cost its visitors nothing, and Dear ImGui 1.86 redraws every
// frame. So the loop draws only when something visible may change: input (the GLFW callbacks
// wake it), a resize or a new pixel density (the page calls likeloss_resize), the first frames
// while ImGui settles its layout, and the next instant the model says a figure changes. Between
// those it is paused with emscripten_pause_main_loop and, if a change is due, a timer resumes it.
//
// Data: src/core/live/live.hpp decides where the figures come from (the bundled feed, a published
// feed, or the Graph API) and src/web/data.cpp fetches them; each new feed replaces the model,
// holding any figure an estimate had run ahead with, so the counter never visibly runs back.
//
// Sizes: the canvas is drawn at device pixels (CSS size x devicePixelRatio) so text is sharp on
// HiDPI screens; the widget gets the ratio as its scale and the fonts are rasterised for it.
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "bridge.hpp"
#include "counter.hpp"
#include "params/color.hpp"
#include "params/customize.hpp"
#include "data.hpp"
#include "model/describe.hpp"
#include "embedded.hpp"
#include "live/live.hpp"
#include "params/options.hpp"
#include "text/messages.hpp"
#include "text/script.hpp"
#include "text/text.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"

using namespace likeloss;

extern "C" {
void likeloss_get(int kind, const char* name);
void likeloss_load_arabic();
char* likeloss_shape(const char* text, int len, int rtl);
void likeloss_set_language(const char* tag, int rtl, const char* words_json);
}

namespace {

// How long the first frame waits for the visitor's language and Arabic's extras before it is
// drawn without them (and says why).
constexpr double kWaitForWordsMs = 5000;

// Frames to draw after a wake-up: ImGui lays out new text in one frame and shows it in the next.
constexpr int kSettleFrames = 3;
// After input, keep drawing this long so hover highlights and tooltips follow the pointer.
constexpr double kInputHoldMs = 200;

struct App {
    GLFWwindow* window = nullptr;
    CounterView view;
    std::optional<Live> live;
    std::optional<Model> model;
    std::uint64_t revision = ~0ull;      // the live feed's revision the model was made from
    Options options;                     // the page's parameters, with those it dropped
    std::vector<Ignored> customize_ignored;  // parameters the current feed cannot honour
    bool gl_ready = false;   // the renderer has made its objects (on the first frame)
    bool context_lost = false;  // no WebGL context (and no renderer): frames are laid out, not drawn
    bool context_deferred = false;  // out of view since it started: no context was ever made
    float scale = 0;         // the scale the fonts were built for
    float wanted_scale = 1;  // the page's devicePixelRatio
    int width = 0, height = 0;  // canvas, device pixels
    bool pointer_inside = false;  // Emscripten's GLFW reports leaving, but no move off the canvas
    bool buttons_down[3] = {};     // left, right, middle, as GLFW last reported them
    bool buttons_pressed[3] = {};  // pressed since the last frame (a click may be shorter than one)
    double last_frame_ms = 0;      // when the last frame was laid out (emscripten_get_now)
    bool paused = false;
    int frames_left = kSettleFrames;
    double hold_until = 0;
    long timer = 0;
    bool prefers_dark = false;
    bool reduced_motion = false;  // figures move once a minute at most, not digit by digit
    Instant motion_at = 0;        // the instant shown while motion is reduced
    bool text_urgent = true;      // the next text is news (a new feed, a notice), not a tick
    std::string text;        // the sentences last sent to the page
    std::string tooltip;     // the open tooltip's words last sent to the page
    double content_css = 0;  // the height last asked of the page

    // Language: English is built in; another is fetched (lang/<language>.json) and, until it
    // comes, the first frame waits (kWaitForWordsMs at most).
    const Locale* locale = &english();
    std::optional<Catalogue> catalogue;
    Words words = english_words();
    bool words_pending = false;
    std::string words_problem;   // why the visitor's language is not shown
    // Arabic: shaping (arabic.wasm) and Noto Sans Arabic, fetched when the widget shows Arabic.
    enum class Arabic { none, loading, ready, failed } arabic = Arabic::none;
    std::string arabic_problem;
    ArabicFonts arabic_fonts;
    // The rest of Latin-1 (fonts/Inter-Latin-*.otf), fetched when the feed's words hold it.
    enum class Latin { none, loading, ready, failed } latin = Latin::none;
    LatinFonts latin_fonts;
    std::vector<std::pair<std::string, std::string>> shaped[2];  // logical -> visual, by direction
    bool undrawable = false;     // a name or title holds characters no loaded font has
    bool check_drawable = true;
    long wait_timer = 0;
} app;

bool holding() {
    return app.wait_timer != 0 && (app.words_pending || app.arabic == App::Arabic::loading || app.latin == App::Latin::loading);
}

// Nothing left to wait for: the timer that would end the wait goes too (it would wake an idle widget).
void stop_waiting() {
    if (app.wait_timer && !holding()) {
        emscripten_clear_timeout(app.wait_timer);
        app.wait_timer = 0;
    }
}

// Logical text to what ImGui draws: shaped and reordered once per distinct string, not every frame.
std::string visual(const std::string& logical, bool rtl) {
    if (app.arabic != App::Arabic::ready || !needs_shaping(logical)) return strip_bidi_controls(logical);
    // A few dozen strings, most of them drawn every frame: a list, searched from the newest.
    auto& cache = app.shaped[rtl ? 1 : 0];
    for (auto it = cache.rbegin(); it != cache.rend(); ++it)
        if (it->first == logical) return it->second;
    char* out = likeloss_shape(logical.data(), static_cast<int>(logical.size()), rtl ? 1 : 0);
    std::string drawn = out ? out : "";
    std::free(out);
    if (cache.size() > 2000) cache.clear();  // a card holds a few hundred: a bound all the same
    cache.emplace_back(logical, drawn);
    return drawn;
}

// Arabic letters to draw: asks for the extras once.
void need_arabic() {
    if (app.arabic != App::Arabic::none) return;
    app.arabic = App::Arabic::loading;
    likeloss_load_arabic();
}

// The feed's own words on the card (its title and page names): which letters a widget must draw.
std::vector<const std::string*> feed_words(const Feed& feed) {
    std::vector<const std::string*> texts{&feed.campaign.title};
    for (const Page& p : feed.pages) texts.push_back(&p.name);
    return texts;
}

bool shows_arabic(const Feed& feed) {
    for (const std::string* t : feed_words(feed))
        if (has_arabic(*t)) return true;
    return false;
}

// The page's own messages (widget-boot.js) in the widget's language, and <html lang dir>.
void tell_page_language() {
    nlohmann::json words = nlohmann::json::object();
    for (Msg id : {Msg::page_title, Msg::boot_stopped, Msg::boot_start, Msg::boot_lost, Msg::boot_feed,
                   Msg::boot_feed_link, Msg::boot_download})
        if (const std::string said = app.words.say(id, {"{0}"}); !said.empty()) words[message_key(id)] = said;
    likeloss_set_language(app.locale->tag, app.locale->rtl, words.dump().c_str());
}

void wake(int frames = kSettleFrames) {
    app.frames_left = std::max(app.frames_left, frames);
    if (app.paused) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

// Frames wait for what is on its way (the visitor's language, letters to draw), kWaitForWordsMs at most.
void wait_for_words() {
    if (app.wait_timer) return;
    app.wait_timer = emscripten_set_timeout([](void*) {
        app.wait_timer = 0;
        wake();
    }, kWaitForWordsMs, nullptr);
}

// Latin-1 letters the compiled fonts lack (feed names in Spanish, Portuguese, ...): asks for the
// rest of Latin-1 once, in both weights, and draws when they are here.
void need_more_latin() {
    if (app.latin != App::Latin::none) return;
    app.latin = App::Latin::loading;
    likeloss_get(1, "fonts/Inter-Latin-Regular.otf");
    likeloss_get(2, "fonts/Inter-Latin-SemiBold.otf");
    wait_for_words();
}

bool shows_more_latin(const Feed& feed) {
    for (const std::string* t : feed_words(feed))
        if (needs_more_latin(*t)) return true;
    return false;
}

void on_input() {
    app.hold_until = emscripten_get_now() + kInputHoldMs;
    wake(2);
}

// GLFW's input, which is Dear ImGui's: the pointer only. The widget takes no keyboard, clipboard
// or gamepad input and leaves the pointer's shape to the page, so ImGui's GLFW backend, which
// asks GLFW for all of those every frame, is not in the program (1.3 KB gzip).
void on_cursor(GLFWwindow*, double, double) { on_input(); }
void on_button(GLFWwindow*, int button, int action, int) {
    if (button >= 0 && button < 3) {
        app.buttons_down[button] = action == GLFW_PRESS;
        if (action == GLFW_PRESS) app.buttons_pressed[button] = true;
    }
    on_input();
}
void on_enter(GLFWwindow*, int entered) {
    app.pointer_inside = entered != 0;
    on_input();
}
void on_scroll(GLFWwindow*, double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(x);
    io.MouseWheel += static_cast<float>(y);
    on_input();
}

// What ImGui's GLFW backend gave each frame: the window's size (the canvas's, in device pixels,
// which GLFW's window is given in likeloss_resize; one framebuffer pixel to each), the time since
// the last frame, and the pointer (off the canvas, it hovers nothing, so no tooltip is left behind).
void feed_imgui_input() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(app.width), static_cast<float>(app.height));
    const double now = emscripten_get_now();
    io.DeltaTime = app.last_frame_ms > 0 && now > app.last_frame_ms ? static_cast<float>((now - app.last_frame_ms) / 1000) : 1.0f / 60;
    app.last_frame_ms = now;
    for (int i = 0; i < 3; ++i) {
        io.MouseDown[i] = app.buttons_pressed[i] || app.buttons_down[i];
        app.buttons_pressed[i] = false;
    }
    double x = 0, y = 0;
    glfwGetCursorPos(app.window, &x, &y);
    io.MousePos = app.pointer_inside ? ImVec2(static_cast<float>(x), static_cast<float>(y)) : ImVec2(-FLT_MAX, -FLT_MAX);
}

void publish_text(const Description* d) {
    std::vector<std::string> sentences;
    if (!app.view.notice.empty()) sentences.push_back(app.view.notice);
    if (d) {
        for (std::string& line : lines(*d)) sentences.push_back(std::move(line));
        sentences.push_back(app.words.say(Msg::data_from, {isolate(app.view.data_label)}));  // as the footer says it
    }
    // A bad byte is replaced, never fatal: the text must reach the page whatever a feed says.
    std::string json = nlohmann::json(sentences).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (json != app.text) {
        app.text = std::move(json);
        web::page_set_text(app.text.c_str(), app.text_urgent);
        app.text_urgent = false;
    }
}

// The live data changed (or what to say about it): a new model if the feed is new, and a frame.
void data_changed() {
    const Instant now = web::wall_clock();
    Live& live = *app.live;
    const bool new_feed = live.revision() != app.revision;
    if (new_feed) {
        app.revision = live.revision();
        if (const Feed* feed = live.feed()) {
            Continuity held;
            if (app.model) held = continuity_of(app.model->at(now), std::clamp(live.interval(), kMinute, 10 * kMinute));
            Feed shown = *feed;
            translate(shown, app.locale->tag);  // the feed's own words in the widget's language, if it has them
            Content content = app.options.content;
            if (live.mode() == Live::Mode::graph) content.pages.clear();  // pages= chose what was asked
            app.customize_ignored = customize(shown, app.options.look, content, app.words);
            app.model.emplace(std::move(shown), std::move(held));
            app.view.series = app.model->series();
        } else {
            app.model.reset();
            app.view.series.clear();
        }
        app.view.model = app.model ? &*app.model : nullptr;
    }
    app.view.data_label = live.data_label();
    if (new_feed && app.model && shows_arabic(app.model->feed())) need_arabic();
    if (new_feed && app.model && shows_more_latin(app.model->feed())) need_more_latin();
    std::vector<std::string> notices;
    for (const std::vector<Ignored>* dropped : {&app.options.ignored, &app.customize_ignored})
        for (const Ignored& i : *dropped) notices.push_back(app.words.say(Msg::ignored, {i.key, i.why(app.words)}));
    if (!app.words_problem.empty()) notices.push_back(app.words_problem);
    if (app.arabic == App::Arabic::failed) notices.push_back(app.words.say(Msg::arabic_failed, {app.arabic_problem}));
    if (app.undrawable) notices.push_back(app.words.say(Msg::undrawable));
    if (const std::string n = live.notice(now); !n.empty()) notices.push_back(n);
    const std::string before = app.view.notice;
    app.view.notice = join(notices, " ");
    if (app.view.notice != before || new_feed) {  // news, told at once; a poll that changed nothing is not
        app.text_urgent = true;
        app.motion_at = now;
    }
    if (!app.window) {  // no drawing: the text is all there is, and it stays live
        const Description d = app.model ? describe(*app.model, app.model->at(now), app.words) : Description{};
        publish_text(app.model ? &d : nullptr);
        return;
    }
    wake();
}

void sleep_until_due(Instant now);

void frame() {
    if (app.width == 0) {  // the page has not said how big the canvas is yet
        sleep_until_due(0);
        return;
    }
    if (holding()) {  // the visitor's language or Arabic's letters are on their way
        sleep_until_due(0);
        return;
    }
    if (app.scale != app.wanted_scale) {
        app.scale = app.wanted_scale;
        app.view.fonts = build_fonts(*ImGui::GetIO().Fonts, app.scale, app.arabic_fonts, app.latin_fonts);
        app.check_drawable = true;
        app.view.scale = app.scale;
        style_tooltips(app.view.theme, app.scale);
        if (app.gl_ready && !app.context_lost) {  // else the renderer's next NewFrame uploads the atlas
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    Instant now = web::wall_clock();
    // With reduced motion the figures stand still between minutes (and new feeds).
    if (app.reduced_motion && now - app.motion_at < kMinute)
        now = app.motion_at;
    else
        app.motion_at = now;
    if (app.model) {
        app.view.figures = app.model->at(now);
        app.view.description = describe(*app.model, app.view.figures, app.words);
    }
    if (app.check_drawable && app.model) {  // every character of the feed's names has a glyph?
        app.check_drawable = false;
        bool missing = false;
        for (const std::string* t : feed_words(app.model->feed())) {
            const std::string drawn = visual(*t, app.locale->rtl);
            for (std::size_t at = 0; at < drawn.size();) {
                const char32_t c = next_codepoint(drawn, at);
                if (c > 0x20 && (c > 0xFFFF || !app.view.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c))))
                    missing = true;
            }
        }
        if (missing != app.undrawable) {
            app.undrawable = missing;
            data_changed();
        }
    }

    // Without a WebGL context (the browser took it, or the widget gave it back off screen) the
    // frame is laid out, and its text published, but nothing is sent to the GPU.
    const bool drawable = !app.context_lost;
    if (drawable) {
        ImGui_ImplOpenGL3_NewFrame();
        app.gl_ready = true;
    }
    feed_imgui_input();
    ImGui::NewFrame();
    const Drawn drawn = draw_counter(app.view, ImVec2(static_cast<float>(app.width), static_cast<float>(app.height)));
    ImGui::Render();

    if (drawable) {
        const Rgba bg = app.view.theme.bg;
        glViewport(0, 0, app.width, app.height);
        glDisable(GL_SCISSOR_TEST);  // the renderer leaves its clipping on (tools/own_gl_context.py)
        // The canvas composites premultiplied: a see-through background is cleared as such.
        const float alpha = bg.a / 255.f;
        glClearColor(bg.r / 255.f * alpha, bg.g / 255.f * alpha, bg.b / 255.f * alpha, alpha);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        web::page_frame_drawn();
    }

    publish_text(app.model ? &app.view.description : nullptr);
    std::string tooltip = nlohmann::json(drawn.tooltip).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (tooltip != app.tooltip) {
        app.tooltip = std::move(tooltip);
        web::page_set_tooltip(app.tooltip.c_str());
    }
    const double css = std::ceil(drawn.height / app.scale);
    if (std::fabs(css - app.content_css) >= 1) {
        app.content_css = css;
        web::page_set_content_height(css);
    }

    if (app.frames_left > 0) --app.frames_left;
    if (app.frames_left > 0 || emscripten_get_now() < app.hold_until) return;
    sleep_until_due(now);
}

// Pauses the loop; a timer resumes it when the model says the figures change next.
void sleep_until_due(Instant now) {
    app.paused = true;
    emscripten_pause_main_loop();
    if (app.timer) emscripten_clear_timeout(app.timer);
    app.timer = 0;
    auto next = now && app.model ? app.model->next_change(now) : std::nullopt;
    if (next && app.reduced_motion) next = std::max(*next, app.motion_at + kMinute);
    if (next) {
        const double wait = static_cast<double>(std::max<Instant>(1, *next - web::wall_clock()));
        app.timer = emscripten_set_timeout([](void*) { app.timer = 0; wake(1); }, wait, nullptr);
    }
}

// The visitor's preferences, from the page's media queries, at start and on every change.
void apply_preferences(int dark, int reduce) {
    app.prefers_dark = dark != 0;
    app.reduced_motion = reduce != 0;
    app.view.theme = make_theme(app.options.look, app.prefers_dark);
    if (app.scale > 0) style_tooltips(app.view.theme, app.scale);
    const Theme& t = app.view.theme;
    web::page_set_colors(hex_color(t.bg).c_str(), hex_color(t.fg).c_str(), hex_color(t.accent).c_str());
    app.motion_at = web::wall_clock();
    if (app.window) wake();
}

}  // namespace

// Called by the page whenever the canvas's CSS size or the pixel density changes.
// Also called once before the window exists, so that it is made at its size: a WebGL canvas
// resized after its context is made allocates its drawing buffer again (measured: 40 ms).
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_resize(double css_width, double css_height, double ratio) {
    ratio = std::clamp(ratio, 0.5, 4.0);
    app.wanted_scale = static_cast<float>(ratio);
    app.width = std::max(1, static_cast<int>(std::lround(css_width * ratio)));
    app.height = std::max(1, static_cast<int>(std::lround(css_height * ratio)));
    if (!app.window) return;
    glfwSetWindowSize(app.window, app.width, app.height);
    wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_preferences(int dark, int reduce) { apply_preferences(dark, reduce); }

namespace {

// The rest of Latin-1 in one weight (kind 1: regular, 2: bold) came, or could not: once both are
// here they are merged into the fonts; without them those letters stay squares, and the widget
// says so.
void got_more_latin(int kind, char* bytes, int size, char* problem) {
    std::free(problem);
    if (app.latin != App::Latin::loading) {
        std::free(bytes);
        return;
    }
    FontPair& f = app.latin_fonts;  // kept for the atlas, which is built again at every new pixel density
    (kind == 1 ? f.regular : f.bold) = reinterpret_cast<unsigned char*>(bytes);
    (kind == 1 ? f.regular_size : f.bold_size) = static_cast<unsigned>(size);
    if (!bytes) {
        app.latin = App::Latin::failed;
        std::free(const_cast<unsigned char*>(kind == 1 ? f.bold : f.regular));
        f = {};
    } else if (f.regular && f.bold) {
        app.latin = App::Latin::ready;
        app.scale = 0;  // the next frame builds the fonts again
    } else {
        return;  // the other weight is on its way
    }
    app.check_drawable = true;
    stop_waiting();
    if (app.window) wake();
}

}  // namespace

// A language file (kind 0) came, or could not: the widget speaks it from now on, or says why not.
// Kinds 1 and 2 are the rest of Latin-1's fonts.
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_got(int kind, char* bytes, int size, char* problem) {
    if (kind != 0) return got_more_latin(kind, bytes, size, problem);
    std::string error;
    if (bytes) {
        app.catalogue = Catalogue::parse(std::string_view(bytes, static_cast<std::size_t>(size)), *app.locale, &error,
                                         /*page_messages=*/false);  // those shown before the program runs are not sent
        std::free(bytes);
    } else {
        error = problem ? problem : "";
        std::free(problem);
    }
    if (app.catalogue) {
        app.words = Words{app.locale, &*app.catalogue};
    } else {  // English it is, and the page says so
        app.words_problem = app.words.say(Msg::ignored, {"lang", app.locale->tag + std::string(": ") + error});
        app.locale = &english();
        app.words = english_words();
    }
    app.words_pending = false;
    stop_waiting();
    tell_page_language();
    app.text_urgent = true;
    app.revision = ~0ull;  // every sentence again, in the new words
    if (app.live) {
        app.live->set_words(app.words);
        data_changed();
    }
}

// Arabic's extras came (or could not): its letters are merged into the fonts, or the widget says why.
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_arabic_ready(unsigned char* regular, int regular_size,
                                                             unsigned char* bold, int bold_size, char* problem) {
    if (regular && bold) {  // kept for the atlas, which is built again at every new pixel density
        app.arabic_fonts = {regular, static_cast<unsigned>(regular_size), bold, static_cast<unsigned>(bold_size)};
        app.arabic = App::Arabic::ready;
        app.scale = 0;  // the next frame builds the fonts again
    } else {
        app.arabic = App::Arabic::failed;
        app.arabic_problem = problem ? problem : "";
        std::free(problem);
    }
    app.check_drawable = true;
    stop_waiting();
    if (app.live) data_changed();
    if (app.window) wake();
}

// Called by the page when it needs a fresh frame (it became visible again, for instance).
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_wake() { wake(); }

namespace {

// The window on the canvas, with a WebGL 2 context or, for a widget that starts out of view,
// without one (GLFW makes a context only with a window).
bool open_window(bool with_context) {
    glfwWindowHint(GLFW_CLIENT_API, with_context ? GLFW_OPENGL_ES_API : GLFW_NO_API);
    app.window = glfwCreateWindow(app.width > 0 ? app.width : 300, app.height > 0 ? app.height : 150, "likeloss", nullptr, nullptr);
    if (!app.window) return false;
    if (with_context) glfwMakeContextCurrent(app.window);
    glfwSetCursorPosCallback(app.window, on_cursor);
    glfwSetMouseButtonCallback(app.window, on_button);
    glfwSetCursorEnterCallback(app.window, on_enter);
    glfwSetScrollCallback(app.window, on_scroll);
    if (with_context) ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

// The widget comes into view for the first time: its window is made again, with a context.
void make_context() {
    glfwDestroyWindow(app.window);
    app.context_deferred = false;
    if (!open_window(true)) {  // no WebGL after all: the figures as text, as at a start without it
        app.window = nullptr;
        emscripten_cancel_main_loop();
        web::page_fatal(app.words.say(Msg::no_webgl).c_str());
        data_changed();
        return;
    }
    app.context_lost = false;
    app.gl_ready = false;
    wake();
}

}  // namespace

// The WebGL context went away (0) or came back (1). Everything the renderer made in the old one
// (shaders, buffers, the font texture) is gone: it starts afresh (its buffer sizes describe the
// old buffers too), its next frame makes them again, and the counter is redrawn. A widget that
// started out of view makes its first context here.
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_context(int available) {
    if (app.context_deferred) {
        if (available) make_context();
        return;
    }
    // ImGui's OpenGL backend lives as long as the context: shut down once, set up once.
    if (!available && !app.context_lost) ImGui_ImplOpenGL3_Shutdown();  // deletes in a lost context are silent
    if (available && app.context_lost) ImGui_ImplOpenGL3_Init("#version 300 es");
    app.context_lost = !available;
    app.gl_ready = false;
    wake();
}

int main() {
    FeedResult bundled = parse_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), web::wall_clock());
    if (!bundled.ok()) {
        web::page_fatal(english_words().say(Msg::bundled_broken, {bundled.error.message()}).c_str());
        return 0;
    }
    const web::PageContext page = web::page_context();
    Options options = parse_options(page.query);
    // The language: the one asked for, else the visitor's best; English is built in, others load.
    app.locale = options.content.lang == "auto" ? &best_locale(page.languages) : find_locale(options.content.lang);
    if (!app.locale) app.locale = &english();
    if (app.locale != &english()) {
        if (std::string(app.locale->language) != "en") {
            app.words_pending = true;
            likeloss_get(0, (std::string("lang/") + app.locale->language + ".json").c_str());
        } else {
            app.words = Words{app.locale, &english_catalogue()};
        }
    }
    if (app.locale->rtl) need_arabic();
    if (app.words_pending || app.arabic == App::Arabic::loading) wait_for_words();
    tell_page_language();
    app.view.visual = visual;
    app.view.words = &app.words;
    LiveSettings settings;
    settings.page_origin = page.origin;
    settings.config_url = page.config_url;
    settings.graph_token = options.data.graph_token;
    settings.graph_version = options.data.graph_version;
    settings.pages = options.content.pages;
    settings.refresh_s = options.data.refresh_s;
    if (!options.data.source.empty()) {
        const web::ResolvedUrl url = web::resolve_url(options.data.source);
        if (url.href.empty()) {
            options.ignored.push_back({"source", Msg::not_web_address, ""});
        } else {
            settings.source_url = url.href;
            settings.source_origin = url.origin;
            settings.source_host = url.host;
        }
    }
    app.options = options;
    app.view.layout = options.content.layout;
    const int preferences = web::page_preferences();
    apply_preferences(preferences & 1, preferences & 2);
    app.live.emplace(std::move(settings), std::move(*bundled.feed));
    app.live->set_words(app.words);
    data_changed();

    if (!glfwInit()) {
        web::page_fatal(app.words.say(Msg::no_window).c_str());
        return 0;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // A widget out of view (further down a blog's page) makes no WebGL context until it comes into
    // view: a browser keeps about sixteen, and each new one takes the oldest, maybe one in view.
    // Until then its frames are laid out (its height, its text) but not drawn.
    app.context_deferred = !web::page_in_view();
    app.context_lost = app.context_deferred;
    web::page_report_size();  // the canvas's size, before its context is made
    if (!open_window(!app.context_deferred)) {
        web::page_fatal(app.words.say(Msg::no_webgl).c_str());
        data_changed();
        web::start_data(*app.live, data_changed);
        return 0;
    }

    web::page_attach(app.context_deferred);  // the page reports the canvas's size at once, then on every change
    web::start_data(*app.live, data_changed);
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
