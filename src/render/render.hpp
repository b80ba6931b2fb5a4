// The widget drawn natively: the same src/widget code as the web canvas, into an off-screen
// framebuffer (src/render/offscreen.hpp), for pictures of the counter where scripts never run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "feed/time.hpp"

struct ImGuiContext;

namespace likeloss {

struct Picture {
    std::string feed_json;      // the feed, as published
    Instant at = 0;             // the instant shown: the same instant draws the same pixels
    Instant now = 0;            // the clock, which a feed's timestamps must not be ahead of
    std::string query;          // the widget's URL parameters (without '?'): colours, layout, lang…
    float css_width = 360;      // CSS pixels
    float scale = 1;            // device pixels per CSS pixel
    float css_height = 0;       // 0: as tall as the card needs
    std::string data_label;     // where the figures come from, as the footer says it
    std::string arabic_font_dir;  // Noto Sans Arabic (Regular, Bold) for a card that shows Arabic
};

struct Rendered {
    int width = 0, height = 0;        // device pixels
    std::vector<std::uint8_t> rgba;   // top row first, straight alpha
    std::vector<std::string> alt;     // the screen reader's sentences, for the image's alt text
    std::vector<std::string> notices;  // what the small print says went wrong (a bad parameter…)
    std::string error;                // why there is no picture; empty when there is one
};

class Offscreen;

// A whole file's bytes; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

class Renderer {
public:
    // An OpenGL ES 3 context and Dear ImGui; nothing and the reason when there is no context.
    static std::unique_ptr<Renderer> open(std::string* error);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    Rendered draw(const Picture& picture);

private:
    Renderer() = default;
    std::unique_ptr<Offscreen> gl_;
    ImGuiContext* imgui_ = nullptr;
    std::string arabic_dir_, arabic_regular_, arabic_bold_;  // the font files, read once
};

}  // namespace likeloss
