// Live data: where the widget's feed comes from and what it says about it. One of three sources:
//   - the bundled feed (no `source=`, no token): nothing is fetched;
//   - a published feed (`source=`): fetched, validated whole, polled at its update interval;
//   - the Graph API (`graph_token=`): counts for the pages in one batched request, on top of the
//     baselines of a feed (`source=`, or the bundled one).
// The platform performs the requests this class asks for and hands back the answers; all the
// decisions (what to ask, when, what an answer means, what to tell the visitor) are made here,
// against an explicit clock, so they are tested natively.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "live/config.hpp"
#include "feed/feed.hpp"
#include "live/graph.hpp"
#include "live/schedule.hpp"
#include "text/messages.hpp"

namespace likeloss {

constexpr std::size_t kMaxSavedBytes = 256 << 10;  // localStorage is small and shared by the site
constexpr std::size_t kMaxGraphSamples = 500;       // a page's counts kept from this session

struct Request {
    enum class Kind { config, feed, graph };
    Kind kind = Kind::feed;
    std::string url;        // what to fetch: a Graph URL carries the token
    std::string shown_url;  // the same without the token: the only form that may be shown or logged
    Instant timeout = 0;
    std::size_t max_bytes = 0;
    // true: a conditional request (If-None-Match / If-Modified-Since against the browser's
    // cache); false: nothing is stored anywhere (the Graph API, whose URL holds the token).
    bool revalidate = true;
};

struct Response {
    enum class Outcome {
        answered,   // `status` and `body` are the server's
        offline,    // the browser knows it has no network
        network,    // no answer: unreachable, refused, or not readable cross-origin (CORS)
        timeout,    // no complete answer in time
        too_large,  // the body went past the request's max_bytes
        redirected, // the server sent the request on to another origin, which is not checked
    };
    Outcome outcome = Outcome::answered;
    int status = 0;
    std::string body;
};

struct LiveSettings {
    std::string page_origin;  // "https://campaign.example.org"
    std::string config_url;   // likeloss-config.json beside the widget
    std::string source_url;   // absolute, resolved by the page; empty when there is none
    std::string source_origin;
    std::string source_host;  // what the footer names
    std::string graph_token;
    std::string graph_version;       // empty: the deployment's
    std::vector<std::string> pages;  // Graph mode: ids or handles; empty: the base feed's pages
    std::optional<int> refresh_s;
};

class Live {
public:
    Live(LiveSettings settings, Feed bundled);

    enum class Mode { bundled, feed, graph };
    Mode mode() const { return mode_; }

    // The feed to show, or null while the first answer is awaited with nothing saved to show.
    const Feed* feed() const;
    // Changes whenever feed() does (a new answer, a restored copy, a fallback).
    std::uint64_t revision() const { return revision_; }
    // The language of what this class says (English until told): notices, the footer's source,
    // and the provenance of the counts it reads from the Graph API. `words` must outlive this
    // object; after a change, feed() says its own notes anew (revision() changes).
    void set_words(const Words& words);
    // Where the figures come from, for the footer ("the feed at feeds.example.org").
    std::string data_label() const;
    // A problem or a state worth a line above the figures; empty when all is well.
    std::string notice(Instant now) const;

    // The next request to make, if one is due now (and none is in flight).
    std::optional<Request> next_request(Instant now);
    // The answer to the request last returned. `jitter` is uniform in [0, 1).
    void receive(Instant now, const Response& response, double jitter);
    // When a request will next be due; nothing when none will be (or one is in flight).
    std::optional<Instant> next_due() const;
    void online(Instant now);

    // The last good feed kept in the browser: its storage key (empty: nothing is kept, as in
    // Graph mode, whose figures belong to a private dashboard), a record to restore at start, and
    // a record to save after each new good answer (empty: remove the saved one, it is outdated).
    std::string saved_key() const;
    bool restore(std::string_view record, Instant now);
    std::optional<std::string> take_record();

    // The state as JSON, for the page (tests read it); never holds the token.
    std::string state_json(Instant now) const;

    // Time between polls, after the deployment's minimum (0: the feed is fetched once).
    Instant interval() const { return schedule_.interval(); }

private:
    enum class Step { config, base, poll };

    LiveSettings s_;
    Feed bundled_;
    Config config_;
    Mode mode_ = Mode::bundled;
    Step step_ = Step::config;
    Schedule schedule_;
    std::optional<Request::Kind> asked_;

    std::optional<Feed> base_;  // the fetched feed (Graph mode: its baselines)
    std::string base_body_;     // its text, so an unchanged answer costs no parse
    std::optional<Feed> merged_;  // Graph mode: base + this session's counts
    Instant good_at_ = 0;       // when the figures shown were fetched
    bool restored_ = false;     // shown from the browser's saved copy, not yet confirmed
    std::uint64_t revision_ = 0;
    std::optional<std::string> record_;

    const Words* words_ = &english_words();
    std::optional<Said> blocked_;      // a setting that cannot work; the bundled feed is shown instead
    std::optional<Said> config_note_;  // the deployment's config could not be used
    std::optional<Said> problem_;      // the last attempt's failure, none after a success
    Instant problem_since_ = 0;
    int requests_ = 0;

    // Graph mode.
    std::vector<std::string> graph_ids_;
    std::vector<std::string> unknown_;   // ids Facebook does not know: left out
    std::vector<std::string> no_baseline_;
    GraphSearch search_;                 // asking the pages one by one to find an unknown one
    std::vector<std::string> asked_ids_; // the ids of the Graph request in flight
    struct Count {
        Instant at;
        std::int64_t count;
        Unit unit;  // what Facebook reported: likes, or followers
    };
    std::map<std::string, std::vector<Count>> counts_;

    std::vector<std::string> askable() const;  // the Graph ids neither unknown nor without a baseline
    void configure(Instant now);
    void interval_from(const Feed* feed);
    void fail(Instant now, Said problem, Backoff how, double jitter);
    void receive_feed(Instant now, const Response& r, double jitter);
    void receive_graph(Instant now, const Response& r, double jitter);
    void merge(Instant now);
    Said http_problem(const Response& r, const std::string& host) const;
    void fail_http(Instant now, const Response& r, const std::string& host, double jitter);
};

}  // namespace likeloss
