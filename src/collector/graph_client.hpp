// The collector's Graph API requests: one batched request, tried again with the widget's backoff
// when the failure may pass, and the search for the pages Facebook does not know. A pause that
// Facebook asks for (its usage headers, a rate-limit error) ends the run's requests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "collect.hpp"
#include "collect_config.hpp"
#include "live/graph.hpp"

namespace likeloss {

struct Asked {
    std::optional<Exit> failure;  // set: the run ends with this
    std::string problem;
    GraphVerdict verdict;         // the last answer's (counted, unknown, search, refused, ...)
};

// The counts of a run: every page's, or a failure; the pages Facebook does not know are left out.
struct Measured {
    std::optional<Exit> failure;  // set: the run ends with this, and publishes nothing
    std::string problem;
    std::vector<GraphPage> pages;
    std::vector<std::string> unknown;
};

class GraphClient {
public:
    // `token` as it is written in a URL.
    GraphClient(const CollectConfig& c, std::string token) : c_(c), token_(std::move(token)) {}

    std::optional<Instant> pause;  // asked by Facebook's usage headers or a rate-limit error
    std::string pause_why;

    // One request for `ids`, tried again while the failure may pass; judged as part of `search`
    // when one is under way.
    Asked ask(const std::vector<std::string>& ids, const GraphSearch* search = nullptr);
    // The counts of `ids`: one batched request, and when Facebook does not know a page, the
    // others again (or, when it does not name it, each page alone to find it).
    Measured measure(const std::vector<std::string>& ids);

private:
    const CollectConfig& c_;
    std::string token_;
};

}  // namespace likeloss
