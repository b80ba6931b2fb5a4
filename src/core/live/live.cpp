#include "live/live.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "text/format.hpp"
#include "text/text.hpp"

namespace likeloss {

using json = nlohmann::json;

namespace {

constexpr int kGraphInterval_s = 300;  // a private dashboard's default: 12 calls an hour
constexpr Instant kOnlineSoon = 2 * kSecond;
constexpr int kSavedVersion = 1;

bool contains(const std::vector<std::string>& list, std::string_view id) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return same_page_id(x, id); });
}

std::string host_of(std::string_view origin) {
    const auto at = origin.find("://");
    return std::string(at == std::string_view::npos ? origin : origin.substr(at + 3));
}

}  // namespace

Live::Live(LiveSettings settings, Feed bundled) : s_(std::move(settings)), bundled_(std::move(bundled)) {
    if (!s_.graph_token.empty())
        mode_ = Mode::graph;
    else if (!s_.source_url.empty())
        mode_ = Mode::feed;
    if (mode_ != Mode::bundled) schedule_.now_due(0);
}

const Feed* Live::feed() const {
    switch (mode_) {
        case Mode::bundled: return &bundled_;
        case Mode::feed: return base_ ? &*base_ : nullptr;
        case Mode::graph: return merged_ ? &*merged_ : nullptr;
    }
    return nullptr;
}

void Live::set_words(const Words& words) {
    words_ = &words;
    if (merged_) merge(merged_->generated_at);  // the counts' provenance, in the new words
}

std::string Live::data_label() const {
    const Words& w = *words_;
    const std::string bundled = w.say(Msg::data_bundled);
    switch (mode_) {
        case Mode::bundled: return bundled;
        case Mode::feed: return w.say(Msg::data_feed, {s_.source_host});
        case Mode::graph:
            return w.say(Msg::data_graph, {host_of(config_.graph_base), base_ ? w.say(Msg::data_feed, {s_.source_host}) : bundled});
    }
    return bundled;
}

void Live::interval_from(const Feed* feed) {
    int secs = s_.refresh_s ? *s_.refresh_s : mode_ == Mode::graph ? kGraphInterval_s : feed ? feed->update_interval_s : 0;
    if (secs > 0) secs = std::clamp(secs, config_.min_refresh_s, 86400);
    schedule_.set_interval(secs * kSecond);
    const int retry = secs > 0 ? std::min(secs, 60) : std::max(config_.min_refresh_s, 10);
    schedule_.set_retry(std::max(retry, config_.min_refresh_s) * kSecond);
}

void Live::configure(Instant now) {
    if (!s_.source_url.empty() && !feed_origin_allowed(config_, s_.source_origin, s_.page_origin)) {
        // Unreadable settings are the cause to name, not the feed: its host may well be allowed.
        blocked_ = Said{config_note_ ? Msg::blocked_unchecked : Msg::blocked_host, {s_.source_host}};
        base_.reset();
        restored_ = false;
        s_.source_url.clear();
        s_.source_host.clear();
        if (mode_ == Mode::feed) {
            mode_ = Mode::bundled;
            ++revision_;
            return;
        }
    }
    step_ = Step::poll;
    if (mode_ == Mode::graph) {
        if (s_.graph_version.empty()) s_.graph_version = config_.graph_version;
        if (!s_.source_url.empty() && !base_) step_ = Step::base;  // the baselines first
    }
    if (mode_ == Mode::graph && step_ == Step::poll) {
        // The pages asked for, or the base feed's; a page without a baseline cannot show a loss.
        const Feed& base = base_ ? *base_ : bundled_;
        graph_ids_ = s_.pages;
        if (graph_ids_.empty())
            for (const Page& p : base.pages) graph_ids_.push_back(p.id);
        no_baseline_.clear();
        for (const std::string& id : graph_ids_)
            if (!find_page(base, id)) no_baseline_.push_back(id);
    }
    interval_from(mode_ == Mode::feed && base_ ? &*base_ : nullptr);
    schedule_.now_due(now);
}

std::optional<Request> Live::next_request(Instant now) {
    if (mode_ == Mode::bundled || !schedule_.due(now)) return std::nullopt;
    Request r;
    r.timeout = config_.timeout_s * kSecond;
    if (step_ == Step::config) {
        r.kind = Request::Kind::config;
        r.url = s_.config_url;
        r.max_bytes = kMaxConfigBytes;
    } else if (mode_ == Mode::feed || step_ == Step::base) {
        r.kind = Request::Kind::feed;
        r.url = s_.source_url;
        r.max_bytes = kMaxFeedBytes;
    } else {
        const std::vector<std::string> ids = search_.active() ? std::vector<std::string>{search_.page()} : askable();
        if (ids.empty()) {  // every page is left out: nothing will change, so stop asking
            schedule_.stop();
            if (!problem_) problem_ = Said{Msg::no_page_left};
            return std::nullopt;
        }
        asked_ids_ = ids;
        r.kind = Request::Kind::graph;
        r.url = graph_url(config_.graph_base, s_.graph_version, ids);
        r.max_bytes = kMaxGraphBytes;
        r.revalidate = false;
    }
    r.shown_url = r.url;
    if (r.kind == Request::Kind::graph) r.url += "&access_token=" + url_escape(s_.graph_token);
    asked_ = r.kind;
    schedule_.sent();
    ++requests_;
    return r;
}

std::vector<std::string> Live::askable() const {
    std::vector<std::string> ids;
    for (const std::string& id : graph_ids_)
        if (!contains(unknown_, id) && !contains(no_baseline_, id)) ids.push_back(id);
    return ids;
}

std::optional<Instant> Live::next_due() const { return mode_ == Mode::bundled ? std::nullopt : schedule_.next(); }

void Live::online(Instant now) { schedule_.online(now, kOnlineSoon); }

void Live::fail(Instant now, Said problem, Backoff how, double jitter) {
    if (problem_ != problem || problem_since_ == 0) problem_since_ = now;
    problem_ = std::move(problem);
    schedule_.failed(now, how, jitter);
}

Said Live::http_problem(const Response& r, const std::string& host) const {
    const Msg said = r.status == 404 || r.status == 410 ? Msg::http_missing
                     : r.status == 304                  ? Msg::http_unchanged
                     : r.status >= 500                  ? Msg::http_server
                                                        : Msg::http_refused;
    return {said, {host, std::to_string(r.status)}};
}

// An HTTP error: a 429 says the server is rate limiting us, so it waits longer.
void Live::fail_http(Instant now, const Response& r, const std::string& host, double jitter) {
    fail(now, http_problem(r, host), r.status == 429 ? Backoff::longer : Backoff::normal, jitter);
}

namespace {

Said transport_problem(Response::Outcome o, const std::string& host, int timeout_s) {
    switch (o) {
        case Response::Outcome::offline: return {Msg::offline};
        case Response::Outcome::network: return {Msg::cannot_reach, {host}};
        case Response::Outcome::timeout: return {Msg::timed_out, {std::to_string(timeout_s), host}, double(timeout_s)};
        case Response::Outcome::too_large: return {Msg::too_large, {host}};
        case Response::Outcome::redirected: return {Msg::redirected, {host}};
        case Response::Outcome::answered: break;
    }
    return {};
}

}  // namespace

void Live::receive(Instant now, const Response& r, double jitter) {
    if (!asked_) return;
    const Request::Kind kind = *asked_;
    asked_.reset();
    if (kind == Request::Kind::config) {
        // Only an answer settles the settings: 404 (no file) means the defaults, same-origin feeds
        // only. A network fault or a server error is retried, showing any saved figures meanwhile.
        const bool answered = r.outcome == Response::Outcome::answered;
        if (!answered || r.status >= 500 || r.status == 429) {
            const std::string host = host_of(normalize_origin(s_.page_origin));
            if (answered) return fail_http(now, r, host, jitter);
            return fail(now, transport_problem(r.outcome, host, config_.timeout_s), Backoff::normal, jitter);
        }
        if (r.status == 200) {
            ConfigResult c = parse_config(r.body);
            if (c.config)
                config_ = std::move(*c.config);
            else
                config_note_ = Said{Msg::config_unread, {isolate(c.error.message())}};  // for the site's author
        } else if (r.status != 404) {
            config_note_ = Said{Msg::config_unread, {"HTTP " + std::to_string(r.status)}};
        }
        problem_.reset();
        problem_since_ = 0;
        schedule_.succeeded(now, jitter);
        configure(now);
        return;
    }
    if (kind == Request::Kind::feed)
        receive_feed(now, r, jitter);
    else
        receive_graph(now, r, jitter);
}

void Live::receive_feed(Instant now, const Response& r, double jitter) {
    const std::string& host = s_.source_host;
    if (r.outcome != Response::Outcome::answered)
        return fail(now, transport_problem(r.outcome, host, config_.timeout_s), Backoff::normal, jitter);
    // A 304 confirms the copy the browser's cache holds, never the one restored from storage.
    bool current = (r.status == 304 && base_ && !restored_) || (r.status == 200 && base_ && r.body == base_body_);
    if (!current) {
        if (r.status != 200)
            return fail_http(now, r, host, jitter);
        FeedResult parsed = parse_feed(r.body, now);
        if (!parsed.ok())
            // What is wrong is said for the feed's author, in the terms of docs/feed.md.
            return fail(now, Said{Msg::feed_not_used, {host, isolate(parsed.error.message())}}, Backoff::normal, jitter);
        // A cache somewhere may still hold an older copy: never go back to it. A saved copy
        // never outranks what the source answers now, whatever date it claims.
        if (!base_ || restored_ || parsed.feed->generated_at >= base_->generated_at) {
            base_ = std::move(*parsed.feed);
            base_body_ = r.body;
            ++revision_;
            current = true;
            if (mode_ == Mode::feed) {
                json rec = {{"v", kSavedVersion}, {"url", s_.source_url}, {"saved_at", format_rfc3339(now)}, {"feed", r.body}};
                record_ = r.body.size() <= kMaxSavedBytes ? rec.dump(-1, ' ', false, json::error_handler_t::replace) : std::string();
            }
        }
    }
    problem_.reset();
    problem_since_ = 0;
    if (mode_ == Mode::feed) {
        if (current) {  // what is shown is what the server has now
            good_at_ = now;
            restored_ = false;
        }
        interval_from(&*base_);
        schedule_.succeeded(now, jitter);
        return;
    }
    // Graph mode: the feed gave the baselines; now the counts.
    schedule_.succeeded(now, jitter);
    step_ = Step::poll;
    configure(now);
}

void Live::receive_graph(Instant now, const Response& r, double jitter) {
    const std::string host = host_of(config_.graph_base);
    if (r.outcome != Response::Outcome::answered)
        return fail(now, transport_problem(r.outcome, host, config_.timeout_s), Backoff::normal, jitter);
    const bool searching = search_.active();
    const GraphVerdict v = searching ? search_.receive(r.status, r.body) : judge_graph(r.status, r.body, asked_ids_);
    // What went wrong, in the visitor's words: Facebook's error, else the HTTP status or the garbage.
    auto problem = [&]() -> Said {
        if (v.error) {
            GraphError e = *v.error;
            if (v.action == GraphAction::refused) e.problem = GraphProblem::other;  // not about a page
            return graph_error_message(e);
        }
        if (r.status != 200) return http_problem(r, host);
        return {r.body.empty() ? Msg::graph_empty : Msg::graph_not_json};
    };
    switch (v.action) {
        case GraphAction::must_act: return fail(now, problem(), Backoff::longest, jitter);
        case GraphAction::rate_limited: return fail(now, problem(), Backoff::longer, jitter);
        case GraphAction::refused:
        case GraphAction::failed: return fail(now, problem(), Backoff::normal, jitter);
        case GraphAction::unknown:
        case GraphAction::search:
            // Leave out the pages Facebook names (or found alone), or find them one by one; then
            // the rest at once (or stop, if none is left).
            for (const std::string& id : v.unknown) unknown_.push_back(id);
            if (v.action == GraphAction::search) search_ = GraphSearch(asked_ids_);
            problem_.reset();
            problem_since_ = 0;
            schedule_.succeeded(now, jitter);
            merge(now);
            schedule_.now_due(now);
            return;
        case GraphAction::counted: break;
    }
    const GraphAnswer& a = v.answer;
    const Feed& base = base_ ? *base_ : bundled_;
    for (const std::string& id : a.missing)
        if (!contains(unknown_, id)) unknown_.push_back(id);
    for (const GraphPage& g : a.pages) {
        const Page* page = find_page(base, g.id);
        const auto count = g.count_for(page ? page->unit : Unit::likes);
        if (!count) continue;
        std::vector<Count>& list = counts_[g.id];
        if (!list.empty() && list.back().at >= now) continue;
        list.push_back({now, count->first, count->second});
        if (list.size() > kMaxGraphSamples) list.erase(list.begin());
    }
    good_at_ = now;
    problem_.reset();
    problem_since_ = 0;
    schedule_.succeeded(now, jitter);
    if (search_.active()) schedule_.now_due(now);
    if (askable().empty()) schedule_.now_due(now);  // next_request stops the schedule and says why
    merge(now);
}

void Live::merge(Instant now) {
    const Feed& base = base_ ? *base_ : bundled_;
    Feed m = base;
    m.pages.clear();
    const std::string source = words_->say(Msg::graph_source, {s_.graph_version});
    for (const std::string& id : graph_ids_) {
        if (contains(unknown_, id)) continue;
        const Page* page = find_page(base, id);
        const auto counted = counts_.find(id);
        if (!page || counted == counts_.end() || counted->second.empty()) continue;
        Page p = *page;
        // Each count says where it comes from, in the widget's words (said anew when they change).
        std::vector<Measurement> read;
        for (const Count& c : counted->second) {
            Measurement m{c.at, c.count, {Status::reported, source, {}}};
            m.provenance.note = words_->say(c.unit == Unit::likes       ? Msg::note_likes
                                            : c.unit != page->unit ? Msg::note_stand_in
                                                                   : Msg::note_followers);
            read.push_back(std::move(m));
        }
        for (const Measurement& s : read) {
            const Instant last = p.samples.empty() ? p.baseline.at : p.samples.back().at;
            if (s.at > last) p.samples.push_back(s);
        }
        p.unit = counted->second.back().unit;
        p.rate_per_s = recent_rate(read.front(), read);  // this session's counts only
        m.pages.push_back(std::move(p));
    }
    // Polled faster than a feed may say (refresh= under 10 s, where the site allows it): the
    // feed shown still keeps the feed's rules.
    const int every = static_cast<int>(schedule_.interval() / kSecond);
    m.update_interval_s = every > 0 ? std::max(every, kMinUpdateInterval_s) : 0;
    m.generated_at = now;
    if (m.pages.empty()) {
        if (merged_) ++revision_;
        merged_.reset();
        return;
    }
    merged_ = std::move(m);
    ++revision_;
}

std::string Live::notice(Instant now) const {
    const Words& w = *words_;
    std::vector<std::string> parts;
    if (blocked_) parts.push_back(blocked_->in(w));
    if (config_note_ && (mode_ != Mode::bundled || blocked_)) parts.push_back(config_note_->in(w));
    const bool have = feed() != nullptr;
    if (problem_) {
        const std::string problem = problem_->in(w);
        if (have && good_at_)
            parts.push_back(w.say(Msg::problem_since, {problem, w.clock(problem_since_, now), w.clock(good_at_, now)}));
        else
            parts.push_back(w.say(Msg::problem_retry, {problem}));
    } else if (restored_) {
        parts.push_back(w.say(Msg::saved_at, {w.clock(good_at_, now)}));
    } else if (!have && mode_ != Mode::bundled) {
        parts.push_back(mode_ == Mode::graph && step_ == Step::poll ? w.say(Msg::loading_graph)
                                                                    : w.say(Msg::loading_feed, {s_.source_host}));
    }
    if (!unknown_.empty()) parts.push_back(w.say(Msg::no_count_for, {isolate(join(unknown_, ", "))}));
    if (!no_baseline_.empty()) parts.push_back(w.say(Msg::no_baseline_for, {isolate(join(no_baseline_, ", "))}));
    return join(parts, " ");
}

std::string Live::saved_key() const { return mode_ == Mode::feed ? "likeloss:v1:feed:" + s_.source_url : ""; }

bool Live::restore(std::string_view record, Instant now) {
    if (mode_ != Mode::feed || base_ || record.size() > 2 * kMaxSavedBytes) return false;
    const json rec = read_json(record);
    if (rec.is_discarded() || !rec.is_object()) return false;
    const auto str = [&](const char* key) {
        return rec.contains(key) && rec[key].is_string() ? rec[key].get<std::string>() : std::string();
    };
    if (!rec.contains("v") || rec["v"] != kSavedVersion || str("url") != s_.source_url) return false;
    const auto saved_at = parse_rfc3339(str("saved_at"));
    const std::string body = str("feed");
    // A record dated in the future was not written by this widget's clock: dropped.
    if (!saved_at || *saved_at > now) return false;
    FeedResult parsed = parse_feed(body, now);  // what was stored is checked again, as if fetched
    if (!parsed.ok() || parsed.feed->generated_at > now) return false;
    base_ = std::move(*parsed.feed);
    base_body_ = body;
    good_at_ = *saved_at;
    restored_ = true;
    ++revision_;
    return true;
}

std::optional<std::string> Live::take_record() {
    std::optional<std::string> r;
    r.swap(record_);
    return r;
}

std::string Live::state_json(Instant now) const {
    const char* modes[] = {"bundled", "feed", "graph"};
    json j = {
        {"mode", modes[static_cast<int>(mode_)]},
        {"requests", requests_},
        {"failures", schedule_.failures()},
        {"in_flight", schedule_.in_flight()},
        {"interval_ms", schedule_.interval()},
        {"problem", problem_ ? problem_->in(*words_) : std::string()},
        {"notice", notice(now)},
        {"restored", restored_},
        {"revision", revision_},
        {"source", s_.source_url},
        {"blocked", blocked_.has_value()},
        {"settings_read", step_ != Step::config},
        {"unknown", unknown_},
        {"has_figures", feed() != nullptr},
    };
    const auto next = next_due();
    j["next_in_ms"] = next ? json(*next - now) : json(nullptr);
    j["good_at"] = good_at_ ? json(format_rfc3339(good_at_)) : json(nullptr);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);  // never abort on a bad byte
}

}  // namespace likeloss
