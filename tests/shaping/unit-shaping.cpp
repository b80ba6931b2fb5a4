// visual_line: Arabic shaping and bidi order through FriBidi. The expected code points are worked
// out by hand from Unicode's data, not taken from a run:
//   - joining types from ArabicShaping.txt: dual-joining (D) letters join on both sides; alef,
//     dal, reh, waw and their hamza forms are right-joining (R): they join the letter before them
//     (logically) but never the one after; harakat are transparent (T);
//   - the forms from Arabic Presentation Forms-B, in the order isolated, final, initial, medial;
//     the same table FriBidi generates (lib/arabic-shaping.tab.i), e.g. meem FEE1 FEE2 FEE3 FEE4;
//   - lam (initial or medial) + alef (final) is one mandatory ligature: FEFB isolated, FEFC final
//     (FEF5/FEF6 with madda, FEF7/FEF8 hamza above, FEF9/FEFA hamza below);
//   - then the Unicode Bidirectional Algorithm (UAX #9) puts the line in visual order, left to
//     right as ImGui draws it: a right-to-left run comes out reversed.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "text/script.hpp"
#include "visual.hpp"

namespace likeloss {
namespace {

// "FEE1 FEFC FEB3": code points in hex, for readable failures. A decoder of its own for
// well-formed UTF-8, so that the expectations do not lean on the code under test.
std::string points(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        unsigned c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        for (int k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        char hex[16];
        std::snprintf(hex, sizeof hex, "%s%04X", out.empty() ? "" : " ", c);
        out += hex;
        i += n;
    }
    return out;
}

std::string rtl(std::string_view s) { return points(visual_line(s, true)); }
std::string ltr(std::string_view s) { return points(visual_line(s, false)); }

TEST(Shaping, LamAlefIsOneLigature) {
    // lam initial FEDF + alef final FE8E -> FEFB; the absorbed lam's U+FEFF is dropped.
    EXPECT_EQ(rtl("\u0644\u0627"), "FEFB");
    EXPECT_EQ(ltr("\u0644\u0627"), "FEFB");
    // lam + alef with hamza below (U+0625) -> FEF9.
    EXPECT_EQ(rtl("\u0644\u0625"), "FEF9");
}

TEST(Shaping, SalamInVisualOrder) {
    // سلام = seen, lam, alef, meem. Seen starts the word and joins lam: initial FEB3. Lam joins on
    // both sides (alef joins what precedes it): medial FEE0, and with alef final FE8E forms the final
    // ligature FEFC. Meem follows alef, which never joins forward: isolated FEE1.
    // Logical FEB3 FEFC FEE1, reversed for the right-to-left run.
    EXPECT_EQ(rtl("\u0633\u0644\u0627\u0645"), "FEE1 FEFC FEB3");
}

TEST(Shaping, OperatorNames2016) {
    // اتصالات المغرب (Maroc Telecom). Word 1: alef isolated FE8D (nothing before it); teh initial
    // FE97 (alef does not join forward); sad medial FEBC; alef final FE8E; lam initial FEDF + alef
    // final FE8E = lam-alef isolated FEFB; teh isolated FE95. Word 2: alef isolated FE8D; lam initial
    // FEDF; meem medial FEE4; ghain medial FED0 (reh joins back); reh final FEAE; beh isolated FE8F.
    const std::string maroc_telecom = "\u0627\u062A\u0635\u0627\u0644\u0627\u062A \u0627\u0644\u0645\u063A\u0631\u0628";
    const char* visual = "FE8F FEAE FED0 FEE4 FEDF FE8D 0020 FE95 FEFB FE8E FEBC FE97 FE8D";
    EXPECT_EQ(rtl(maroc_telecom), visual);
    EXPECT_EQ(ltr(maroc_telecom), visual);  // all Arabic: the same in an LTR paragraph

    // إنوي (Inwi): alef with hamza below isolated FE87; noon initial FEE7; waw final FEEE; yeh
    // isolated FEF1 (waw does not join forward).
    EXPECT_EQ(rtl("\u0625\u0646\u0648\u064A"), "FEF1 FEEE FEE7 FE87");

    // ميديتل (Meditel): meem initial FEE3; yeh medial FEF4; dal final FEAA; yeh initial FEF3; teh
    // medial FE98; lam final FEDE.
    EXPECT_EQ(rtl("\u0645\u064A\u062F\u064A\u062A\u0644"), "FEDE FE98 FEF3 FEAA FEF4 FEE3");
}

TEST(Shaping, LatinNameAndDigitsInsideArabic) {
    // خسرت Maroc Telecom 187,680 إعجاباً ("Maroc Telecom lost 187,680 likes"), RTL paragraph.
    // khah initial FEA7, seen medial FEB4, reh final FEAE, teh isolated FE95. alef-hamza-below
    // isolated FE87, ain initial FECB, jeem medial FEA0, alef final FE8E, beh initial FE91, alef
    // final FE8E, then fathatan U+064B (transparent, unchanged).
    // UAX #9: the digits follow the Latin name (W7: EN after L becomes L), so "Maroc Telecom
    // 187,680" is one left-to-right run at level 2, kept in its order; the spaces around it sit
    // between L and R and take the paragraph's level 1. Reversing level 1 puts the second word on
    // the left; the fathatan, logically after its alef, comes before it, where a zero-advance mark
    // drawn next lands on the alef (Noto Sans Arabic's harakat have no advance and positive x).
    EXPECT_EQ(
        rtl("\u062E\u0633\u0631\u062A Maroc Telecom 187,680 \u0625\u0639\u062C\u0627\u0628\u0627\u064B"),
        "064B FE8E FE91 FE8E FEA0 FECB FE87 0020 " + points("Maroc Telecom 187,680") + " 0020 FE95 FEAE FEB4 FEA7");

    // Digits after Arabic alone (W2 leaves them EN) still read left to right, at level 2.
    EXPECT_EQ(rtl("\u062E\u0633\u0631\u062A 187,680"), points("187,680") + " 0020 FE95 FEAE FEB4 FEA7");
    // Arabic-Indic digits (AN) too: ١٢٣ stays 0661 0662 0663.
    EXPECT_EQ(rtl("\u0644\u0627 \u0661\u0662\u0663"), "0661 0662 0663 0020 FEFB");

    // In an LTR paragraph the Latin comes first and the Arabic word is reversed on its own.
    EXPECT_EQ(ltr("Inwi \u0625\u0646\u0648\u064A!"), points("Inwi ") + " FEF1 FEEE FEE7 FE87 0021");
}

TEST(Shaping, BracketsAreMirroredInsideRightToLeftRuns) {
    // (سلام): the brackets resolve to R (N0) and are mirrored (BidiMirroring.txt), so the visual
    // line still reads "(salam)" from the right.
    EXPECT_EQ(rtl("(\u0633\u0644\u0627\u0645)"), "0028 FEE1 FEFC FEB3 0029");
}

TEST(Shaping, PresentationFormsAreReorderedNotChanged) {
    // ﺳﻼﻡ copied from a PDF, already shaped: only the order changes.
    EXPECT_EQ(rtl("\uFEB3\uFEFC\uFEE1"), "FEE1 FEFC FEB3");
    // An initial lam and a final alef given separately stay separate (no FEFB is made of them).
    EXPECT_EQ(rtl("\uFEDF\uFE8E"), "FE8E FEDF");
    // Mixed with base letters: the base letters are shaped (beh isolated FE8F), the forms kept.
    EXPECT_EQ(rtl("\uFE8D\uFEDF\uFEE4\uFED0\uFEAE\uFE8F \u0628"), "FE8F 0020 FE8F FEAE FED0 FEE4 FEDF FE8D");
    // Presentation Forms-A (Persian/Urdu): peh initial FB58 stays.
    EXPECT_EQ(rtl("\uFB58\uFE8E"), "FE8E FB58");
}

TEST(Shaping, LeftToRightTextIsUntouched) {
    for (const char* s : {"", "Maroc Telecom", "Maroc Telecom: 187,680 likes (7.67%)", "10 - 20", "-7.40%",
                          "Caf\u00E9 \u20AC 1\u202F000"}) {
        EXPECT_EQ(visual_line(s, false), s);
        EXPECT_EQ(visual_line(s, true), s);  // no right-to-left character: the base does not matter
    }
}

TEST(Shaping, LineBreaksAreSpaces) {
    EXPECT_EQ(visual_line("one\ntwo\r\nthree", false), "one two  three");
    EXPECT_EQ(rtl("\u0644\u0627\n\u0644\u0627"), "FEFB 0020 FEFB");
}

TEST(Shaping, ControlsAndJoinersActThenGo) {
    // RLO forces "abc" right to left; then the RLO and the PDF are dropped.
    EXPECT_EQ(visual_line("\u202E"
                          "abc\u202C",
                          false),
              "cba");
    // An RLI-isolated Arabic word inside English: isolated, reversed, the isolates gone.
    EXPECT_EQ(ltr("by \u2067\u0625\u0646\u0648\u064A\u2069 now"),
              points("by ") + " FEF1 FEEE FEE7 FE87 " + points(" now"));
    // ZWJ is join-causing (ArabicShaping.txt: C): a lone beh before it takes its initial form FE91,
    // as in an abbreviation; the ZWJ itself is not drawn.
    EXPECT_EQ(rtl("\u0628\u200D"), "FE91");
    // ZWNJ between beh and beh breaks the join: two isolated FE8F.
    EXPECT_EQ(rtl("\u0628\u200C\u0628"), "FE8F FE8F");
    // A byte order mark is dropped, even in Latin text.
    EXPECT_EQ(visual_line("\uFEFFabc", false), "abc");
    // A mark is applied, then dropped. In an RTL paragraph a "!" after a Latin name sits between L
    // and the paragraph's end (R), so it takes level 1 and goes to the far left; an LRM after it
    // keeps it with the name.
    EXPECT_EQ(rtl("\u0644\u0627 Inwi!"), "0021 " + points("Inwi") + " 0020 FEFB");
    EXPECT_EQ(rtl("\u0644\u0627 Inwi!\u200E"), points("Inwi!") + " 0020 FEFB");
}

TEST(Shaping, IllFormedUtf8BecomesReplacementCharacters) {
    EXPECT_EQ(visual_line("abc\xC3", false), "abc\uFFFD");
    EXPECT_EQ(visual_line("\xC0\xAF", true), "\uFFFD\uFFFD");
    // A stray byte before Arabic: U+FFFD is a neutral at the start of an RTL paragraph, so it sits
    // on the right end with the Arabic.
    EXPECT_EQ(rtl("\xFF\u0644\u0627"), "FEFB FFFD");
    // An Arabic letter cut in half at the end.
    EXPECT_EQ(rtl("\u0644\u0627\xD8"), "FFFD FEFB");
    // A real U+FFFD in Latin text is not an error: the text is returned as it is.
    EXPECT_EQ(visual_line("a\uFFFD", false), "a\uFFFD");
    // Every prefix of a multi-byte line: no crash, no over-read, well-formed output.
    const std::string line =
        "\u062E\u0633\u0631\u062A Maroc Telecom 187,680 \u0625\u0639\u062C\u0627\u0628\u0627\u064B";
    for (std::size_t n = 0; n <= line.size(); ++n) {
        const std::string out = visual_line(std::string_view(line).substr(0, n), true);
        EXPECT_EQ(strip_bidi_controls(out), out) << n;  // well-formed: nothing replaced
    }
}

}  // namespace
}  // namespace likeloss
