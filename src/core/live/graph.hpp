// Facebook's Graph API, read directly by a private dashboard: one batched request for all pages
// (?ids=a,b&fields=fan_count,followers_count) and its answer or error. Errors are told apart
// by error.code, as Facebook documents them, never by error.type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/feed.hpp"
#include "text/messages.hpp"

namespace likeloss {

constexpr std::size_t kMaxGraphBytes = 256 << 10;  // an answer with fifty pages' counts is far smaller

// The one rule for a Graph API version, in the widget's parameters and both settings files:
// "v25.0" (a 'v', digits, a dot, digits; 4 to 8 characters).
bool valid_graph_version(std::string_view version);
// The one rule for a token, in the widget and the collector: 8 to 4,096 printable ASCII
// characters without spaces (user, page and app tokens, "id|secret", all fit). It travels
// URL-escaped, and is never repeated back when refused.
bool valid_graph_token(std::string_view token);

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

// ---------------------------------------------------------------------------------------------
// What an answer means, for the widget and the collector alike: one verdict, which the widget
// maps to its schedule and the collector to its exit code (each in its own words).

enum class GraphAction {
    counted,       // the pages' counts are in `answer` (those without one in answer.missing)
    rate_limited,  // an error code of a rate limit, or HTTP 429: wait longer, no retry now
    must_act,      // the token expired or may not read the pages: no retry helps, a person must act
    unknown,       // Facebook does not know the pages in `unknown`: leave them out, ask the rest now
    search,        // Facebook does not know a page and says not which: ask each page alone
    refused,       // a code 100 that no page explains, before any page alone was counted: the
                   // request itself is wrong (a field, a version, an app secret proof)
    failed,        // anything else (an unknown code, a server error, garbage): try again later
};

struct GraphVerdict {
    GraphAction action = GraphAction::failed;
    int status = 0;                    // the HTTP status
    std::optional<GraphError> error;   // Facebook's error, when it sent one
    std::string invalid;               // why the answer is not a Graph answer, when it is not
    std::vector<std::string> unknown;  // with `unknown`
    GraphAnswer answer;                // with `counted`
};

// `ids`: the pages asked. `alone_counted`: a page asked alone was counted in this search, so the
// request itself works and a code 100 for another page alone is about that page.
GraphVerdict judge_graph(int status, std::string_view body, const std::vector<std::string>& ids,
                         bool alone_counted = false);

// The search for a page Facebook does not know when its error does not say which: each page of
// the batch asked alone, in order. A page alone is unknown when Facebook says so (803, 100 with
// subcode 33, or it names the page), or answers a plain 100 after another page alone was counted;
// a plain 100 before that is the request's fault, and any other verdict ends the search too.
class GraphSearch {
public:
    GraphSearch() = default;
    explicit GraphSearch(std::vector<std::string> ids) : ids_(std::move(ids)) {}
    bool active() const { return next_ < ids_.size(); }
    const std::string& page() const { return ids_[next_]; }  // the page to ask alone now
    bool counted() const { return counted_; }                // a page alone was counted
    // Over, and every page of a batch of several was unknown alone: more likely a request that is
    // wrong (a field, a version) than ids that are all wrong; worth saying so.
    bool every_page_unknown() const { return !active() && ids_.size() > 1 && unknown_ == ids_.size(); }
    // After the verdict for page(): counted or unknown moves on to the next page, anything else
    // ends the search.
    void advance(const GraphVerdict& v);
    // judge_graph for page(), then advance.
    GraphVerdict receive(int status, std::string_view body);

private:
    std::vector<std::string> ids_;
    std::size_t next_ = 0;
    std::size_t unknown_ = 0;
    bool counted_ = false;
};

// The request without its token: "https://graph.facebook.com/v25.0/?ids=a,b&fields=...". It asks
// for errors with HTTP 200 (suppress_http_code), so the browser logs no failed request, whose URL
// would hold the token, in the console.
std::string graph_url(std::string_view base, std::string_view version, const std::vector<std::string>& ids);

// What went wrong, in a visitor's words, with the code for whoever fixes it; the text, in
// English, for the collector's log.
Said graph_error_message(const GraphError& e);
std::string graph_error_text(const GraphError& e);

}  // namespace likeloss
