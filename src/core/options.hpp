// The widget's parameters: the standalone page's URL query (and, for the embed, the snippet's
// data-* attributes, which use the same names). A bad value never stops the widget: it is left
// out, the default stands, and `ignored` says which parameter was dropped and why.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "color.hpp"

namespace likeloss {

struct QueryParam {
    std::string key;
    std::string value;
};

// "a=1&b=%23fff&c" -> {a,1} {b,#fff} {c,""}; a leading '?' or '#' is skipped, '+' is a space.
// Bad percent escapes stay as written.
std::vector<QueryParam> parse_query(std::string_view query);

enum class Layout { fit, full, compact, badge };  // fit: chosen by the width available
enum class ThemeChoice { light, dark, automatic };    // automatic: the visitor's prefers-color-scheme

struct Options {
    // Look.
    std::optional<Rgba> bg, fg, accent, muted;
    std::vector<std::pair<std::string, Rgba>> page_colors;  // color.<page id>
    bool transparent = false;            // no background: the host page shows through
    ThemeChoice theme = ThemeChoice::light;
    Layout layout = Layout::fit;
    // Content.
    std::string title;                   // replaces the campaign's title
    std::string currency;                // shown first, if the feed converts to it
    std::optional<double> per_unit;      // a like's value in the feed's base currency
    std::string lang = "en";
    // Data.
    std::string source;                  // feed URL as given; the page resolves it against itself
    std::optional<int> refresh_s;        // poll every N seconds instead of the feed's interval
    std::string graph_token;             // Graph API mode (private dashboards); never shown anywhere
    std::string graph_version;           // "v25.0"; empty: the deployment's
    std::vector<std::string> pages;      // page ids or handles, in the order given (all: the feed's)
    std::vector<std::string> ignored;    // "refresh: not a whole number of seconds"
};

// Later parameters win over earlier ones with the same name.
Options parse_options(std::string_view query);


}  // namespace likeloss
