// The widget's parameters: the standalone page's URL query (and, for the embed, the snippet's
// data-* attributes, which use the same names). A bad value never stops the widget: it is left
// out, the default stands, and `ignored` says which parameter was dropped and why.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace likeloss {

struct QueryParam {
    std::string key;
    std::string value;
};

// "a=1&b=%23fff&c" -> {a,1} {b,#fff} {c,""}; a leading '?' or '#' is skipped, '+' is a space.
// Bad percent escapes stay as written.
std::vector<QueryParam> parse_query(std::string_view query);

struct Options {
    std::string source;                  // feed URL as given; the page resolves it against itself
    std::optional<int> refresh_s;        // poll every N seconds instead of the feed's interval
    std::string graph_token;             // Graph API mode (private dashboards); never shown anywhere
    std::string graph_version;           // "v25.0"; empty: the deployment's
    std::vector<std::string> pages;      // page ids or handles, in the order given
    std::vector<std::string> ignored;    // "refresh: not a whole number of seconds"
};

// Later parameters win over earlier ones with the same name.
Options parse_options(std::string_view query);

// A Facebook page id or handle: letters, digits, '.', '_' and '-', at most 100 characters.
bool valid_page_id(std::string_view id);

}  // namespace likeloss
