// The live-data decisions (live.hpp) against any server: a Live set up from the widget's
// parameters as src/web/main.cpp sets it up (a published feed with source=, the Graph API with
// graph_token=), then every request it asks for answered as the input says, with the clock moving
// on as the schedule asks. Each new feed goes through customize, the model and describe as on the
// page. At every step: the token appears only in the request's url (never in what is shown,
// logged, saved or described), what the widget shows keeps the feed's rules, the state is JSON,
// every sentence is well-formed UTF-8, a saved copy restores, and no timer is due with nothing to ask.
//
// Input: the widget's query string, then steps separated by "---" lines. A step's first line says
// what happens, the lines after it are the body:
//   A200     the server answers with this status (A alone: 200) and the body
//   O N T L R  offline, no network, a timeout, a body too large, a redirect to another host
//   W        the browser is online again        S  the body is restored as a saved copy
//   K        the page is reloaded: a new Live with the same settings restores the last copy saved
//   +600     600 seconds pass
#include <cstdio>
#include <nlohmann/json.hpp>

#include "params/customize.hpp"
#include "model/describe.hpp"
#include "feed/feed_write.hpp"
#include "fuzz.hpp"
#include "live/live.hpp"
#include "model/model.hpp"
#include "params/options.hpp"

using namespace likeloss;

namespace {

const std::string kPageOrigin = "https://campaign.example";

// A token the input cannot hold: it depends on the whole input (FNV-1a), so finding it anywhere
// but in a request's url means the widget copied it there.
std::string token_for(std::string_view input) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : input) h = (h ^ c) * 1099511628211ull;
    char buf[32];
    std::snprintf(buf, sizeof buf, "EAA%016llx", static_cast<unsigned long long>(h));
    return buf;
}

LiveSettings settings_for(const Options& o, const std::string& token) {
    LiveSettings s;
    s.page_origin = kPageOrigin;
    s.config_url = kPageOrigin + "/likeloss-config.json";
    if (!o.data.graph_token.empty()) s.graph_token = token;
    s.graph_version = o.data.graph_version;
    s.pages = o.content.pages;
    s.refresh_s = o.data.refresh_s;
    // The page resolves source= against itself; here an absolute http(s) address or a path.
    std::string url = o.data.source;
    if (!url.empty() && url[0] == '/') url = kPageOrigin + url;
    const auto scheme = url.find("://");
    if (scheme != std::string::npos) {
        const std::string authority = url.substr(scheme + 3, url.find_first_of("/?#", scheme + 3) - scheme - 3);
        const std::string origin = normalize_origin(url.substr(0, scheme + 3) + authority);
        if (!origin.empty()) {
            s.source_url = url;
            s.source_origin = origin;
            s.source_host = origin.substr(origin.find("://") + 3);
        }
    }
    return s;
}

struct Widget {
    Options options;
    std::string token;
    std::uint64_t revision = ~0ull;
    std::optional<Model> model;

    void no_token(std::string_view text, const char* where) const {
        if (token.empty()) return;
        FUZZ_CHECK(text.find(token) == std::string_view::npos, "the token is in %s: %.*s", where,
                   static_cast<int>(text.size()), text.data());
    }

    // What the page does after every event (src/web/main.cpp, data_changed).
    void check(Live& live, Instant now) {
        const std::string notice = live.notice(now);
        FUZZ_CHECK_UTF8(notice, "the notice");
        no_token(notice, "the notice");
        const std::string label = live.data_label();
        FUZZ_CHECK_UTF8(label, "the data label");
        no_token(label, "the data label");
        no_token(live.saved_key(), "the saved copy's key");
        const std::string state = live.state_json(now);
        no_token(state, "the state");
        const auto parsed = nlohmann::json::parse(state, nullptr, false);
        FUZZ_CHECK(parsed.is_object(), "the state is not a JSON object: %s", state.c_str());

        if (live.revision() == revision) return;
        revision = live.revision();
        const Feed* feed = live.feed();
        if (!feed) {
            model.reset();
            return;
        }
        fuzz::check_feed_rules(*feed);
        const std::string written = write_feed(*feed);
        no_token(written, "the feed shown");
        const FeedResult again = parse_feed(written, now);
        FUZZ_CHECK(again.ok(), "the feed shown breaks the feed's rules: %s\n%s", again.error.message().c_str(),
                   written.c_str());

        Continuity held;
        if (model) held = continuity_of(model->at(now), std::clamp(live.interval(), kMinute, 10 * kMinute));
        Feed shown = *feed;
        Content content = options.content;
        if (live.mode() == Live::Mode::graph) content.pages.clear();
        for (const Ignored& i : customize(shown, options.look, content))
            FUZZ_CHECK_UTF8(i.key + ": " + i.why(), "a line of customize()");
        model.emplace(std::move(shown), std::move(held));
        const Figures f = model->at(now);
        for (const std::string& line : lines(describe(*model, f))) {
            FUZZ_CHECK_UTF8(line, "a sentence of describe()");
            no_token(line, "a sentence");
        }
        const auto next = model->next_change(now);
        FUZZ_CHECK(!next || *next > now);
        model->series();
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::text_of(data, size);
    std::vector<std::string_view> steps = fuzz::parts(input, 65);
    while (!steps.empty() && steps.back().empty()) steps.pop_back();
    if (steps.empty()) return 0;

    Widget page;
    page.options = parse_options(steps[0]);
    page.token = token_for(input);
    const LiveSettings settings = settings_for(page.options, page.token);
    std::optional<Live> live;
    live.emplace(settings, fuzz::bundled_feed());
    Instant now = from_civil(2026, 12, 1, 12);
    std::optional<std::string> record;  // the last copy the page saved
    page.check(*live, now);

    for (std::size_t i = 1; i < steps.size(); ++i) {
        const std::string_view step = steps[i];
        const auto newline = step.find('\n');
        const std::string_view head = step.substr(0, newline);
        const std::string body(newline == std::string_view::npos ? std::string_view() : step.substr(newline + 1));
        const char what = head.empty() ? 'A' : head[0];
        int number = 0;
        bool has_number = false;
        for (std::size_t k = 1; k < head.size() && k < 7 && head[k] >= '0' && head[k] <= '9'; ++k, has_number = true)
            number = number * 10 + (head[k] - '0');

        if (what == '+') {
            now += number * kSecond;
        } else if (what == 'W') {
            live->online(now);
        } else if (what == 'S') {
            live->restore(body, now);
        } else if (what == 'K') {
            live.emplace(settings, fuzz::bundled_feed());
            page.revision = ~0ull;
            page.model.reset();
            if (record && !record->empty())
                FUZZ_CHECK(live->restore(*record, now), "the copy saved at an earlier visit is refused:\n%s",
                           record->c_str());
        } else {
            auto request = live->next_request(now);
            if (!request) {
                // Nothing due now: the clock moves on to when something is (the page's timer).
                const auto due = live->next_due();
                if (!due) continue;
                FUZZ_CHECK(*due > now, "due at %lld, yet nothing to ask at %lld", static_cast<long long>(*due),
                           static_cast<long long>(now));
                now = *due;
                request = live->next_request(now);
                FUZZ_CHECK(request.has_value(), "nothing to ask when due");
            }
            FUZZ_CHECK(request->max_bytes > 0 && request->timeout > 0);
            page.no_token(request->shown_url, "a request's shown url");
            if (request->kind == Request::Kind::graph) {
                FUZZ_CHECK(!request->revalidate);
                FUZZ_CHECK(request->url == request->shown_url + "&access_token=" + page.token);
            } else {
                FUZZ_CHECK(request->url == request->shown_url);
            }
            Response r;
            switch (what) {
                case 'O':
                    r.outcome = Response::Outcome::offline;
                    break;
                case 'N':
                    r.outcome = Response::Outcome::network;
                    break;
                case 'T':
                    r.outcome = Response::Outcome::timeout;
                    break;
                case 'L':
                    r.outcome = Response::Outcome::too_large;
                    break;
                case 'R':
                    r.outcome = Response::Outcome::redirected;
                    r.status = 302;
                    break;
                default:
                    r.outcome = Response::Outcome::answered;
                    r.status = has_number ? number : 200;
                    r.body = body;
            }
            now += 1 + static_cast<Instant>(body.size() % 1000);  // the answer takes a moment
            live->receive(now, r, static_cast<double>(body.size() % 97) / 97);
        }
        if (auto saved = live->take_record()) {
            FUZZ_CHECK(!live->saved_key().empty(), "a copy to save, with nowhere to save it");
            page.no_token(*saved, "the saved copy");
            record = std::move(saved);
        }
        page.check(*live, now);
    }
    return 0;
}
