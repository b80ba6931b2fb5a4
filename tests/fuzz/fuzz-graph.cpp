// The Graph API's answer (graph.hpp), whatever Facebook, a proxy or a broken network sends, for
// whatever ids were asked. Input: the ids asked, comma-separated (empty ones included), then the
// answer, separated by a "---" line. An answer is exactly one of: an error, not an answer, or a
// count or a "missing" for each id asked, in order. An error's kind comes from its real code (a
// code too large for an int is none of Facebook's), and it names only ids that were asked.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "fuzz.hpp"
#include "live/graph.hpp"

using namespace likeloss;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto in = fuzz::parts(fuzz::text_of(data, size), 2);
    std::vector<std::string> ids;
    for (std::string_view rest = in[0];;) {
        const auto comma = rest.find(',');
        ids.emplace_back(rest.substr(0, comma));
        if (comma == std::string_view::npos || ids.size() == 60) break;
        rest.remove_prefix(comma + 1);
    }
    const GraphAnswer a = parse_graph_response(in[1], ids);

    if (a.error) {
        FUZZ_CHECK(a.pages.empty() && a.missing.empty() && a.invalid.empty());
        const GraphError& e = *a.error;
        FUZZ_CHECK(e.problem == graph_problem(e.code));
        if (e.problem != GraphProblem::other) {
            // The code Facebook sent, read as a number of any size.
            const auto root = nlohmann::json::parse(in[1].begin(), in[1].end(), nullptr, false);
            const auto& code = root["error"]["code"];
            FUZZ_CHECK(code.is_number_integer() && code.get<std::int64_t>() == e.code, "error code %s is read as %lld",
                       code.dump().c_str(), static_cast<long long>(e.code));
        }
        for (const std::string& id : e.unknown_ids)
            FUZZ_CHECK(std::find(ids.begin(), ids.end(), id) != ids.end(), "\"%s\" was not asked", id.c_str());
        FUZZ_CHECK_UTF8(graph_error_text(e), "the error's text");
        return 0;
    }
    if (!a.invalid.empty()) {
        FUZZ_CHECK(a.pages.empty() && a.missing.empty());
        return 0;
    }
    // Each id asked is counted or missing, in the order asked.
    FUZZ_CHECK(a.pages.size() + a.missing.size() == ids.size());
    std::size_t page = 0, missing = 0;
    for (const std::string& id : ids) {
        if (page < a.pages.size() && a.pages[page].id == id)
            ++page;
        else
            FUZZ_CHECK(missing < a.missing.size() && a.missing[missing++] == id,
                       "\"%s\" is neither counted nor missing", id.c_str());
    }
    for (const GraphPage& g : a.pages) {
        FUZZ_CHECK(g.likes || g.followers);
        for (const Unit unit : {Unit::likes, Unit::followers}) {
            const auto count = g.count_for(unit);
            FUZZ_CHECK(count && count->first >= 0 && count->first <= kMaxCount);
        }
    }
    return 0;
}
