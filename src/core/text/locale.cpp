#include "text/locale.hpp"

#include <cctype>
#include <cmath>

#include "text/format.hpp"

namespace likeloss {
namespace {

bool whole(double n) { return std::isfinite(n) && n == std::floor(n); }

// CLDR 41, supplemental/plurals.xml.
Plural english_plural(double n) { return n == 1 ? Plural::one : Plural::other; }  // one: i = 1 and v = 0
Plural french_plural(double n) {
    const double i = std::floor(std::fabs(n));
    if (i == 0 || i == 1) return Plural::one;  // one: i = 0,1
    // many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 ("1 000 000 de j'aime")
    if (whole(n) && i < 9e18 && static_cast<std::int64_t>(i) % 1000000 == 0) return Plural::many;
    return Plural::other;
}
Plural arabic_plural(double n) {
    if (!whole(n)) return Plural::other;
    const double a = std::fabs(n);
    if (a == 0) return Plural::zero;
    if (a == 1) return Plural::one;
    if (a == 2) return Plural::two;
    if (a >= 9e18) return Plural::other;
    const std::int64_t m = static_cast<std::int64_t>(a) % 100;
    if (m >= 3 && m <= 10) return Plural::few;   // n % 100 = 3..10
    if (m >= 11 && m <= 99) return Plural::many;  // n % 100 = 11..99
    return Plural::other;
}

constexpr Plural kEnglishForms[] = {Plural::one, Plural::other};
constexpr Plural kFrenchForms[] = {Plural::one, Plural::many, Plural::other};
constexpr Plural kArabicForms[] = {Plural::zero, Plural::one, Plural::two, Plural::few, Plural::many, Plural::other};

// CLDR 41 main/<locale>.xml: symbols (latn), percentFormats, currencyFormats, abbreviated format
// months (Arabic: the wide ones; ar_MA has no abbreviations, and Morocco's names differ from
// Egypt's: ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر). Digits are Western in every locale here:
// CLDR's default numbering system for ar_MA is latn, and it is what Moroccan papers print.
//
// The dirham: "MAD" in English (CLDR has no symbol for it), "DH" in Moroccan French (what the
// French-language press of Morocco prints: "3 millions de DH"; CLDR fr would print "MAD"), and
// "درهم" in Arabic (what the Arabic-language press prints after a figure; CLDR's "د.م.‏" is the
// bank's abbreviation, rarely seen in an article).
const Locale kLocales[] = {
    {"en", "en", false, ",", ".", "%", "MAD", true, "$", "\xE2\x82\xAC", ", ",
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
     english_plural, kEnglishForms, 2},
    // fr: group U+202F (narrow no-break space), percent "#,##0 %" and currency "#,##0.00 ¤" with U+00A0.
    {"fr", "fr", false, "\xE2\x80\xAF", ",", "\xC2\xA0%", "MAD", false, "$US", "\xE2\x82\xAC", ", ",
     {"janv.", "f\xC3\xA9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\xC3\xBBt", "sept.", "oct.", "nov.",
      "d\xC3\xA9" "c."},
     french_plural, kFrenchForms, 3},
    // fr_MA: group "." and its own abbreviations.
    {"fr-MA", "fr", false, ".", ",", "\xC2\xA0%", "DH", false, "$US", "\xE2\x82\xAC", ", ",
     {"jan.", "f\xC3\xA9v.", "mar.", "avr.", "mai", "jui.", "juil.", "ao\xC3\xBBt", "sept.", "oct.", "nov.",
      "d\xC3\xA9" "c."},
     french_plural, kFrenchForms, 3},
    // ar_MA: decimal ",", group "."; ar's percent sign is "%" between two LEFT-TO-RIGHT MARKs and
    // its currency pattern "¤ #,##0.00".
    {"ar-MA", "ar", true, ".", ",", "\xE2\x80\x8E%\xE2\x80\x8E", "\xD8\xAF\xD8\xB1\xD9\x87\xD9\x85", true, "US$",
     "\xE2\x82\xAC", "\xD8\x8C ",
     {"\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1", "\xD9\x81\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x8A\xD8\xB1",
      "\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3", "\xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", "\xD9\x85\xD8\xA7\xD9\x8A",
      "\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88", "\xD9\x8A\xD9\x88\xD9\x84\xD9\x8A\xD9\x88\xD8\xB2",
      "\xD8\xBA\xD8\xB4\xD8\xAA", "\xD8\xB4\xD8\xAA\xD9\x86\xD8\xA8\xD8\xB1",
      "\xD8\xA3\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1", "\xD9\x86\xD9\x88\xD9\x86\xD8\xA8\xD8\xB1",
      "\xD8\xAF\xD8\xAC\xD9\x86\xD8\xA8\xD8\xB1"},
     arabic_plural, kArabicForms, 6},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// English digits ("1,234.5") in the locale's separators.
std::string localise(const Locale& l, const std::string& english_digits) {
    std::string out;
    for (char c : english_digits) {
        if (c == ',') out += l.group;
        else if (c == '.') out += l.decimal;
        else out += c;
    }
    return out;
}

}  // namespace

const Locale& english() { return kLocales[0]; }

const Locale* find_locale(std::string_view tag) {
    const std::string t = lower(tag);
    if (t == "fr-ma") return &kLocales[2];
    const std::string language = t.substr(0, t.find_first_of("-_"));
    if (language == "en") return &kLocales[0];
    if (language == "fr") return &kLocales[1];
    if (language == "ar") return &kLocales[3];  // Morocco's formats: the campaigns this serves are Moroccan
    return nullptr;
}

const Locale& best_locale(std::string_view preferred) {
    while (!preferred.empty()) {
        const std::size_t comma = preferred.find(',');
        if (const Locale* l = find_locale(preferred.substr(0, comma))) return *l;
        if (comma == std::string_view::npos) break;
        preferred.remove_prefix(comma + 1);
    }
    return english();
}

Plural plural_of(const Locale& l, double n) { return l.plural(n); }

unsigned plural_index(const Locale& l, double n) {
    const Plural p = l.plural(n);
    for (unsigned i = 0; i < l.form_count; ++i)
        if (l.forms[i] == p) return i;
    return l.form_count - 1;  // "other" is always last
}

std::string locale_count(const Locale& l, std::int64_t n) { return localise(l, format_count(n)); }
std::string locale_number(const Locale& l, double v) { return localise(l, format_number(v)); }
std::string locale_rate(const Locale& l, double per_minute) { return localise(l, format_rate(per_minute)); }

std::string locale_percent(const Locale& l, double percent) {
    std::string digits = format_percent(percent);
    digits.pop_back();  // the "%"
    return localise(l, digits) + l.percent;
}

std::string locale_money(const Locale& l, double value, const std::string& currency) {
    if (&l == &english()) return format_money(value, currency);
    const std::string amount = localise(l, money_amount(value));
    const char* symbol = currency == "MAD" ? l.dirham : currency == "USD" ? l.usd : currency == "EUR" ? l.eur : nullptr;
    if (!symbol) return amount + "\xC2\xA0" + currency;
    if (currency == "MAD" || !l.symbol_first) return amount + "\xC2\xA0" + symbol;
    return std::string(symbol) + "\xC2\xA0" + amount;
}

std::string locale_date(const Locale& l, Instant t) {
    const CivilTime c = to_civil(t);
    return std::to_string(c.day) + " " + l.months[c.month - 1] + " " + std::to_string(c.year);
}

namespace {
std::string hh_mm(const CivilTime& c) {
    char buf[8] = {static_cast<char>('0' + c.hour / 10), static_cast<char>('0' + c.hour % 10), ':',
                   static_cast<char>('0' + c.minute / 10), static_cast<char>('0' + c.minute % 10), 0};
    return std::string(buf) + " UTC";
}
}  // namespace

std::string locale_date_time(const Locale& l, Instant t) { return locale_date(l, t) + l.comma + hh_mm(to_civil(t)); }

std::string locale_clock(const Locale& l, Instant t, Instant now) {
    const CivilTime c = to_civil(t);
    if (t / kDay == now / kDay) return hh_mm(c);
    return std::to_string(c.day) + " " + l.months[c.month - 1] + l.comma + hh_mm(c);
}

}  // namespace likeloss
