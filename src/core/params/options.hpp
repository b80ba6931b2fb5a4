// The widget's parameters: the standalone page's URL query (and, for the embed, the snippet's
// data-* attributes, which use the same names). A bad value never stops the widget: it is left
// out, the default stands, and `ignored` says which parameter was dropped and why.
//
// One registry (parameters()) holds every parameter once: its name, what it accepts, the longest
// value read, whether a public page may pass it, and why a value is refused. parse_options walks
// it; the figures tool prints it (likeloss-parameters), and embed.js, the configurator and the
// README's table are checked against it by a test.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/messages.hpp"

#include "params/color.hpp"

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

// A parameter that was not used, and why, in words for the small print.
struct Ignored {
    std::string key;
    Msg reason;          // why, in words at the edge (text/messages.hpp)
    std::string detail;  // what the reason names: a page id, a currency
    std::string why(const Words& words = english_words()) const { return words.say(reason, {detail}); }
    bool operator==(const Ignored& o) const { return key == o.key && reason == o.reason && detail == o.detail; }
};

// How the card looks: all the theme is given (it never sees the data settings, nor the token).
struct Look {
    std::optional<Rgba> bg, fg, accent, muted;
    std::vector<std::pair<std::string, Rgba>> page_colors;  // color.<page id>
    bool transparent = false;            // no background: the host page shows through
    ThemeChoice theme = ThemeChoice::light;
};

// What the card shows.
struct Content {
    Layout layout = Layout::fit;
    std::string title;                   // replaces the campaign's title
    std::string currency;                // shown first, if the feed converts to it
    std::optional<double> per_unit;      // a like's value in the feed's base currency
    std::string lang = "auto";          // a locale tag (text/locale.hpp), or auto: the visitor's
    std::vector<std::string> pages;      // page ids or handles, in the order given (all: the feed's)
};

// Where the figures come from.
struct Data {
    std::string source;                  // feed URL as given; the page resolves it against itself
    std::optional<int> refresh_s;        // poll every N seconds instead of the feed's interval
    std::string graph_token;             // Graph API mode (private dashboards); never shown anywhere
    std::string graph_version;           // "v25.0"; empty: the deployment's
};

struct Options {
    Look look;
    Content content;
    Data data;
    std::vector<Ignored> ignored;
};

enum class Concern { look, content, data };

struct Parameter {
    const char* name;      // "bg"; a name ending in '.' is a family: "color." stands for color.<page id>
    Concern concern;       // where it goes
    const char* accepts;   // what it accepts, for people (the tool and the README; empty in the widget)
    std::size_t max_chars; // the longest value read, in characters (embed.js cuts a longer one)
    bool on_public_pages;  // may a snippet or a shared link carry it (never a token)
    Msg why;               // the small print when a value is refused
    Msg too_long;          // the small print past max_chars
    // Reads `value` (trimmed, well-formed UTF-8, within max_chars) into `o`, or returns false;
    // `suffix` is what follows a family's name.
    bool (*read)(Options& o, std::string_view suffix, const std::string& value);
};

// Every parameter, in the order the README lists them.
struct Parameters {
    const Parameter* first;
    std::size_t count;
    const Parameter* begin() const { return first; }
    const Parameter* end() const { return first + count; }
};
Parameters parameters();
// The row for `key` ("bg", "color.inwi"), or null when the widget does not read it.
const Parameter* find_parameter(std::string_view key);

// Later parameters win over earlier ones with the same name.
Options parse_options(std::string_view query);

}  // namespace likeloss
