// Locale formats and plural rules, each checked against CLDR 41's data (the comments quote it).
#include <gtest/gtest.h>

#include "feed/time.hpp"
#include "text/locale.hpp"

using namespace likeloss;

namespace {
const Locale& en = english();
const Locale& fr = *find_locale("fr");
const Locale& fr_ma = *find_locale("fr-MA");
const Locale& ar = *find_locale("ar");
}  // namespace

TEST(Locale, TagsMatchTheLanguagesTheWidgetSpeaks) {
    EXPECT_STREQ(find_locale("FR")->tag, "fr");
    EXPECT_STREQ(find_locale("fr-ma")->tag, "fr-MA");
    EXPECT_STREQ(find_locale("fr-CA")->tag, "fr");
    EXPECT_STREQ(find_locale("ar")->tag, "ar-MA");
    EXPECT_STREQ(find_locale("ar-EG")->tag, "ar-MA");
    EXPECT_EQ(find_locale("de"), nullptr);
    EXPECT_EQ(find_locale(""), nullptr);
    EXPECT_STREQ(best_locale("de-DE,ar-MA,fr").tag, "ar-MA");
    EXPECT_STREQ(best_locale("de,es").tag, "en");
    EXPECT_STREQ(best_locale("").tag, "en");
}

// plurals.xml: en one: i = 1 and v = 0; fr one: i = 0,1, many: i != 0 and i % 1000000 = 0;
// ar zero: n = 0, one: n = 1, two: n = 2, few: n % 100 = 3..10, many: n % 100 = 11..99.
TEST(Locale, PluralRulesFollowCldr) {
    const double n[] = {0, 1, 2, 3, 11, 100, 101, 1000000, 1.5};
    const Plural want_en[] = {Plural::other, Plural::one, Plural::other, Plural::other, Plural::other,
                              Plural::other, Plural::other, Plural::other, Plural::other};
    const Plural want_fr[] = {Plural::one, Plural::one, Plural::other, Plural::other, Plural::other,
                              Plural::other, Plural::other, Plural::many, Plural::one};
    const Plural want_ar[] = {Plural::zero, Plural::one, Plural::two, Plural::few, Plural::many,
                              Plural::other, Plural::other, Plural::other, Plural::other};
    for (std::size_t i = 0; i < std::size(n); ++i) {
        EXPECT_EQ(plural_of(en, n[i]), want_en[i]) << n[i];
        EXPECT_EQ(plural_of(fr, n[i]), want_fr[i]) << n[i];
        EXPECT_EQ(plural_of(ar, n[i]), want_ar[i]) << n[i];
    }
    EXPECT_EQ(plural_of(ar, 103), Plural::few);
    EXPECT_EQ(plural_of(ar, 1011), Plural::many);
}

// symbols: en "," "."; fr U+202F ","; fr_MA "." ","; ar_MA "." "," with latn digits.
TEST(Locale, NumbersAreGroupedAsEachLocaleWritesThem) {
    EXPECT_EQ(locale_count(en, 494652), "494,652");
    EXPECT_EQ(locale_count(fr, 494652), "494\u202F652");
    EXPECT_EQ(locale_count(fr_ma, 494652), "494.652");
    EXPECT_EQ(locale_count(ar, 494652), "494.652");
    EXPECT_EQ(locale_number(fr, 0.25), "0,25");
    EXPECT_EQ(locale_number(ar, 1234.5), "1.234,5");
    EXPECT_EQ(locale_rate(fr, 34.85), "34,9");
}

// percentFormats: en "#,##0%", fr "#,##0 %" (U+00A0), ar "#,##0%" with percentSign LRM % LRM.
TEST(Locale, PercentagesFollowEachLocalesPattern) {
    EXPECT_EQ(locale_percent(en, 7.4123), "7.41%");
    EXPECT_EQ(locale_percent(fr, 7.4123), "7,41\u00A0%");
    EXPECT_EQ(locale_percent(ar, 7.4123), "7,41\u200E%\u200E");
}

TEST(Locale, MoneyUsesTheSymbolReadersSee) {
    EXPECT_EQ(locale_money(en, 1483956, "MAD"), "1,483,956 MAD");
    EXPECT_EQ(locale_money(en, 148396, "USD"), "$148,396");
    EXPECT_EQ(locale_money(fr, 1483956, "MAD"), "1\u202F483\u202F956\u00A0MAD");
    EXPECT_EQ(locale_money(fr_ma, 1483956, "MAD"), "1.483.956\u00A0DH");
    EXPECT_EQ(locale_money(fr, 148396, "USD"), "148\u202F396\u00A0$US");  // "#,##0.00 ¤"
    EXPECT_EQ(locale_money(fr, 0.25, "EUR"), "0,25\u00A0\u20AC");
    EXPECT_EQ(locale_money(ar, 1483956, "MAD"), "1.483.956\u00A0درهم");
    EXPECT_EQ(locale_money(ar, 148396, "USD"), "US$\u00A0148.396");  // "¤ #,##0.00"
    EXPECT_EQ(locale_money(fr, -3, "GBP"), "-3\u00A0GBP");
}

// Abbreviated format months: fr "févr.", fr_MA "fév."; ar_MA's own names (ماي, غشت, ...).
TEST(Locale, DatesUseEachLocalesMonths) {
    const Instant t = from_civil(2016, 2, 26, 20, 0);
    EXPECT_EQ(locale_date_time(en, t), "26 Feb 2016, 20:00 UTC");
    EXPECT_EQ(locale_date(fr, t), "26 f\u00E9vr. 2016");
    EXPECT_EQ(locale_date(fr_ma, t), "26 f\u00E9v. 2016");
    EXPECT_EQ(locale_date_time(ar, t), "26 فبراير 2016، 20:00 UTC");
    EXPECT_EQ(locale_date(ar, from_civil(2016, 8, 1)), "1 غشت 2016");
    EXPECT_EQ(locale_date(ar, from_civil(2016, 5, 1)), "1 ماي 2016");
    EXPECT_EQ(locale_clock(fr, from_civil(2016, 11, 27, 14, 2), from_civil(2016, 11, 28)), "27 nov., 14:02 UTC");
    EXPECT_EQ(locale_clock(fr, from_civil(2016, 11, 28, 14, 2), from_civil(2016, 11, 28, 15)), "14:02 UTC");
}
