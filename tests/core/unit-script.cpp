// The pure script checks of src/core/text/script.hpp: which text needs the shaping module, and
// the bidi-control filter for untrusted strings. Every input is written as bytes or \u escapes
// whose meaning comes from the Unicode code charts, not from running the code.
#include <gtest/gtest.h>

#include <string>

#include "text/script.hpp"

namespace likeloss {
namespace {

TEST(Script, NeedsShapingForRightToLeftCodePoints) {
    EXPECT_FALSE(needs_shaping(""));
    EXPECT_FALSE(needs_shaping("Maroc Telecom 187,680"));
    EXPECT_FALSE(needs_shaping("Caf\u00E9 \u20AC"));
    EXPECT_FALSE(needs_shaping("\u058F"));  // Armenian dram sign, just below Hebrew
    EXPECT_TRUE(needs_shaping("\u0590"));   // first code point of the Hebrew block
    EXPECT_TRUE(needs_shaping("Inwi \u0625\u0646\u0648\u064A"));
    EXPECT_TRUE(needs_shaping("\u05E9\u05DC\u05D5\u05DD"));  // Hebrew "shalom"
    EXPECT_TRUE(needs_shaping("\u08FF"));                    // last of Arabic Extended-A
    EXPECT_FALSE(needs_shaping("\u0900"));                   // Devanagari
    EXPECT_FALSE(needs_shaping("\uFB1C"));                   // just below the Hebrew presentation forms
    EXPECT_TRUE(needs_shaping("\uFB1D"));
    EXPECT_TRUE(needs_shaping("\uFEFC"));      // lam-alef final, the last Arabic form
    EXPECT_FALSE(needs_shaping("\uFEFF"));     // a byte order mark is not Arabic
    EXPECT_TRUE(needs_shaping("\U00010900"));  // Phoenician
    EXPECT_TRUE(needs_shaping("\U0001E900"));  // Adlam
    // Controls alone: strip them instead of loading the module.
    EXPECT_FALSE(needs_shaping("\u200F\u202Eabc"));
}

TEST(Script, HasArabicOnlyForArabicScript) {
    EXPECT_FALSE(has_arabic(""));
    EXPECT_FALSE(has_arabic("Meditel"));
    EXPECT_FALSE(has_arabic("\u05E9\u05DC\u05D5\u05DD"));  // Hebrew needs bidi, not the Arabic font
    EXPECT_TRUE(has_arabic("\u0600"));
    EXPECT_TRUE(has_arabic("\u0645\u064A\u062F\u064A\u062A\u0644"));  // Meditel in Arabic
    EXPECT_TRUE(has_arabic("\u0750"));                                // Arabic Supplement
    EXPECT_FALSE(has_arabic("\u0780"));                               // Thaana: right to left, not Arabic
    EXPECT_TRUE(has_arabic("\u08A0"));                                // Arabic Extended-A
    EXPECT_FALSE(has_arabic("\uFB4F"));                               // Hebrew ligature alef lamed
    EXPECT_TRUE(has_arabic("\uFB50"));                                // first of Arabic Presentation Forms-A
    EXPECT_TRUE(has_arabic("\uFE70"));                                // first of Presentation Forms-B
    EXPECT_FALSE(has_arabic("\uFEFF"));
}

TEST(Script, IllFormedTextIsReadSafely) {
    // A lead byte cut off at the end, a stray continuation, overlong and surrogate forms, bytes
    // never used in UTF-8: nothing is over-read (the sanitised build checks) and nothing matches.
    for (const char* bytes : {"\xD8", "\xD6", "\xEF\xBB", "\xEF\xBB\xBF", "\x80\xA7", "\xC0\xAF", "\xED\xA0\x80",
                              "\xF4\x90\x80\x80", "\xFF\xFE", "\xF0\x9F"}) {
        EXPECT_FALSE(needs_shaping(bytes)) << bytes;
        EXPECT_FALSE(has_arabic(bytes)) << bytes;
    }
    // The alef after a truncated sequence is still found: the bad byte ends its subpart there.
    EXPECT_TRUE(has_arabic("\xD8\xD8\xA7"));
    EXPECT_TRUE(needs_shaping("\xE2\x80\xD8\xA7"));
}

TEST(Script, NextCodepointReplacesEachMaximalSubpart) {
    // Unicode 15, table 3-8: "\xC0\xAF" is two subparts, "\xED\xA0\x80" three, "\xF4\x90\x80\x80"
    // four, while "\xE2\x80" cut short is one.
    const auto count = [](std::string_view s) {
        std::size_t pos = 0, replaced = 0, points = 0;
        while (pos < s.size()) {
            replaced += next_codepoint(s, pos) == 0xFFFD;
            ++points;
        }
        return std::make_pair(points, replaced);
    };
    EXPECT_EQ(count("\xC0\xAF"), std::make_pair(std::size_t{2}, std::size_t{2}));
    EXPECT_EQ(count("\xED\xA0\x80"), std::make_pair(std::size_t{3}, std::size_t{3}));
    EXPECT_EQ(count("\xF4\x90\x80\x80"), std::make_pair(std::size_t{4}, std::size_t{4}));
    EXPECT_EQ(count("\xE2\x80"), std::make_pair(std::size_t{1}, std::size_t{1}));
    EXPECT_EQ(count("a\xE2\x80"
                    "b"),
              std::make_pair(std::size_t{3}, std::size_t{1}));
    EXPECT_EQ(count("\xF0\x9F\x98\x80"), std::make_pair(std::size_t{1}, std::size_t{0}));  // U+1F600

    std::size_t pos = 0;
    EXPECT_EQ(next_codepoint("\xD8\xA7", pos), char32_t{0x0627});
    EXPECT_EQ(pos, 2u);
}

TEST(Script, StripBidiControlsRemovesEveryControl) {
    // LRM, RLM, ALM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI.
    EXPECT_EQ(strip_bidi_controls("a\u200E"
                                  "b\u200F"
                                  "c\u061C"
                                  "d"),
              "abcd");
    EXPECT_EQ(strip_bidi_controls("\u202A"
                                  "1\u202B"
                                  "2\u202C"
                                  "3\u202D"
                                  "4\u202E"
                                  "5"),
              "12345");
    EXPECT_EQ(strip_bidi_controls("\u2066"
                                  "x\u2067"
                                  "y\u2068"
                                  "z\u2069"),
              "xyz");
    // The "Trojan Source" pattern: an override that would show "gnp.exe" as "exe.png".
    EXPECT_EQ(strip_bidi_controls("invoice\u202Egnp.exe"), "invoicegnp.exe");
    // Everything else stays byte for byte, joiners and Arabic included.
    const std::string arabic = "\u0627\u062A\u0635\u0627\u0644\u0627\u062A \u0627\u0644\u0645\u063A\u0631\u0628";
    EXPECT_EQ(strip_bidi_controls(arabic), arabic);
    EXPECT_EQ(strip_bidi_controls("\u200C\u200D\uFEFF\uFFFD"), "\u200C\u200D\uFEFF\uFFFD");
    EXPECT_EQ(strip_bidi_controls(""), "");
}

TEST(Script, StripBidiControlsNeverBuildsAControlFromBrokenBytes) {
    // "\xE2" + LRM + "\x80\x8E": removing the LRM alone would leave E2 80 8E, a new LRM. Each broken
    // subpart becomes U+FFFD instead.
    EXPECT_EQ(strip_bidi_controls("\xE2\xE2\x80\x8E\x80\x8E"), "\uFFFD\uFFFD\uFFFD");
    EXPECT_EQ(strip_bidi_controls("ok\xFF"), "ok\uFFFD");
    EXPECT_EQ(strip_bidi_controls("\xE2\x80"), "\uFFFD");
}

// A name isolated in a sentence and cut by a line break: the first line closes what it opened, and
// the next opens it again, so the name keeps its direction on both lines.
TEST(Script, OpenIsolatesAreCarriedAcrossALineBreak) {
    const std::string fsi = "\u2068", rli = "\u2067", pdi = "\u2069";
    EXPECT_EQ(open_isolates("no controls"), "");
    EXPECT_EQ(open_isolates("a " + fsi + "Bring Back"), fsi);
    EXPECT_EQ(open_isolates(fsi + "x" + rli + "y"), fsi + rli);
    EXPECT_EQ(open_isolates(fsi + "x" + rli + "y" + pdi), fsi);
    EXPECT_EQ(open_isolates(fsi + "done" + pdi + " then " + pdi), "");  // a stray PDI closes nothing
    EXPECT_EQ(open_isolates("\xE2\x81"), "");                           // a cut sequence is not an opener
    EXPECT_EQ(close_isolates(fsi + rli), pdi + pdi);
    EXPECT_EQ(close_isolates(""), "");
}

}  // namespace
}  // namespace likeloss
