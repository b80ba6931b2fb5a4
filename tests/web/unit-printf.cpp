// The web build's snprintf (src/web/printf.cpp) against the C library's, on the formats the
// widget's code, nlohmann/json and Dear ImGui use, and %f on doubles of every size.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "printf.hpp"

namespace {

std::string ours(std::size_t size, const char* format, ...) {
    std::string out(size + 1, '#');
    va_list args;
    va_start(args, format);
    const int n = likeloss::web::format(out.data(), size, format, args);
    va_end(args);
    return std::to_string(n) + ":" + (size ? std::string(out.c_str()) : std::string());
}

std::string libc(std::size_t size, const char* format, ...) {
    std::string out(size + 1, '#');
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(out.data(), size, format, args);
    va_end(args);
    return std::to_string(n) + ":" + (size ? std::string(out.c_str()) : std::string());
}

#define SAME(...) EXPECT_EQ(ours(64, __VA_ARGS__), libc(64, __VA_ARGS__))

TEST(WebPrintf, IntegersStringsAndCharactersAsTheCLibraryWritesThem) {
    for (int v : {0, 7, -7, 42, -42, 123456, -2147483647 - 1, 2147483647}) {
        SAME("%d", v);
        SAME("%5d|%-5d|%05d|%+d|% d", v, v, v, v, v);
        SAME("%.3d|%8.3d", v, v);
        SAME("%x %X %08X %.4X %04x %#x", v, v, v, v, v, v);
        SAME("%u", static_cast<unsigned>(v));
    }
    SAME("%lld %llu %zu", -9007199254740993LL, 18446744073709551615ULL, static_cast<std::size_t>(12345));
    // Each size as it is passed, the arguments after it read right.
    SAME("%ld|%lu|%zd|%td|%jd|%d", -123456789L, 4000000000UL, static_cast<std::ptrdiff_t>(-5), static_cast<std::ptrdiff_t>(77),
         static_cast<std::intmax_t>(-9), 42);
    SAME("%hd|%hhd|%hu|%hhu|%d", 70000, 300, 70000, 300, 7);
    SAME("%#o|%#o|%o", 8, 0, 64);
    SAME("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", 2016, 2, 26, 9, 5, 7, 42);
    SAME("<U+%.4X>", 0x1F);
    SAME("\\u%04x", 0x7f);
    SAME("##Tooltip_%02d", 3);
    SAME("%s/%s_%08X", "parent", "child", 0xDEADBEEFu);
    SAME("[%s] [%.3s] [%10s] [%-10s] [%.*s]", "text", "text", "text", "text", 2, "text");
    SAME("%c%c%%", 'a', 'Z');
    SAME("%5.1f%%", 12.34);
}

TEST(WebPrintf, KeepsToTheBufferAndCountsEverything) {
    EXPECT_EQ(ours(4, "%d", 123456), libc(4, "%d", 123456));
    EXPECT_EQ(ours(1, "%s", "abc"), libc(1, "%s", "abc"));
    EXPECT_EQ(ours(0, "%s", "abc"), libc(0, "%s", "abc"));
}

TEST(WebPrintf, FixedNotationIsExactAndRoundsHalfToEven) {
    // Exact ties, and values just beside them.
    for (double v : {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 1e-7, 99.995, 0.1, 1.0 / 3})
        for (int p = 0; p <= 6; ++p) SAME("%.*f", p, v);
    // The whole range: the largest double has 309 digits, the smallest needs hundreds of decimals.
    EXPECT_EQ(ours(400, "%.0f", DBL_MAX), libc(400, "%.0f", DBL_MAX));
    EXPECT_EQ(ours(400, "%.20f", 5e-324), libc(400, "%.20f", 5e-324));
    EXPECT_EQ(ours(400, "%.0f|%.3f|%.2f%%|%.1f", 1e22, 123456789.0125, 7.4, -3.25), libc(400, "%.0f|%.3f|%.2f%%|%.1f", 1e22, 123456789.0125, 7.4, -3.25));
    SAME("%f %F %f %.2f", HUGE_VAL, -HUGE_VAL, std::nan(""), 1.0);
    std::mt19937_64 random(2016);
    for (int i = 0; i < 20000; ++i) {
        const double v = std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random),
                                    std::uniform_int_distribution<int>(-80, 120)(random));
        const int p = std::uniform_int_distribution<int>(0, 20)(random);
        ASSERT_EQ(ours(400, "%.*f", p, v), libc(400, "%.*f", p, v)) << v << " " << p;
    }
}

}  // namespace
