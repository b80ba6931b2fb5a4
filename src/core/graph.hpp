// Facebook's Graph API, read directly by a private dashboard: one batched request for all pages
// (?ids=a,b&fields=fan_count,followers_count,name) and its answer or error. Errors are told apart
// by error.code, as Facebook documents them, never by error.type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed.hpp"

namespace likeloss {

enum class GraphProblem {
    token,         // 190: the token expired or is invalid
    rate_limit,    // 4, 17, 32, 341, 613, 80001-80014: too many calls; wait longer than for a network fault
    unknown_page,  // 100, 803: a page id or handle Facebook does not know
    permission,    // 10, 200-299: the token may not read these pages
    other,
};
GraphProblem graph_problem(std::int64_t code);

struct GraphError {
    std::int64_t code = 0;     // read whole: 4294967486 is not 190; absent or not a whole number: 0
    std::int64_t subcode = 0;
    GraphProblem problem = GraphProblem::other;
    std::vector<std::string> unknown_ids;  // named in an unknown-page error, when it names them
};

struct GraphPage {
    std::string id;    // as requested
    std::string name;  // as Facebook names it
    std::optional<std::int64_t> likes;      // fan_count
    std::optional<std::int64_t> followers;  // followers_count
    // The count to compare with a baseline in `unit`: the same kind where Facebook reports it. A
    // page of the New Pages Experience has no likes (no fan_count, or 0 beside its followers):
    // its followers stand in, and say so.
    std::optional<std::pair<std::int64_t, Unit>> count_for(Unit unit) const;
};

struct GraphAnswer {
    std::vector<GraphPage> pages;      // in the order requested
    std::vector<std::string> missing;  // requested, but answered without a usable count
    std::optional<GraphError> error;   // Facebook's error object, when it sent one
    std::string invalid;               // not a Graph answer at all: why (garbage, truncated, wrong shape)
};

GraphAnswer parse_graph_response(std::string_view json_text, const std::vector<std::string>& ids);

// The request without its token: "https://graph.facebook.com/v25.0/?ids=a,b&fields=...". It asks
// for errors with HTTP 200 (suppress_http_code), so the browser logs no failed request, whose URL
// would hold the token, in the console.
std::string graph_url(std::string_view base, std::string_view version, const std::vector<std::string>& ids);

// What went wrong, in a visitor's words, with the code for whoever fixes it.
std::string graph_error_text(const GraphError& e);

}  // namespace likeloss
