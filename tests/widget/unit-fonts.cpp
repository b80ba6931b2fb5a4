// Which Latin-1 letters the web build compiles in and which it fetches: the code (src/widget/
// fonts.cpp) and the glyph lists the fonts are cut from (assets/fonts/*.txt) say the same, and the
// widget's own words in every Latin-script language need nothing fetched.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "fonts.hpp"

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The code points a glyph list names (U+XXXX and U+XXXX-YYYY, comments skipped).
std::set<char32_t> listed(const std::string& file) {
    std::set<char32_t> out;
    std::istringstream lines(read(std::string(LIKELOSS_SOURCE_DIR) + "/assets/fonts/" + file));
    const std::regex item("U\\+([0-9A-Fa-f]{4,6})(?:-([0-9A-Fa-f]{4,6}))?");
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        for (std::sregex_iterator it(line.begin(), line.end(), item), end; it != end; ++it) {
            const auto from = static_cast<char32_t>(std::stoul((*it)[1], nullptr, 16));
            const auto to = (*it)[2].matched ? static_cast<char32_t>(std::stoul((*it)[2], nullptr, 16)) : from;
            for (char32_t c = from; c <= to; ++c) out.insert(c);
        }
    }
    return out;
}

std::string utf8(char32_t c) {
    return std::string{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
}

TEST(Fonts, LatinOneIsCompiledInOrFetchedAsTheGlyphListsSay) {
    const std::set<char32_t> compiled = listed("glyphs.txt"), fetched = listed("latin-glyphs.txt");
    for (char32_t c = 0xA0; c <= 0xFF; ++c) {
        EXPECT_NE(compiled.count(c), fetched.count(c)) << std::hex << static_cast<unsigned>(c) << " is in both lists or in neither";
        EXPECT_EQ(likeloss::needs_more_latin("x" + utf8(c) + "y"), fetched.count(c) == 1) << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_FALSE(likeloss::needs_more_latin("Maroc Telecom, Inwi, Méditel: 494\u202f652 j\u2019aime"));
    EXPECT_TRUE(likeloss::needs_more_latin("Telefónica España"));
}

TEST(Fonts, TheWidgetsOwnWordsNeedNoFetchedLetters) {
    for (const char* lang : {"en", "fr"}) {
        const std::string words = read(std::string(LIKELOSS_SOURCE_DIR) + "/src/core/text/lang/" + lang + ".json");
        ASSERT_FALSE(words.empty()) << lang;
        EXPECT_FALSE(likeloss::needs_more_latin(words)) << lang;
    }
}

}  // namespace
