// The feed: what a campaign publishes and every widget reads (format: docs/feed.md).
// Parsing validates everything a visitor would see, and an error names the JSON path of the
// first fault and the rule it breaks, so a campaign can fix its feed from the message alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/color.hpp"
#include "feed/time.hpp"

namespace likeloss {

// Where a shown number comes from: every default figure is reported, derived or assumed.
enum class Status { reported, derived, assumption };
const char* status_name(Status s);

struct Provenance {
    Status status = Status::assumption;
    std::string source;  // a URL or a citation; required for reported figures
    std::string note;    // the arithmetic of a derived figure, the reason for an assumption
};

struct Measurement {
    Instant at = 0;
    std::int64_t count = 0;  // the page's audience (likes or followers) at `at`
    Provenance provenance;
};

struct SourcedNumber {
    double value = 0;
    Provenance provenance;
};

enum class Unit { likes, followers };
const char* unit_name(Unit u);

// A campaign's or a page's words in another language (the feed's "translations", by language tag).
struct Translation {
    std::string lang;    // "ar", "fr", "fr-MA"
    std::string title;   // the campaign's, or empty
    std::string note;    // the campaign's, or empty
    std::string name;    // a page's, or empty
};

struct Page {
    std::string id;
    std::string name;
    std::vector<Translation> translations;
    std::optional<Rgba> color;
    Unit unit = Unit::likes;
    Measurement baseline;
    std::vector<Measurement> samples;  // chronological, none before the baseline
    std::optional<double> rate_per_s;  // audience change per second after the last sample
};

struct Rate {
    std::string currency;  // ISO 4217
    SourcedNumber per_base;  // units of `currency` for one unit of the base currency
};

struct Money {
    std::string currency;  // the base currency, ISO 4217
    SourcedNumber per_unit;  // value of one like or follower in the base currency
    std::vector<Rate> rates;  // in the feed's order
};

struct Campaign {
    std::string title;
    Instant since = 0;
    std::string url;
    std::string note;
    std::vector<Translation> translations;
};

struct Feed {
    Campaign campaign;
    Money money;
    int update_interval_s = 0;  // 0: the feed is not updated (a historical record)
    std::vector<Page> pages;
    Instant generated_at = 0;
};

// The feed in a language: each title, note and name its translation gives for `lang` (a tag such as
// "fr-MA"; the translation for exactly that tag first, then for its language), others as written.
void translate(Feed& feed, std::string_view lang);

struct FeedError {
    std::string path;  // JSONPath of the fault, "$" for the whole document
    std::string rule;  // what it breaks, in words
    std::string message() const { return path + ": " + rule; }
};

struct FeedResult {
    std::optional<Feed> feed;
    FeedError error;  // meaningful only when !feed
    bool ok() const { return feed.has_value(); }
};

constexpr int kFeedVersion = 1;
constexpr std::size_t kMaxFeedBytes = 1 << 20;  // what a reader reads; a feed with bounded history is far smaller
constexpr std::int64_t kMaxCount = 1'000'000'000'000;  // far above any page's audience
constexpr std::size_t kMaxPages = 50;
constexpr std::size_t kMaxSamples = 10'000;
constexpr double kMaxRatePerSecond = 1e6;  // a page's rate_per_s, either way
constexpr int kMinUpdateInterval_s = 10;   // update_interval_s, when not 0
constexpr int kMaxUpdateInterval_s = 7 * 86400;
// A visitor's clock may be wrong; a feed is "from the future" only beyond this.
constexpr Instant kClockSkew = kDay;

// The audience's change per second from a to b (negative: losing); none unless b is later.
std::optional<double> rate_between(const Measurement& a, const Measurement& b);

// The shortest span a rate is taken over: two counts read moments apart (a retry, a page asked
// alone and then with the others) differ by noise, and a rate from them would invent a trend.
constexpr Instant kMinRateSpan = kMinute;
// The one rule for the rate to count on after the last measurement of a history (`first`, then
// `later`, chronological), for the collector and for live Graph counts alike: from the last
// measurement and the latest one at least kMinRateSpan before it. None when there is none, or when
// it is beyond what a feed may say (kMaxRatePerSecond): no estimate rather than a wild one.
std::optional<double> recent_rate(const Measurement& first, const std::vector<Measurement>& later);

// A Facebook page id or handle: letters, digits, '.', '_' and '-', 1 to 100 characters. The one
// rule for ids in feeds, parameters and the collector's configuration (embed.js and the
// configurator hold copies that a test keeps in step).
bool valid_page_id(std::string_view id);

// Page ids are Facebook handles, which match in any case: "InWi.ma" is "inwi.ma".
bool same_page_id(std::string_view a, std::string_view b);
// The page with this id (in any case), or null.
Page* find_page(Feed& feed, std::string_view id);
const Page* find_page(const Feed& feed, std::string_view id);

// Why a text is not JSON, for a message: "the feed is empty", "… is HTML, not JSON (…)",
// "not valid JSON: syntax error at byte 12 of 40". `what` names the text ("the feed").
std::string json_syntax_error(std::string_view text, std::string_view what);

// `now` is the reader's clock, used only to reject a generated_at in the future.
FeedResult parse_feed(std::string_view json_text, Instant now);

}  // namespace likeloss
