// Instants and RFC 3339 timestamps. The core never reads a clock: every function that depends on
// "now" takes it as an argument, so tests are exact and the web layer owns time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace likeloss {

// Milliseconds since 1970-01-01T00:00:00Z, UTC, no leap seconds (as JavaScript's Date.now()).
using Instant = std::int64_t;

constexpr Instant kSecond = 1000;
constexpr Instant kMinute = 60 * kSecond;
constexpr Instant kHour = 60 * kMinute;
constexpr Instant kDay = 24 * kHour;

struct CivilTime {
    int year, month, day;  // month 1-12, day 1-31
    int hour, minute, second, millisecond;
};

// "2016-02-26T20:00:00Z", "2016-02-26T21:00:00+01:00", "2016-02-26t20:00:00.250z".
// Instants in the years 1970-9999 (UTC) only, whatever the offset; anything else (a date-only
// string, a missing offset) is rejected.
std::optional<Instant> parse_rfc3339(std::string_view text);

// Always UTC with a "Z" and whole seconds unless milliseconds are set.
std::string format_rfc3339(Instant t);

CivilTime to_civil(Instant t);
Instant from_civil(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

}  // namespace likeloss
