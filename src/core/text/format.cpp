#include "text/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace likeloss {

namespace {
// Groups the digits of a whole number written out in full ("1234567" -> "1,234,567").
std::string group_digits(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}
}  // namespace

std::string format_count(std::int64_t n) {
    const bool negative = n < 0;
    const std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    const std::string out = group_digits(std::to_string(v));
    return negative ? "-" + out : out;
}

std::string format_number(double v) {
    if (!std::isfinite(v)) return v != v ? "not a number" : v > 0 ? "infinity" : "minus infinity";
    const double magnitude = std::fabs(v);
    // Whole numbers in full; others to six significant digits, as %g would, but never in exponent form.
    int decimals = 0;
    if (magnitude != std::floor(magnitude)) {
        int whole_digits = 1;  // of the magnitude's integer part, or how far its first digit is past the point
        for (double m = magnitude; m >= 10 && whole_digits < 400; m /= 10) ++whole_digits;
        for (double m = magnitude; m < 1 && whole_digits > -20; m *= 10) --whole_digits;
        decimals = std::clamp(6 - whole_digits, 0, 20);
    }
    char buf[400];  // %.0f of the largest double has 309 digits
    std::snprintf(buf, sizeof buf, "%.*f", decimals, magnitude);
    std::string text = buf;
    std::string fraction;
    if (const auto dot = text.find('.'); dot != std::string::npos) {
        fraction = text.substr(dot);
        text.resize(dot);
        while (!fraction.empty() && (fraction.back() == '0' || fraction.back() == '.')) fraction.pop_back();
    }
    const std::string out = group_digits(text) + fraction;
    return v < 0 && out != "0" ? "-" + out : out;
}

std::string format_money(double value, const std::string& currency) {
    const std::string amount = money_amount(value);
    if (currency == "USD") return "$" + amount;
    if (currency == "EUR") return "\xE2\x82\xAC" + amount;  // €
    if (currency == "GBP") return "\xC2\xA3" + amount;      // £
    return amount + " " + currency;
}

std::string money_amount(double value) {
    // Whole units, except small amounts that are not whole (a like worth 0.25 is not "0").
    const double magnitude = std::fabs(value);
    const bool cents = magnitude < 100 && std::fabs(magnitude - std::round(magnitude)) >= 0.005;
    char buf[400];  // %.0f of the largest double has 309 digits
    std::snprintf(buf, sizeof buf, "%.0f", std::floor(magnitude + (cents ? 0.0 : 0.5)));
    std::string amount = group_digits(buf);
    if (cents) {
        std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(std::lround((magnitude - std::floor(magnitude)) * 100)) % 100);
        amount += std::string(".") + buf;
    }
    return value < 0 && amount != "0" ? "-" + amount : amount;
}

std::string format_percent(double percent) {
    char buf[32];
    std::snprintf(buf, sizeof buf, percent != 0 && std::fabs(percent) < 0.01 ? "%.3f%%" : "%.2f%%", percent);
    return buf;
}

std::string format_rate(double per_minute) {
    if (std::fabs(per_minute) >= 100) return format_count(static_cast<std::int64_t>(std::llround(per_minute)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", per_minute);
    return buf;
}

}  // namespace likeloss
