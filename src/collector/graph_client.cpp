#include "graph_client.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "http.hpp"
#include "live/schedule.hpp"

namespace likeloss {

Asked GraphClient::ask(const std::vector<std::string>& ids, const GraphSearch* search) {
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
        if (!http.answered) {
            problem = "the Graph API at " + c_.graph_base + " gave no answer: " + http.problem;
        } else {
            out.verdict = judge_graph(http.status, http.body, ids, search && search->counted());
            const GraphVerdict& v = out.verdict;
            switch (v.action) {
                case GraphAction::counted:
                case GraphAction::unknown:
                case GraphAction::search:
                case GraphAction::refused: return out;
                case GraphAction::must_act:
                    out.failure = Exit::config;
                    out.problem = graph_error_text(*v.error) + (v.error->problem == GraphProblem::token
                                                                    ? ": renew the token"
                                                                    : ": the token needs Page Public Content Access");
                    return out;
                case GraphAction::rate_limited:
                    // No retry in this run, and a pause for the next ones.
                    pause = pause_until(usage, true, wall_clock());
                    pause_why = v.error ? graph_error_text(*v.error) : "the Graph API answered HTTP 429 (too many requests)";
                    out.failure = Exit::transient;
                    out.problem = pause_why;
                    return out;
                case GraphAction::failed:
                    problem = v.error               ? graph_error_text(*v.error)
                              : http.status != 200 ? "the Graph API at " + c_.graph_base + " answered HTTP " + std::to_string(http.status)
                                                   : "the Graph API at " + c_.graph_base + " sent " + v.invalid;
                    break;
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
    auto fail = [&](Exit code, std::string problem) {
        out.failure = code;
        out.problem = std::move(problem);
        return out;
    };
    auto code_of = [](const Asked& a) { return a.verdict.error ? std::to_string(a.verdict.error->code) : "?"; };
    const Asked batch = ask(ids);
    if (batch.failure) return fail(*batch.failure, batch.problem);
    const GraphVerdict& v = batch.verdict;
    if (v.action == GraphAction::counted) {
        out.pages = v.answer.pages;
    } else if (v.action == GraphAction::unknown) {
        // Leave out the pages Facebook names and ask for the others again.
        std::vector<std::string> rest;
        for (const std::string& id : ids) {
            bool named = false;
            for (const std::string& u : v.unknown) named = named || same_page_id(u, id);
            (named ? out.unknown : rest).push_back(id);
        }
        if (!rest.empty()) {
            const Asked again = ask(rest);
            if (again.failure) return fail(*again.failure, again.problem);
            if (again.verdict.action != GraphAction::counted)
                return fail(Exit::config, graph_error_text(*again.verdict.error));
            out.pages = again.verdict.answer.pages;
        }
    } else if (v.action == GraphAction::search) {
        // Facebook does not say which page it does not know: each page alone, by the core's rule.
        GraphSearch search(ids);
        while (search.active()) {
            const std::string id = search.page();
            const Asked one = ask({id}, &search);
            if (one.failure) return fail(*one.failure, one.problem);
            search.advance(one.verdict);
            if (one.verdict.action == GraphAction::counted)
                out.pages.insert(out.pages.end(), one.verdict.answer.pages.begin(), one.verdict.answer.pages.end());
            else if (one.verdict.action == GraphAction::unknown)
                out.unknown.push_back(id);
            else  // refused: the request itself is wrong, not the page
                return fail(Exit::config, "Facebook refused the request, and its first page asked alone (Graph API error " +
                                              code_of(one) + "): check the page ids and graph.version");
        }
        if (search.every_page_unknown()) {
            out.unknown.clear();
            return fail(Exit::config, "Facebook refused every page of the request (Graph API error " + code_of(batch) +
                                          "): check the page ids and graph.version");
        }
    } else {  // refused: a single page asked, and a code 100 that is not about it
        return fail(Exit::config, "Facebook refused the request (Graph API error " + code_of(batch) +
                                      "): check the page id and graph.version");
    }
    if (out.pages.empty() && out.unknown.empty())
        return fail(Exit::transient, "the Graph API at " + c_.graph_base + " answered without a count for any page");
    return out;
}

}  // namespace likeloss
