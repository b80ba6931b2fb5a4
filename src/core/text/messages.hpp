// The message catalogue: every sentence the widget shows or speaks, by id, in each language.
// The words live in src/core/text/lang/<language>.json, one file a language, keyed by the ids
// below; a message that counts something lists its plural forms in the order of the language's
// CLDR categories (locale.hpp). Placeholders are {0}, {1}, ... Code never builds a sentence
// from English fragments: it asks for a message with its arguments (Words::say).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/locale.hpp"

namespace likeloss {

#define LIKELOSS_MESSAGES(X)                                                                        \
    /* what is counted, and how it is sourced */                                                    \
    X(likes) X(followers) X(audience) X(pages)                                                      \
    X(likes_noun) X(followers_noun) X(audience_noun)                                                \
    X(lost_likes) X(lost_followers) X(lost_audience)                                                \
    X(gained_likes) X(gained_followers) X(gained_audience)                                          \
    X(status_reported) X(status_derived) X(status_assumption)                                       \
    /* the sentences of the text copy, and the card */                                              \
    X(headline_lost) X(headline_gained) X(worth) X(money_others) X(list) X(page_sentence)           \
    X(estimated_for) X(last_measured) X(equals) X(method) X(data_from)                              \
    X(since_lost) X(since_gained) X(estimate_note) X(share) X(losing_now) X(losing_then)            \
    X(chart_title) X(chart_tip) X(how_money) X(hover_hint) X(no_figures)                            \
    X(tip_status) X(tip_source) X(tip_more) X(tip_estimate) X(tip_baseline) X(tip_net) X(tip_sum)   \
    X(tip_estimated_from) X(tip_measured) X(tip_share)                                              \
    /* notices */                                                                                   \
    X(ignored) X(loading_feed) X(loading_graph) X(saved_at) X(problem_since) X(problem_retry)       \
    X(no_count_for) X(no_baseline_for) X(data_bundled) X(data_feed) X(data_graph)                   \
    X(undrawable) X(arabic_failed) X(bundled_broken) X(no_window) X(no_webgl)                       \
    /* what went wrong with live data, and where counts read live come from */                      \
    X(offline) X(cannot_reach) X(timed_out) X(too_large) X(redirected)                              \
    X(http_missing) X(http_unchanged) X(http_server) X(http_refused) X(feed_not_used)               \
    X(config_unread) X(blocked_host) X(blocked_unchecked) X(no_page_left)                           \
    X(graph_token) X(graph_rate_limit) X(graph_unknown_page) X(graph_permission) X(graph_other)     \
    X(graph_empty) X(graph_not_json) X(graph_source) X(note_stand_in) X(note_followers)             \
    X(note_likes) X(per_unit_note)                                                                  \
    /* why a parameter was ignored */                                                               \
    X(bad_utf8) X(not_colour) X(not_page_colour) X(not_1_or_0) X(not_theme) X(not_layout)           \
    X(layout_narrow)                                                                                \
    X(not_pages) X(not_currency) X(not_per_unit) X(not_title) X(not_lang) X(empty)                  \
    X(source_too_long) X(not_refresh) X(refresh_too_long) X(not_token) X(not_version)               \
    X(no_page) X(no_rate) X(not_web_address)                                                        \
    /* the page's own messages (widget-boot.js) */                                                  \
    X(page_title) X(boot_no_wasm) X(boot_download) X(boot_stopped) X(boot_start) X(boot_lost)       \
    X(boot_feed) X(boot_feed_link) X(boot_no_script)

enum class Msg : unsigned char {
#define LIKELOSS_ID(id) id,
    LIKELOSS_MESSAGES(LIKELOSS_ID)
#undef LIKELOSS_ID
};
constexpr std::size_t kMessageCount = 0
#define LIKELOSS_ONE(id) +1
    LIKELOSS_MESSAGES(LIKELOSS_ONE)
#undef LIKELOSS_ONE
    ;

const char* message_key(Msg id);  // "headline_lost": the key in the language files
bool page_message(Msg id);         // the page's own (page_title, boot_*), which widget-boot.js shows

// One argument: text (already formatted, or a name from a feed) and, for the argument that
// picks the plural form, the number it counts.
// Arguments live as long as the call that says them, so they are views, never copies.
struct Arg {
    std::string_view text;
    double count = -1;  // >= 0: this argument chooses among the plural forms
    Arg(const std::string& t) : text(t) {}
    Arg(const char* t) : text(t) {}
    Arg(const std::string& t, double n) : text(t), count(n) {}
};

class Catalogue {
public:
    // A language file, checked: every id present, plural messages with as many forms as the
    // locale's language has categories, no unknown placeholder. `error` says what is wrong.
    // `page_messages`: false when the page's own messages (page_title, boot_*) may be missing, as
    // in the web build's English, whose page carries them.
    static std::optional<Catalogue> parse(std::string_view json, const Locale& locale, std::string* error,
                                          bool page_messages = true);
    // The forms of one message (one for a plain message).
    const std::vector<std::string>& forms(Msg id) const { return forms_[static_cast<std::size_t>(id)]; }
    std::string say(const Locale& locale, Msg id, std::initializer_list<Arg> args) const {
        return say(locale, id, args.begin(), args.size());
    }
    std::string say(const Locale& locale, Msg id, const Arg* args, std::size_t count) const;

private:
    std::vector<std::vector<std::string>> forms_;
};

// The catalogue in the program: English always (every platform can speak it); the other
// languages natively too (tests, tools). The web build loads them from lang/<language>.json.
const Catalogue& english_catalogue();
const char* language_file(std::string_view language);  // the file's text, or nullptr if not compiled in

// Untrusted text (a URL parameter, a feed's name or title) as one isolated bidi run: its own
// direction controls removed, then wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE,
// so it can neither reorder the sentence around it nor take on the sentence's direction.
std::string isolate(std::string_view untrusted);

// The words of one locale: its catalogue and its formats, for the code that makes text.
struct Words {
    const Locale* locale;
    const Catalogue* catalogue;
    std::string say(Msg id, std::initializer_list<Arg> args = {}) const { return catalogue->say(*locale, id, args); }
    std::string count(std::int64_t n) const { return locale_count(*locale, n); }
    std::string number(double v) const { return locale_number(*locale, v); }
    std::string money(double v, const std::string& currency) const { return locale_money(*locale, v, currency); }
    std::string percent(double p) const { return locale_percent(*locale, p); }
    std::string rate(double per_minute) const { return locale_rate(*locale, per_minute); }
    std::string date(Instant t) const { return locale_date(*locale, t); }
    std::string date_time(Instant t) const { return locale_date_time(*locale, t); }
    std::string clock(Instant t, Instant now) const { return locale_clock(*locale, t, now); }
};
const Words& english_words();

// A message kept to be said later, in the language of that moment: a live-data problem lasts
// while the widget changes language (its words may arrive after the first answer).
struct Said {
    Msg id{};
    std::vector<std::string> args;
    double count = -1;  // >= 0: the number args[0] counts, which picks the plural form
    Said() = default;
    Said(Msg said, std::vector<std::string> with = {}, double counted = -1)
        : id(said), args(std::move(with)), count(counted) {}
    std::string in(const Words& words) const;
    bool operator==(const Said& o) const { return id == o.id && args == o.args && count == o.count; }
    bool operator!=(const Said& o) const { return !(*this == o); }
};

}  // namespace likeloss
