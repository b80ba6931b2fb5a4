// The live data pump: performs the requests src/core/live/live.hpp decides on, with the page's fetch,
// and keeps the last good feed in localStorage. It knows nothing of drawing: `changed` is told
// whenever the figures, or what the widget should say about them, may have changed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "live/live.hpp"

namespace likeloss::web {

// The page's parameters and where it lives, as the page reports them.
struct PageContext {
    std::string query;     // location.search, then the fragment's parameters (they win)
    std::string origin;
    std::string config_url;
    std::string languages;  // navigator.languages, comma separated, best first
};
PageContext page_context();

// `source` resolved against the page: {href, origin, host}; empty href when it is not http(s).
struct ResolvedUrl {
    std::string href, origin, host;
};
ResolvedUrl resolve_url(const std::string& text);

void start_data(Live& live, std::function<void()> changed);

}  // namespace likeloss::web
