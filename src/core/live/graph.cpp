#include "live/graph.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

namespace likeloss {

using json = nlohmann::json;

bool valid_graph_version(std::string_view v) {
    if (v.size() < 4 || v.size() > 8 || v[0] != 'v') return false;
    const auto dot = v.find('.');
    if (dot == std::string_view::npos || dot < 2 || dot + 1 >= v.size()) return false;
    for (std::size_t i = 1; i < v.size(); ++i)
        if (i != dot && !std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    return true;
}

bool valid_graph_token(std::string_view t) {
    return t.size() >= 8 && t.size() <= 4096 &&
           std::all_of(t.begin(), t.end(), [](char c) { return c > ' ' && c < 127; });
}

GraphProblem graph_problem(std::int64_t code) {
    switch (code) {
        case 190: return GraphProblem::token;
        case 4: case 17: case 32: case 341: case 613: return GraphProblem::rate_limit;
        case 100: case 803: return GraphProblem::unknown_page;
        case 10: return GraphProblem::permission;
        default:
            if (code >= 80001 && code <= 80014) return GraphProblem::rate_limit;  // business use case limits
            return code >= 200 && code <= 299 ? GraphProblem::permission : GraphProblem::other;
    }
}

namespace {

// "(#803) Some of the aliases you requested do not exist: foo,bar" names the unknown ids. The list
// is cut into words and each asked id compared whole (in any case, as ids match), so no id (not
// even an empty one) can match inside another or loop.
std::vector<std::string> ids_named_in(const std::string& message, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    const auto colon = message.rfind(':');
    if (colon == std::string::npos) return out;
    std::vector<std::string> words;
    std::string word;
    for (char c : message.substr(colon + 1) + " ") {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    for (const std::string& id : ids)
        if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return same_page_id(w, id); }))
            out.push_back(id);
    return out;
}

// An integer member read whole (64 bits); 0 when absent, not an integer, or beyond 64 bits.
std::int64_t whole_number(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) return 0;
    if (it->is_number_unsigned())
        return it->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX) ? static_cast<std::int64_t>(it->get<std::uint64_t>()) : 0;
    return it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

std::optional<std::int64_t> count_of(const json& page, const char* key) {
    if (!page.contains(key)) return std::nullopt;
    const json& v = page[key];
    if (!v.is_number_integer()) return std::nullopt;
    const std::int64_t n = v.get<std::int64_t>();
    if (n < 0 || n > kMaxCount) return std::nullopt;
    return n;
}

}  // namespace

GraphAnswer parse_graph_response(std::string_view text, const std::vector<std::string>& ids) {
    GraphAnswer a;
    const json root = read_json(text);
    if (root.is_discarded()) {
        a.invalid = text.empty() ? "an empty answer" : "an answer that is not JSON";
        return a;
    }
    if (!root.is_object()) {
        a.invalid = "an answer that is not a JSON object";
        return a;
    }
    if (root.contains("error")) {
        const json& e = root["error"];
        GraphError err;
        if (e.is_object()) {
            err.code = whole_number(e, "code");
            err.subcode = whole_number(e, "error_subcode");
        }
        err.problem = graph_problem(err.code);
        if (err.problem == GraphProblem::unknown_page && e.is_object() && e.contains("message") && e["message"].is_string())
            err.unknown_ids = ids_named_in(e["message"].get<std::string>(), ids);
        a.error = std::move(err);
        return a;
    }
    for (const std::string& id : ids) {
        // The answer is keyed by the ids as requested; handles may come back in another case.
        const json* page = nullptr;
        if (root.contains(id)) {
            page = &root[id];
        } else {
            for (auto it = root.begin(); it != root.end(); ++it)
                if (same_page_id(it.key(), id)) page = &it.value();
        }
        if (!page || !page->is_object()) {
            a.missing.push_back(id);
            continue;
        }
        GraphPage g;
        g.id = id;
        g.likes = count_of(*page, "fan_count");
        g.followers = count_of(*page, "followers_count");
        if (!g.likes && !g.followers) {
            a.missing.push_back(id);
            continue;
        }
        a.pages.push_back(std::move(g));
    }
    return a;
}

GraphVerdict judge_graph(int status, std::string_view body, const std::vector<std::string>& ids, bool alone_counted) {
    GraphVerdict v;
    v.status = status;
    GraphAnswer a = parse_graph_response(body, ids);
    if (a.error) {
        const GraphError& e = *a.error;
        v.error = e;
        switch (e.problem) {
            case GraphProblem::token:
            case GraphProblem::permission: v.action = GraphAction::must_act; return v;
            case GraphProblem::rate_limit: v.action = GraphAction::rate_limited; return v;
            case GraphProblem::other: v.action = GraphAction::failed; return v;
            case GraphProblem::unknown_page: break;
        }
        // One unknown id fails the whole batch. Code 100 is also Facebook's "invalid parameter"
        // for other faults: a page asked alone is unknown when Facebook says so, or when another
        // page alone was answered (so the request itself is right).
        const bool says_unknown = e.code == 803 || e.subcode == 33 || !e.unknown_ids.empty();
        if (!e.unknown_ids.empty()) {
            v.action = GraphAction::unknown;
            v.unknown = e.unknown_ids;
        } else if (ids.size() == 1 && (says_unknown || alone_counted)) {
            v.action = GraphAction::unknown;
            v.unknown = ids;
        } else if (ids.size() == 1) {
            v.action = GraphAction::refused;
        } else {
            v.action = GraphAction::search;
        }
        return v;
    }
    if (status == 429) {
        v.action = GraphAction::rate_limited;
        return v;
    }
    if (!a.invalid.empty() || status != 200) {
        v.invalid = std::move(a.invalid);
        v.action = GraphAction::failed;
        return v;
    }
    v.action = GraphAction::counted;
    v.answer = std::move(a);
    return v;
}

void GraphSearch::advance(const GraphVerdict& v) {
    if (v.action == GraphAction::counted) counted_ = true;
    if (v.action == GraphAction::unknown) ++unknown_;
    if (v.action == GraphAction::counted || v.action == GraphAction::unknown)
        ++next_;
    else
        next_ = ids_.size();
}

GraphVerdict GraphSearch::receive(int status, std::string_view body) {
    GraphVerdict v = judge_graph(status, body, {page()}, counted_);
    advance(v);
    return v;
}

std::optional<std::pair<std::int64_t, Unit>> GraphPage::count_for(Unit unit) const {
    const bool has_likes = likes && !(*likes == 0 && followers && *followers > 0);
    if (unit == Unit::likes && has_likes) return std::make_pair(*likes, Unit::likes);
    if (followers) return std::make_pair(*followers, Unit::followers);
    if (has_likes) return std::make_pair(*likes, Unit::likes);
    return std::nullopt;
}

std::string graph_url(std::string_view base, std::string_view version, const std::vector<std::string>& ids) {
    std::string url(base);
    url += "/";
    url += version;
    url += "/?ids=";
    for (std::size_t i = 0; i < ids.size(); ++i) url += (i ? "," : "") + ids[i];  // ids are [A-Za-z0-9._-]
    url += "&fields=fan_count,followers_count&suppress_http_code=1";
    return url;
}

Said graph_error_message(const GraphError& e) {
    static constexpr Msg kSaid[] = {Msg::graph_token, Msg::graph_rate_limit, Msg::graph_unknown_page,
                                    Msg::graph_permission, Msg::graph_other};  // in GraphProblem's order
    return {kSaid[static_cast<int>(e.problem)], {std::to_string(e.code)}};
}

std::string graph_error_text(const GraphError& e) { return graph_error_message(e).in(english_words()); }

}  // namespace likeloss
