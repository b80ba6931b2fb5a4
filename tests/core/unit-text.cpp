// The shared text helpers: one trim, one join, one UTF-8 check, one URL escape.
#include <gtest/gtest.h>

#include "text/text.hpp"

using namespace likeloss;

TEST(Text, TrimsAndJoins) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim(" \n "), "");
    EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
    EXPECT_EQ(join({}, "; "), "");
    EXPECT_EQ(join({"only"}, "; "), "only");
}

TEST(Text, Utf8IsCheckedByRfc3629) {
    EXPECT_EQ(utf8_length("Caf\xC3\xA9"), 4u);
    EXPECT_EQ(utf8_length("\xD8\xA7\xD8\xAA\xD8\xB5\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA"), 7u);  // اتصالات
    EXPECT_EQ(utf8_length("\xF0\x9F\x93\x9E"), 1u);  // an emoji, four bytes
    for (const char* bad : {"\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\x80"})
        EXPECT_FALSE(utf8_length(bad).has_value()) << bad;
}

TEST(Text, EscapesForAQuery) {
    EXPECT_EQ(url_escape("EAAB123abc"), "EAAB123abc");
    EXPECT_EQ(url_escape("123|abc/+= &#"), "123%7Cabc%2F%2B%3D%20%26%23");
    EXPECT_EQ(url_escape("a-b._~"), "a-b._~");
}

TEST(Text, APrefixNeverCutsACharacter) {
    EXPECT_EQ(utf8_prefix("abc", 40), "abc");
    EXPECT_EQ(utf8_prefix("a\xC3\xA9\xC3\xA9", 4), "a\xC3\xA9");  // not "a\xC3\xA9\xC3"
    EXPECT_EQ(utf8_prefix("\xF0\x9F\x93\x9E", 2), "");
    EXPECT_TRUE(utf8_length(utf8_prefix("a\xC3\xA9\xC3\xA9\xC3\xA9", 4)).has_value());
}
