// How each supported locale writes numbers, money, percentages and dates, and picks its plural
// forms: small tables taken from CLDR 41 (Debian's unicode-cldr-core), one per locale, instead of
// a full ICU that would be too big for the wire. The words themselves are in messages.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "feed/time.hpp"

namespace likeloss {

// CLDR's plural categories; a language uses some of them, in this order, in its catalogue.
enum class Plural : unsigned char { zero, one, two, few, many, other };

struct Locale {
    const char* tag;       // BCP 47: "en", "fr", "fr-MA", "ar-MA"
    const char* language;  // the catalogue it speaks: "en", "fr", "ar"
    bool rtl;
    const char* group;     // between groups of three digits
    const char* decimal;
    const char* percent;   // after the number
    const char* dirham;    // the Moroccan dirham's symbol, after the number (see locale.cpp)
    bool symbol_first;     // "$148,396" (en) or "148 396 $US" (fr, ar)
    const char* usd;
    const char* eur;
    const char* comma;     // between a date and its time, and in lists
    const char* months[12];
    Plural (*plural)(double n);
    const Plural* forms;   // the categories the catalogue's plural messages list, in order
    unsigned form_count;
};

const Locale& english();
// The locale for a tag the widget supports ("fr", "FR-ma", "ar", "ar-MA", ...), or nullptr.
const Locale* find_locale(std::string_view tag);
// The best match for the visitor: the first of `preferred` (navigator.languages, comma separated)
// whose language the widget speaks, else English.
const Locale& best_locale(std::string_view preferred);

Plural plural_of(const Locale& l, double n);
// Index of the plural form for `n` in a catalogue entry of `l`.
unsigned plural_index(const Locale& l, double n);

std::string locale_count(const Locale& l, std::int64_t n);                     // "494 652"
std::string locale_number(const Locale& l, double v);                          // as format_number, localised
std::string locale_money(const Locale& l, double value, const std::string& currency);
std::string locale_percent(const Locale& l, double percent);                   // "7,41 %"
std::string locale_rate(const Locale& l, double per_minute);                   // "34,8"
std::string locale_date(const Locale& l, Instant t);                           // "26 févr. 2016"
std::string locale_date_time(const Locale& l, Instant t);                      // "26 févr. 2016, 20:00 UTC"
// A recent instant, as short as is clear from `now`: "14:02 UTC", or "27 nov., 14:02 UTC".
std::string locale_clock(const Locale& l, Instant t, Instant now);

}  // namespace likeloss
