// snprintf for the web build. musl's formats every number through 128-bit long double arithmetic,
// which WebAssembly has no instructions for, and carries its %e/%g/%a machinery into every
// download. What the widget formats: integers (%d %u %x %X %c %s with flags, width and precision,
// from the core, nlohmann/json and Dear ImGui) and fixed notation (%f, from the core's number
// formats), which is done here exactly, as C's printf does (the exact binary value, rounded half
// to even), with integer arithmetic. %e, %g and %a are not: they write "?" (nothing calls them).
#include "printf.hpp"

#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace likeloss::web {
namespace {

// A nonnegative integer of any size, in base 2^32, least significant word first.
using Big = std::vector<std::uint32_t>;

void multiply(Big& n, std::uint32_t by, std::uint32_t add = 0) {
    std::uint64_t carry = add;
    for (std::uint32_t& w : n) {
        carry += static_cast<std::uint64_t>(w) * by;
        w = static_cast<std::uint32_t>(carry);
        carry >>= 32;
    }
    if (carry) n.push_back(static_cast<std::uint32_t>(carry));
}

// n /= by; returns the remainder.
std::uint32_t divide(Big& n, std::uint32_t by) {
    std::uint64_t rest = 0;
    for (std::size_t i = n.size(); i-- > 0;) {
        rest = (rest << 32) | n[i];
        n[i] = static_cast<std::uint32_t>(rest / by);
        rest %= by;
    }
    while (!n.empty() && n.back() == 0) n.pop_back();
    return static_cast<std::uint32_t>(rest);
}

bool bit(const Big& n, int at) {
    const std::size_t word = static_cast<std::size_t>(at) / 32;
    return word < n.size() && ((n[word] >> (at % 32)) & 1);
}

// n >>= bits, rounded half to even (what the rest was compared with half of 2^bits).
void shift_right_rounded(Big& n, int bits) {
    bool half = bits > 0 && bit(n, bits - 1), below = false;
    for (int i = 0; i < bits - 1 && !below; ++i) below = bit(n, i);
    const std::size_t words = static_cast<std::size_t>(bits) / 32;
    const int rest = bits % 32;
    Big out;
    for (std::size_t i = words; i < n.size(); ++i) {
        std::uint64_t w = n[i] >> rest;
        if (rest && i + 1 < n.size()) w |= static_cast<std::uint64_t>(n[i + 1]) << (32 - rest);
        out.push_back(static_cast<std::uint32_t>(w));
    }
    while (!out.empty() && out.back() == 0) out.pop_back();
    if (half && (below || (!out.empty() && (out[0] & 1)))) {  // above half, or a tie to an odd number
        if (out.empty()) out.push_back(0);
        multiply(out, 1, 1);
    }
    n = out;
}

void shift_left(Big& n, int bits) {
    for (; bits >= 31; bits -= 31) multiply(n, 1u << 31);
    if (bits) multiply(n, 1u << bits);
}

// The decimal digits of n, most significant first ("0" for zero).
std::string decimal(Big n) {
    std::string digits;
    while (!n.empty()) {
        std::uint32_t chunk = divide(n, 1000000000);
        for (int i = 0; i < 9 && (chunk || !n.empty()); ++i, chunk /= 10) digits.insert(digits.begin(), static_cast<char>('0' + chunk % 10));
    }
    return digits.empty() ? "0" : digits;
}

// Appends to `out`, keeping at most `size - 1` characters and counting every one.
struct Sink {
    char* out;
    std::size_t size;
    std::size_t count = 0;
    void put(char c) {
        if (size && count < size - 1) out[count] = c;
        ++count;
    }
    void put(const char* s, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) put(s[i]);
    }
    void pad(char c, int n) {
        for (; n > 0; --n) put(c);
    }
};

}  // namespace

std::string fixed_digits(double v, int precision) {
    // |v| = mantissa * 2^exponent exactly; its value times 10^precision, rounded half to even.
    int exponent = 0;
    const double fraction = std::frexp(std::fabs(v), &exponent);  // in [0.5, 1)
    const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
    exponent -= 53;
    Big n{static_cast<std::uint32_t>(mantissa), static_cast<std::uint32_t>(mantissa >> 32)};
    for (int i = 0; i < precision; ++i) multiply(n, 10);
    if (exponent >= 0) shift_left(n, exponent);
    else shift_right_rounded(n, -exponent);
    std::string digits = decimal(n);
    if (precision > 0) {
        if (digits.size() <= static_cast<std::size_t>(precision)) digits.insert(0, static_cast<std::size_t>(precision) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(precision), 1, '.');
    }
    return digits;
}

int format(char* out, std::size_t size, const char* f, va_list args) {
    Sink sink{out, size};
    while (*f) {
        if (*f != '%') {
            sink.put(*f++);
            continue;
        }
        ++f;
        bool left = false, zero = false, plus = false, space = false, alternate = false;
        for (;; ++f) {
            if (*f == '-') left = true;
            else if (*f == '0') zero = true;
            else if (*f == '+') plus = true;
            else if (*f == ' ') space = true;
            else if (*f == '#') alternate = true;
            else break;
        }
        int width = 0, precision = -1;
        if (*f == '*') {
            width = va_arg(args, int);
            if (width < 0) left = true, width = -width;
            ++f;
        }
        for (; *f >= '0' && *f <= '9'; ++f) width = width * 10 + (*f - '0');
        if (*f == '.') {
            precision = 0;
            if (*++f == '*') {
                precision = va_arg(args, int);
                ++f;
            }
            for (; *f >= '0' && *f <= '9'; ++f) precision = precision * 10 + (*f - '0');
        }
        // The argument's type, read as it was passed (long, size_t and ptrdiff_t are 32 bits on wasm32).
        enum class Size { plain, hh, h, l, ll, j, z, t } size_of = Size::plain;
        if (*f == 'h') size_of = *++f == 'h' ? (++f, Size::hh) : Size::h;
        else if (*f == 'l') size_of = *++f == 'l' ? (++f, Size::ll) : Size::l;
        else if (*f == 'j' || *f == 'z' || *f == 't' || *f == 'L')
            size_of = *f == 'j' ? Size::j : *f == 'z' ? Size::z : *f == 't' ? Size::t : Size::ll, ++f;
        const char conversion = *f ? *f++ : '\0';
        std::string body, sign;
        switch (conversion) {
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            const bool is_signed = conversion == 'd' || conversion == 'i';
            std::uint64_t magnitude;
            if (is_signed) {
                long long value = 0;
                switch (size_of) {
                case Size::hh: value = static_cast<signed char>(va_arg(args, int)); break;
                case Size::h: value = static_cast<short>(va_arg(args, int)); break;
                case Size::l: value = va_arg(args, long); break;
                case Size::ll: value = va_arg(args, long long); break;
                case Size::j: value = va_arg(args, std::intmax_t); break;
                case Size::z:
                case Size::t: value = va_arg(args, std::ptrdiff_t); break;
                default: value = va_arg(args, int);
                }
                magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
                sign = value < 0 ? "-" : plus ? "+" : space ? " " : "";
            } else {
                switch (size_of) {
                case Size::hh: magnitude = static_cast<unsigned char>(va_arg(args, unsigned)); break;
                case Size::h: magnitude = static_cast<unsigned short>(va_arg(args, unsigned)); break;
                case Size::l: magnitude = va_arg(args, unsigned long); break;
                case Size::ll: magnitude = va_arg(args, unsigned long long); break;
                case Size::j: magnitude = va_arg(args, std::uintmax_t); break;
                case Size::z: magnitude = va_arg(args, std::size_t); break;
                case Size::t: magnitude = static_cast<std::size_t>(va_arg(args, std::ptrdiff_t)); break;
                default: magnitude = va_arg(args, unsigned);
                }
            }
            const bool nonzero = magnitude != 0;
            const unsigned base = conversion == 'x' || conversion == 'X' ? 16 : conversion == 'o' ? 8 : 10;
            const char* symbols = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            for (; magnitude; magnitude /= base) body.insert(body.begin(), symbols[magnitude % base]);
            if (precision < 0 && body.empty()) body = "0";
            if (precision > static_cast<int>(body.size())) body.insert(0, static_cast<std::size_t>(precision) - body.size(), '0');
            if (alternate && base == 16 && nonzero) sign = conversion == 'X' ? "0X" : "0x";
            if (alternate && base == 8 && (body.empty() || body[0] != '0')) body.insert(body.begin(), '0');
            if (precision >= 0) zero = false;
            break;
        }
        case 'f':
        case 'F': {
            const double value = va_arg(args, double);
            sign = std::signbit(value) ? "-" : plus ? "+" : space ? " " : "";
            if (std::isnan(value)) body = conversion == 'F' ? "NAN" : "nan", zero = false;
            else if (std::isinf(value)) body = conversion == 'F' ? "INF" : "inf", zero = false;
            else body = fixed_digits(value, precision < 0 ? 6 : precision);
            if (alternate && precision == 0 && std::isfinite(value)) body += '.';
            break;
        }
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            va_arg(args, double);
            body = "?";
            zero = false;
            break;
        case 'p': {
            auto address = reinterpret_cast<std::uintptr_t>(va_arg(args, void*));
            for (; address; address /= 16) body.insert(body.begin(), "0123456789abcdef"[address % 16]);
            body = "0x" + (body.empty() ? std::string("0") : body);
            zero = false;
            break;
        }
        case 'c':
            body = static_cast<char>(va_arg(args, int));
            zero = false;
            break;
        case 's': {
            const char* s = va_arg(args, const char*);
            if (!s) s = "(null)";
            body.assign(s, precision < 0 ? std::strlen(s) : strnlen(s, static_cast<std::size_t>(precision)));
            zero = false;
            break;
        }
        case '%':
            body = "%";
            zero = false;
            break;
        default:  // an unknown conversion is written as it stands
            body = std::string("%") + (conversion ? std::string(1, conversion) : std::string());
            zero = false;
        }
        const int fill = width - static_cast<int>(sign.size() + body.size());
        if (!left && !zero) sink.pad(' ', fill);
        sink.put(sign.data(), sign.size());
        if (!left && zero) sink.pad('0', fill);
        sink.put(body.data(), body.size());
        if (left) sink.pad(' ', fill);
    }
    if (size) out[sink.count < size ? sink.count : size - 1] = '\0';
    return static_cast<int>(sink.count);
}

}  // namespace likeloss::web

#ifdef __EMSCRIPTEN__
#include <emscripten/console.h>

#include <cstdio>

extern "C" int vsnprintf(char* out, std::size_t size, const char* format, va_list args) {
    return likeloss::web::format(out, size, format, args);
}

extern "C" int snprintf(char* out, std::size_t size, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int n = likeloss::web::format(out, size, format, args);
    va_end(args);
    return n;
}

// What libc++ and ImGui's renderer write to stderr before they stop, to the console (fprintf, and
// fiprintf, as the compiler renames an fprintf without floating point).
namespace {
int to_console(const char* format, va_list args) {
    char text[512];
    const int n = likeloss::web::format(text, sizeof text, format, args);
    emscripten_console_error(text);
    return n;
}
}  // namespace

extern "C" int fprintf(FILE*, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int n = to_console(format, args);
    va_end(args);
    return n;
}

extern "C" int fiprintf(FILE*, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int n = to_console(format, args);
    va_end(args);
    return n;
}
#endif
