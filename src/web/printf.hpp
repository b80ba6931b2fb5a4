// The web build's snprintf (src/web/printf.cpp): integers and exact fixed notation, without C's
// long double machinery. Pure, so that it is tested natively against the C library's.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <string>

namespace likeloss::web {

// vsnprintf's contract: at most size - 1 characters and a NUL; returns the full length.
int format(char* out, std::size_t size, const char* format, va_list args);
// |v| in fixed notation with `precision` decimals, as %.*f writes it (no sign).
std::string fixed_digits(double v, int precision);

}  // namespace likeloss::web
