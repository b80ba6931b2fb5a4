#include "bridge.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

// Module.likeloss is defined by shell/widget-boot.js before this program starts.
EM_JS(void, js_page_attach, (int deferred), { Module["likeloss"]["attach"](!!deferred); });
EM_JS(int, js_page_in_view, (), { return Module["likeloss"]["inView"]() ? 1 : 0; });
EM_JS(void, js_page_report_size, (), { Module["likeloss"]["reportSize"](); });
EM_JS(void, js_page_set_text, (const char* json, int urgent), {
    Module["likeloss"]["setText"](JSON.parse(UTF8ToString(json)), !!urgent);
});
EM_JS(void, js_page_set_tooltip, (const char* json), { Module["likeloss"]["setTooltip"](JSON.parse(UTF8ToString(json))); });
EM_JS(void, js_page_set_colors, (const char* bg, const char* fg, const char* accent),
      { Module["likeloss"]["setColors"](UTF8ToString(bg), UTF8ToString(fg), UTF8ToString(accent)); });
// The visitor's colour scheme and motion preferences; changes reach _likeloss_preferences.
EM_JS(int, js_page_preferences, (), {
    var dark = matchMedia("(prefers-color-scheme: dark)"), motion = matchMedia("(prefers-reduced-motion: reduce)");
    var tell = function() { _likeloss_preferences(dark.matches ? 1 : 0, motion.matches ? 1 : 0); };
    dark.addEventListener("change", tell);
    motion.addEventListener("change", tell);
    return (dark.matches ? 1 : 0) | (motion.matches ? 2 : 0);
});
EM_JS(void, js_page_set_content_height, (double px), { Module["likeloss"]["setContentHeight"](px); });
EM_JS(void, js_page_frame_drawn, (), { Module["likeloss"]["frameDrawn"](); });
EM_JS(void, js_page_fatal, (const char* message), { Module["likeloss"]["fatal"](UTF8ToString(message)); });

namespace likeloss::web {

Instant wall_clock() { return static_cast<Instant>(emscripten_date_now()); }

void page_attach(bool deferred) { js_page_attach(deferred ? 1 : 0); }
bool page_in_view() { return js_page_in_view() != 0; }
void page_report_size() { js_page_report_size(); }
void page_set_text(const char* lines_json, bool urgent) { js_page_set_text(lines_json, urgent ? 1 : 0); }
void page_set_tooltip(const char* lines_json) { js_page_set_tooltip(lines_json); }
void page_set_colors(const char* bg, const char* fg, const char* accent) { js_page_set_colors(bg, fg, accent); }
int page_preferences() { return js_page_preferences(); }
void page_set_content_height(double css_px) { js_page_set_content_height(css_px); }
void page_frame_drawn() { js_page_frame_drawn(); }
void page_fatal(const char* message) { js_page_fatal(message); }

}  // namespace likeloss::web
