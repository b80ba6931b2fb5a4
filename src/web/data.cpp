#include "data.hpp"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "bridge.hpp"

extern "C" {
// src/web/library_likeloss.js
void likeloss_fetch(int id, const char* url, double timeout_ms, double max_bytes, int revalidate);
char* likeloss_storage_get(const char* key);
void likeloss_storage_set(const char* key, const char* value);
char* likeloss_page_context();
char* likeloss_resolve_url(const char* text);
int likeloss_watch_page();
double likeloss_random();
}

EM_JS(void, js_page_set_data, (const char* json), { Module["likeloss"]["setData"](UTF8ToString(json)); });

namespace likeloss::web {

namespace {

struct Pump {
    Live* live = nullptr;
    std::function<void()> changed;
    bool visible = true;
    int asked = 0;  // the id of the request in flight; answers to older ones are dropped
    long timer = 0;
} pump;

// Parsed from a string_view's range, as the core parses: one instantiation of the parser, not two.

std::string take(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

void publish() {
    js_page_set_data(pump.live->state_json(wall_clock()).c_str());
    pump.changed();
}

void run();

// Sleeps until the next request is due; a hidden page is woken by becoming visible instead.
void arm() {
    if (pump.timer) emscripten_clear_timeout(pump.timer);
    pump.timer = 0;
    const auto due = pump.live->next_due();
    if (!due || !pump.visible) return;
    const double wait = static_cast<double>(std::max<Instant>(0, *due - wall_clock()));
    pump.timer = emscripten_set_timeout([](void*) { pump.timer = 0; run(); }, wait, nullptr);
}

void run() {
    if (pump.visible) {
        if (auto r = pump.live->next_request(wall_clock())) {
            likeloss_fetch(++pump.asked, r->url.c_str(), static_cast<double>(r->timeout),
                           static_cast<double>(r->max_bytes), r->revalidate ? 1 : 0);
            publish();
        } else if (const auto due = pump.live->next_due(); !due || *due <= wall_clock()) {
            // Nothing to ask (Live stopped its schedule, and says why): publish that, and never
            // re-arm a timer for an instant already past, which would spin.
            publish();
            if (due) return;
        }
    }
    arm();
}

}  // namespace

PageContext page_context() {
    const std::string text = take(likeloss_page_context());
    const auto j = read_json(text);
    PageContext c;
    if (!j.is_object()) return c;
    c.query = j.value("query", "");
    const std::string fragment = j.value("fragment", "");
    if (fragment.size() > 1) c.query += "&" + fragment.substr(1);
    c.origin = j.value("origin", "");
    c.config_url = j.value("config", "");
    c.languages = j.value("languages", "");
    return c;
}

ResolvedUrl resolve_url(const std::string& text) {
    const std::string out = take(likeloss_resolve_url(text.c_str()));
    const auto j = read_json(out);
    if (!j.is_object()) return {};
    return {j.value("href", ""), j.value("origin", ""), j.value("host", "")};
}

void start_data(Live& live, std::function<void()> changed) {
    pump.live = &live;
    pump.changed = std::move(changed);
    if (live.mode() == Live::Mode::bundled) return;
    pump.visible = likeloss_watch_page() != 0;
    // A returning visitor sees the last good figures at once, checked as if just fetched.
    const std::string key = live.saved_key();
    if (!key.empty()) live.restore(take(likeloss_storage_get(key.c_str())), wall_clock());
    publish();
    run();
}

// The page's calls: an answer, a change of visibility, the network back.
extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_fetched(int id, int outcome, int status, char* body, int length) {
    std::string text(body ? body : "", body ? static_cast<std::size_t>(length) : 0);
    std::free(body);
    if (!pump.live || id != pump.asked) return;
    Response r;
    r.outcome = static_cast<Response::Outcome>(outcome);
    r.status = status;
    r.body = std::move(text);
    pump.live->receive(wall_clock(), r, likeloss_random());
    if (auto record = pump.live->take_record()) {
        const std::string key = pump.live->saved_key();
        if (!key.empty()) likeloss_storage_set(key.c_str(), record->c_str());
    }
    publish();
    run();
}

extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_visible(int visible) {
    pump.visible = visible != 0;
    if (pump.live) run();
}

extern "C" EMSCRIPTEN_KEEPALIVE void likeloss_online() {
    if (!pump.live) return;
    pump.live->online(wall_clock());
    run();
}

}  // namespace likeloss::web
