// strtod for the web build. musl's reads every number through 128-bit long double arithmetic,
// which WebAssembly has no instructions for: the software emulation costs the first load about
// 5 KB gzip. What the widget reads (JSON numbers, a per_unit parameter) is decimal notation, read
// here exactly when it has at most 19 significant digits and a power of ten up to 22 (Clinger's
// fast path: every figure a feed holds), and within a few ulps beyond. No hexadecimal, inf or nan:
// JSON has none, and a parameter that is not a plain number is refused anyway.
#include <cerrno>
#include <cmath>
#include <cstdint>

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
}  // namespace

extern "C" double strtod(const char* text, char** end) {
    const char* p = text;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
    const bool negative = *p == '-';
    if (*p == '+' || *p == '-') ++p;
    std::uint64_t mantissa = 0;
    long exponent = 0;
    bool any = false;
    for (; digit(*p); ++p, any = true) {
        if (mantissa < 1000000000000000000ull) mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        else ++exponent;  // digits past the 19th only scale
    }
    if (*p == '.')
        for (++p; digit(*p); ++p, any = true)
            if (mantissa < 1000000000000000000ull) {
                mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
                --exponent;
            }
    if (!any) {
        if (end) *end = const_cast<char*>(text);
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        const bool down = *q == '-';
        if (*q == '+' || *q == '-') ++q;
        if (digit(*q)) {
            long e = 0;
            for (; digit(*q); ++q)
                if (e < 100000) e = e * 10 + (*q - '0');
            exponent += down ? -e : e;
            p = q;
        }
    }
    if (end) *end = const_cast<char*>(p);
    double v = static_cast<double>(mantissa);
    if (v != 0) {
        for (; exponent > 22 && std::isfinite(v); exponent -= 22) v *= 1e22;
        for (; exponent < -22 && v != 0; exponent += 22) v /= 1e22;
        if (exponent > 0 && exponent <= 22) v *= kPowers[exponent];
        if (exponent < 0 && exponent >= -22) v /= kPowers[-exponent];
        if (!std::isfinite(v) || v == 0) errno = ERANGE;
    }
    return negative ? -v : v;
}

// libc keeps strtof and strtold in strtod's object: defined here too, so it is never linked.
extern "C" float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
extern "C" long double strtold(const char* text, char** end) { return strtod(text, end); }
