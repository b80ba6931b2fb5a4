// The web platform: one GLFW window on the page's canvas, WebGL2, and a main loop that sleeps.
//
// An idle widget on a blog must cost its visitors nothing, and Dear ImGui 1.86 redraws every
// frame. So the loop draws only when something visible may change: input (the GLFW callbacks
// wake it), a resize or a new pixel density (the page calls likeloss_resize), the first frames
// while ImGui settles its layout, and the next instant the model says a figure changes. Between
// those it is paused with emscripten_pause_main_loop and, if a change is due, a timer resumes it.
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
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "bridge.hpp"
#include "counter.hpp"
#include "describe.hpp"
#include "embedded.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

using namespace likeloss;

namespace {

// Frames to draw after a wake-up: ImGui lays out new text in one frame and shows it in the next.
constexpr int kSettleFrames = 3;
// After input, keep drawing this long so hover highlights and tooltips follow the pointer.
constexpr double kInputHoldMs = 200;

struct App {
    GLFWwindow* window = nullptr;
    CounterView view;
    std::optional<Model> model;
    bool gl_ready = false;   // the renderer has made its objects (on the first frame)
    float scale = 0;         // the scale the fonts were built for
    float wanted_scale = 1;  // the page's devicePixelRatio
    int width = 0, height = 0;  // canvas, device pixels
    bool pointer_inside = false;  // Emscripten's GLFW reports leaving, but no move off the canvas
    bool paused = false;
    int frames_left = kSettleFrames;
    double hold_until = 0;
    long timer = 0;
    std::string text;        // the sentences last sent to the page
    double content_css = 0;  // the height last asked of the page
} app;

void wake(int frames = kSettleFrames) {
    app.frames_left = std::max(app.frames_left, frames);
    if (app.paused) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

void on_input() {
    app.hold_until = emscripten_get_now() + kInputHoldMs;
    wake(2);
}

// GLFW input callbacks: set before ImGui installs its own, which chain to these.
void on_cursor(GLFWwindow*, double, double) { on_input(); }
void on_button(GLFWwindow*, int, int, int) { on_input(); }
void on_enter(GLFWwindow*, int entered) {
    app.pointer_inside = entered != 0;
    on_input();
}
void on_scroll(GLFWwindow*, double, double) { on_input(); }

void load_feed(std::string_view text, std::string label) {
    FeedResult r = parse_feed(text, static_cast<Instant>(emscripten_date_now()));
    if (!r.ok()) {
        app.view.notice = "The feed was not used: " + r.error.message();
        return;
    }
    app.model.emplace(std::move(*r.feed));
    app.view.model = &*app.model;
    app.view.series = app.model->series();
    app.view.data_label = std::move(label);
    wake();
}

void publish_text(const Description& d) {
    const auto sentences = lines(d);
    std::string json = nlohmann::json(sentences).dump();
    if (json != app.text) {
        app.text = std::move(json);
        web::page_set_text(app.text.c_str());
    }
}

// Tooltips in the widget's own colours rather than ImGui's debug look.
void style_tooltips(const Theme& t, float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = style.PopupRounding = 6;
    style.WindowPadding = ImVec2(10, 8);
    style.ScaleAllSizes(scale);
    style.Colors[ImGuiCol_PopupBg] = to_vec4(t.bg);
    style.Colors[ImGuiCol_Text] = to_vec4(t.fg);
    style.Colors[ImGuiCol_Border] = to_vec4(t.rule);
    style.Colors[ImGuiCol_Separator] = to_vec4(t.rule);
}

void sleep_until_due(Instant now);

void frame() {
    if (app.width == 0) {  // the page has not said how big the canvas is yet
        sleep_until_due(0);
        return;
    }
    if (app.scale != app.wanted_scale) {
        app.scale = app.wanted_scale;
        app.view.fonts = build_fonts(*ImGui::GetIO().Fonts, app.scale);
        app.view.scale = app.scale;
        style_tooltips(app.view.theme, app.scale);
        if (app.gl_ready) {  // else the renderer's first NewFrame uploads the atlas
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    const Instant now = static_cast<Instant>(emscripten_date_now());
    app.view.figures = app.model->at(now);
    app.view.description = describe(*app.model, app.view.figures);

    ImGui_ImplOpenGL3_NewFrame();
    app.gl_ready = true;
    ImGui_ImplGlfw_NewFrame();
    // A pointer that left the canvas hovers nothing, so no tooltip is left behind.
    if (!app.pointer_inside) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    const float content = draw_counter(app.view, ImVec2(static_cast<float>(app.width), static_cast<float>(app.height)));
    ImGui::Render();

    const Rgba bg = app.view.theme.bg;
    glViewport(0, 0, app.width, app.height);
    glClearColor(bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, bg.a / 255.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    web::page_frame_drawn();

    publish_text(app.view.description);
    const double css = std::ceil(content / app.scale);
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
    if (const auto next = now ? app.model->next_change(now) : std::nullopt)
        app.timer = emscripten_set_timeout([](void*) { app.timer = 0; wake(1); },
                                           static_cast<double>(*next - now), nullptr);
}

}  // namespace

// Called by the page whenever the canvas's CSS size or the pixel density changes.
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_resize(double css_width, double css_height, double ratio) {
    if (!app.window) return;
    ratio = std::clamp(ratio, 0.5, 4.0);
    app.wanted_scale = static_cast<float>(ratio);
    app.width = std::max(1, static_cast<int>(std::lround(css_width * ratio)));
    app.height = std::max(1, static_cast<int>(std::lround(css_height * ratio)));
    glfwSetWindowSize(app.window, app.width, app.height);
    wake();
}

// Called by the page when it needs a fresh frame (it became visible again, for instance).
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_wake() { wake(); }

int main() {
    load_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), "the bundled 2016 campaign feed, with a source for every figure");
    if (!app.model) {
        web::page_fatal(("The bundled feed is broken: " + app.view.notice).c_str());
        return 0;
    }

    if (!glfwInit()) {
        web::page_fatal("This browser could not start the counter's window.");
        return 0;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    app.window = glfwCreateWindow(300, 150, "likeloss", nullptr, nullptr);
    if (!app.window) {
        web::page_fatal("This browser cannot draw the counter (WebGL 2 is unavailable or turned off).");
        publish_text(describe(*app.model, app.model->at(static_cast<Instant>(emscripten_date_now()))));
        return 0;
    }
    glfwMakeContextCurrent(app.window);
    glfwSetCursorPosCallback(app.window, on_cursor);
    glfwSetMouseButtonCallback(app.window, on_button);
    glfwSetCursorEnterCallback(app.window, on_enter);
    glfwSetScrollCallback(app.window, on_scroll);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    web::page_attach();  // the page reports the canvas's size at once, then on every change
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
