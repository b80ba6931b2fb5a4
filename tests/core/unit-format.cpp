#include <gtest/gtest.h>

#include "text/format.hpp"
#include "text/locale.hpp"

using namespace likeloss;

TEST(Format, Counts) {
    EXPECT_EQ(format_count(0), "0");
    EXPECT_EQ(format_count(999), "999");
    EXPECT_EQ(format_count(1000), "1,000");
    EXPECT_EQ(format_count(494652), "494,652");
    EXPECT_EQ(format_count(-187680), "-187,680");
    EXPECT_EQ(format_count(1'000'000'000'000), "1,000,000,000,000");
}

TEST(Format, Money) {
    EXPECT_EQ(format_money(1483956, "MAD"), "1,483,956 MAD");
    EXPECT_EQ(format_money(148395.6, "USD"), "$148,396");
    EXPECT_EQ(format_money(10, "EUR"), "\xE2\x82\xAC" "10");
    EXPECT_EQ(format_money(3, "MAD"), "3 MAD");
    EXPECT_EQ(format_money(0.25, "USD"), "$0.25");  // small amounts keep their cents
    EXPECT_EQ(format_money(99.999, "MAD"), "100 MAD");
    EXPECT_EQ(format_money(1234.56, "MAD"), "1,235 MAD");
    // The validator's extremes (10^12 likes x 10^6 x 10^9) are printed, not overflowed.
    EXPECT_EQ(format_money(1e27, "USD"), "$1,000,000,000,000,000,013,287,555,072");
}

TEST(Format, PercentAndRate) {
    EXPECT_EQ(format_percent(7.6681), "7.67%");
    EXPECT_EQ(format_percent(0.004), "0.004%");
    EXPECT_EQ(format_percent(0), "0.00%");
    EXPECT_EQ(format_rate(34.847), "34.8");
    EXPECT_EQ(format_rate(1234.5), "1,235");
}

TEST(Format, Dates) {
    EXPECT_EQ(locale_date(english(), from_civil(2016, 2, 26, 20)), "26 Feb 2016");
    EXPECT_EQ(locale_date_time(english(), from_civil(2016, 3, 1, 12)), "1 Mar 2016, 12:00 UTC");
}

// Numbers in messages are written as people write them, never as 1e+06.
TEST(Format, NumbersAsPeopleWriteThem) {
    EXPECT_EQ(format_number(0), "0");
    EXPECT_EQ(format_number(1e6), "1,000,000");
    EXPECT_EQ(format_number(604800), "604,800");
    EXPECT_EQ(format_number(1e-9), "0.000000001");
    EXPECT_EQ(format_number(1e9), "1,000,000,000");
    EXPECT_EQ(format_number(0.25), "0.25");
    EXPECT_EQ(format_number(-1e6), "-1,000,000");
    EXPECT_EQ(format_number(2.9999999999999), "3");
    EXPECT_EQ(format_number(1e308).find('e'), std::string::npos);
    EXPECT_EQ(format_number(1 / 0.0919), "10.8814");  // six significant digits, as a rate is written
    EXPECT_EQ(format_number(0.1 * 3), "0.3");
}
