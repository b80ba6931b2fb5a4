// The few calls from C++ into the page. Their JavaScript halves live in shell/widget-boot.js
// (Module.likeloss), which owns the DOM; nothing here builds HTML.
#pragma once

#include "feed/time.hpp"

namespace likeloss::web {

Instant wall_clock();                        // the page's clock (Date.now()): the web layer's only one

// Start reporting the canvas's size; `deferred`: no WebGL context yet, ask for one
// (_likeloss_context(1)) when the widget comes into view.
void page_attach(bool deferred);
bool page_in_view();                         // the widget is in (or near) the visitor's view
void page_report_size();                     // the page calls likeloss_resize now
// The figures as sentences (screen readers, tests). Not urgent: a tick of the counter, which
// the page may pass on to screen readers later, throttled.
void page_set_text(const char* lines_json, bool urgent);
void page_set_tooltip(const char* lines_json); // what the open tooltip says ([] when none)
// The card's colours (#rrggbbaa), so its figures shown as text look like the card.
void page_set_colors(const char* bg, const char* fg, const char* accent);
int page_preferences();                      // bit 0: prefers dark, bit 1: prefers reduced motion
void page_set_content_height(double css_px); // the counter needs this much height
void page_frame_drawn();                     // a frame was drawn (idle checks count them)
void page_fatal(const char* message);        // drawing is impossible: show the text instead

}  // namespace likeloss::web
