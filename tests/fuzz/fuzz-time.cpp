// Timestamps (time.hpp): whatever parse_rfc3339 accepts, format_rfc3339 writes and parse_rfc3339
// reads back as the same instant, and every instant the feed can hold formats and parses back.
#include <cstring>

#include "fuzz.hpp"
#include "feed/time.hpp"

using namespace likeloss;

namespace {

const Instant kFirst = 0;                                          // 1970-01-01T00:00:00Z
const Instant kLast = from_civil(9999, 12, 31, 23, 59, 59) + 999;  // the last one a feed may hold

void check_civil(Instant t) {
    const CivilTime c = to_civil(t);
    FUZZ_CHECK(c.year >= 1970 && c.year <= 9999 && c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31 &&
                   c.hour >= 0 && c.hour <= 23 && c.minute >= 0 && c.minute <= 59 && c.second >= 0 && c.second <= 59 &&
                   c.millisecond >= 0 && c.millisecond <= 999,
               "%lld", static_cast<long long>(t));
    FUZZ_CHECK(from_civil(c.year, c.month, c.day, c.hour, c.minute, c.second) + c.millisecond == t);
}

void check_round_trip(Instant t, std::string_view from) {
    const std::string written = format_rfc3339(t);
    const auto again = parse_rfc3339(written);
    FUZZ_CHECK(again.has_value(), "\"%.*s\" is read as %lld, written as \"%s\", which is refused",
               static_cast<int>(from.size()), from.data(), static_cast<long long>(t), written.c_str());
    FUZZ_CHECK(*again == t, "\"%s\" is read back as %lld, not %lld", written.c_str(), static_cast<long long>(*again),
               static_cast<long long>(t));
    FUZZ_CHECK(format_rfc3339(*again) == written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    if (const auto t = parse_rfc3339(text)) {
        FUZZ_CHECK(*t >= kFirst && *t <= kLast, "\"%.*s\" is read as %lld, outside 1970-9999", static_cast<int>(size),
                   text.data(), static_cast<long long>(*t));
        check_civil(*t);
        check_round_trip(*t, text);
    }
    // The input's first eight bytes as an instant between the first and the last a feed may hold.
    if (size >= 8) {
        std::uint64_t bits;
        std::memcpy(&bits, data, 8);
        const Instant t = kFirst + static_cast<Instant>(bits % static_cast<std::uint64_t>(kLast - kFirst + 1));
        check_civil(t);
        check_round_trip(t, "(an instant)");
    }
    return 0;
}
