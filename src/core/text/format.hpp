// Numbers and money in English: what the locales (locale.hpp, which also writes dates) build on,
// and the collector's and the feed reader's messages.
#pragma once

#include <cstdint>
#include <string>

namespace likeloss {

std::string format_count(std::int64_t n);                 // 494652 -> "494,652"
// Any number as people write it, never in exponent form: 1e6 -> "1,000,000", 1e-9 -> "0.000000001",
// 0.25 -> "0.25", 10.881392 -> "10.8814" (whole numbers in full, others to six significant digits).
std::string format_number(double v);
std::string format_money(double value, const std::string& currency);  // "1,483,956 MAD", "$148,396"
std::string money_amount(double value);  // the amount alone, as format_money writes it: "-1,483,956", "0.25"
std::string format_percent(double percent);               // 7.4123 -> "7.41%"
std::string format_rate(double per_minute);               // 34.85 -> "34.8", 1234.5 -> "1,235"

}  // namespace likeloss
