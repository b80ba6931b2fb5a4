#include <gtest/gtest.h>

#include "feed/time.hpp"

using namespace likeloss;

TEST(Time, ParsesUtcAndOffsets) {
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parse_rfc3339("2016-02-26T20:00:00Z"), 1456516800000);
    EXPECT_EQ(parse_rfc3339("2016-02-26T21:00:00+01:00"), 1456516800000);
    EXPECT_EQ(parse_rfc3339("2016-02-26T19:30:00-00:30"), 1456516800000);
    EXPECT_EQ(parse_rfc3339("2016-02-26t20:00:00.25z"), 1456516800250);
    EXPECT_EQ(parse_rfc3339("2016-02-29T00:00:00Z"), from_civil(2016, 2, 29));
}

TEST(Time, RejectsWhatIsNotRfc3339) {
    for (const char* bad : {"", "2016-02-26", "2016-02-26T20:00:00", "2016-02-26 20:00:00Z",
                            "2016-02-30T00:00:00Z", "2015-02-29T00:00:00Z", "2016-13-01T00:00:00Z",
                            "2016-02-26T24:00:00Z", "2016-02-26T20:00:00.Z", "2016-02-26T20:00:00+0100",
                            "1969-12-31T23:59:59Z", "2016-02-26T20:00:00Zjunk", "yesterday"}) {
        EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
    }
}

TEST(Time, FormatsRoundTrip) {
    EXPECT_EQ(format_rfc3339(1456516800000), "2016-02-26T20:00:00Z");
    EXPECT_EQ(format_rfc3339(1456516800250), "2016-02-26T20:00:00.250Z");
    const CivilTime c = to_civil(from_civil(2016, 3, 1, 12, 0, 0));
    EXPECT_EQ(c.year, 2016);
    EXPECT_EQ(c.month, 3);
    EXPECT_EQ(c.day, 1);
    EXPECT_EQ(c.hour, 12);
}

// An offset can carry a valid-looking text out of the years the feed writes: such an instant
// would be written as 1969 (or 10000) and then refused when read back, so it is refused at once.
TEST(Time, RejectsInstantsThatAnOffsetCarriesOutOfRange) {
    EXPECT_FALSE(parse_rfc3339("1970-01-01T00:00:00+01:00").has_value());
    EXPECT_FALSE(parse_rfc3339("1970-01-01T00:59:59.999+01:00").has_value());
    EXPECT_FALSE(parse_rfc3339("9999-12-31T23:59:59-00:01").has_value());
    EXPECT_FALSE(parse_rfc3339("0000-01-01T00:00:00Z").has_value());
    EXPECT_EQ(parse_rfc3339("1970-01-01T01:00:00+01:00"), 0);
    EXPECT_EQ(parse_rfc3339("1969-12-31T23:00:00-01:00"), 0);
    const auto last = parse_rfc3339("9999-12-31T23:59:59.999Z");
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(parse_rfc3339(format_rfc3339(*last)), last);
}
