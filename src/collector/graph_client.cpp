#include "graph_client.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "http.hpp"
#include "live.hpp"
#include "schedule.hpp"

namespace likeloss {

Instant wall_clock() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Asked GraphClient::ask(const std::vector<std::string>& ids) {
    Asked out;
    if (pause) {  // Facebook asked for a pause: no further request in this run
        out.failure = Exit::transient;
        out.problem = "skipped the rest: " + pause_why;
        return out;
    }
    // The widget's backoff: waits of 0.5-1 s, 1-2 s, ... between tries (equal jitter).
    const Schedule backoff(0, kSecond);
    std::mt19937 random{std::random_device{}()};
    const std::string url = graph_url(c_.graph_base, c_.graph_version, ids) + "&access_token=" + token_;
    for (int attempt = 1;; ++attempt) {
        std::string problem;
        const bool last = attempt >= c_.tries;
        const HttpAnswer http = http_get(url, c_.timeout_s, kMaxGraphBytes);
        const Usage usage = read_usage(http.app_usage, http.business_usage);
        if (auto until = pause_until(usage, false, wall_clock())) {
            pause = until;
            pause_why = usage.header + " reported " + std::to_string(usage.percent) + " % of the allowed calls used" +
                        (usage.regain_minutes ? " and access regained in " + std::to_string(usage.regain_minutes) + " min" : "");
        }
        // A rate limit: no retry in this run, and a pause for the next ones.
        auto limited = [&](std::string why) {
            pause = pause_until(usage, true, wall_clock());
            pause_why = why;
            out.failure = Exit::transient;
            out.problem = std::move(why);
            return out;
        };
        if (!http.answered) {
            problem = "the Graph API at " + c_.graph_base + " gave no answer: " + http.problem;
        } else {
            GraphAnswer g = parse_graph_response(http.body, ids);
            if (g.error) {
                const GraphError& e = *g.error;
                switch (e.problem) {
                    case GraphProblem::token:
                        out.failure = Exit::config;
                        out.problem = graph_error_text(e) + ": renew the token";
                        return out;
                    case GraphProblem::permission:
                        out.failure = Exit::config;
                        out.problem = graph_error_text(e) + ": the token needs Page Public Content Access";
                        return out;
                    case GraphProblem::unknown_page:
                        out.unknown = e;
                        return out;
                    case GraphProblem::rate_limit:
                        return limited(graph_error_text(e));
                    case GraphProblem::other:
                        problem = graph_error_text(e);
                        break;
                }
            } else if (http.status == 429) {
                return limited("the Graph API answered HTTP 429 (too many requests)");
            } else if (http.status != 200) {
                problem = "the Graph API at " + c_.graph_base + " answered HTTP " + std::to_string(http.status);
            } else if (!g.invalid.empty()) {
                problem = "the Graph API at " + c_.graph_base + " sent " + g.invalid;
            } else {
                out.pages = std::move(g.pages);
                return out;
            }
        }
        if (last || pause) {
            out.failure = Exit::transient;
            out.problem = problem + (attempt > 1 ? " (" + std::to_string(attempt) + " tries)" : "");
            return out;
        }
        const double jitter = std::uniform_real_distribution<double>(0, 1)(random);
        std::this_thread::sleep_for(std::chrono::milliseconds(backoff.wait_after(attempt, Backoff::normal, jitter)));
    }
}

Measured GraphClient::measure(const std::vector<std::string>& ids) {
    Measured out;
    Asked asked = ask(ids);
    if (asked.unknown) {
        // Facebook does not know a page: leave out the ones it names, or find them one by one.
        const GraphError error = *asked.unknown;
        std::vector<std::string> rest;
        for (const std::string& id : ids) {
            bool named = false;
            for (const std::string& u : error.unknown_ids) named = named || same_page_id(u, id);
            (named ? out.unknown : rest).push_back(id);
        }
        asked = Asked{};
        if (out.unknown.empty()) {
            for (const std::string& id : rest) {
                Asked one = ask({id});
                if (one.unknown) out.unknown.push_back(id);
                else if (one.failure) { asked = std::move(one); break; }
                else out.pages.insert(out.pages.end(), one.pages.begin(), one.pages.end());
            }
            // Not one page known: the request itself is wrong (a code 100 is also a bad field
            // or version), not every page id.
            if (!asked.failure && out.unknown.size() == ids.size() && ids.size() > 1) {
                asked.failure = Exit::config;
                asked.problem = "Facebook refused every page of the request (Graph API error " +
                                std::to_string(error.code) + "): check the page ids and graph.version";
                out.unknown.clear();
            }
        } else if (!rest.empty()) {
            asked = ask(rest);
            if (asked.unknown) {
                asked.failure = Exit::config;
                asked.problem = graph_error_text(*asked.unknown);
            }
        }
    }
    if (!asked.failure && asked.pages.empty() && out.pages.empty() && out.unknown.empty()) {
        asked.failure = Exit::transient;
        asked.problem = "the Graph API at " + c_.graph_base + " answered without a count for any page";
    }
    out.failure = asked.failure;
    out.problem = std::move(asked.problem);
    out.pages.insert(out.pages.end(), asked.pages.begin(), asked.pages.end());
    return out;
}

}  // namespace likeloss
