// The message catalogue: every language says every message, with the same placeholders, and the
// plural form CLDR's rules pick.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "params/options.hpp"
#include "text/messages.hpp"

using namespace likeloss;

namespace {

const char* const kLanguages[] = {"en", "fr", "ar"};

Catalogue load(const char* language) {
    std::string error;
    const Locale* l = find_locale(language);
    EXPECT_NE(l, nullptr) << language;
    std::optional<Catalogue> c = Catalogue::parse(language_file(language), *l, &error);
    EXPECT_TRUE(c.has_value()) << language << ": " << error;
    return c ? *c : english_catalogue();
}

std::set<char> placeholders(const std::vector<std::string>& forms) {
    std::set<char> out;
    for (const std::string& f : forms)
        for (std::size_t i = f.find('{'); i != std::string::npos; i = f.find('{', i + 1)) out.insert(f[i + 1]);
    return out;
}

}  // namespace

TEST(Messages, EveryLanguageHasEveryMessageWithTheSamePlaceholders) {
    const Catalogue& en = english_catalogue();
    for (const char* language : kLanguages) {
        const Catalogue c = load(language);
        for (std::size_t i = 0; i < kMessageCount; ++i) {
            const Msg id = static_cast<Msg>(i);
            EXPECT_EQ(placeholders(c.forms(id)), placeholders(en.forms(id))) << language << ": " << message_key(id);
            // Plural messages are plural everywhere, plain ones plain.
            EXPECT_EQ(c.forms(id).size() > 1, en.forms(id).size() > 1) << language << ": " << message_key(id);
        }
    }
}

// A language file as written (src/core/text/lang, read beside this file), keyed by id.
static nlohmann::json written(const char* language) {
    const std::string here = __FILE__;
    std::ifstream in(here.substr(0, here.rfind("tests/core/")) + "src/core/text/lang/" + language + ".json");
    return nlohmann::json::parse(in);
}

TEST(Messages, AFileWithAMissingOrMisshapenMessageIsRefusedWithItsName) {
    std::string error;
    EXPECT_FALSE(Catalogue::parse("{}", english(), &error));
    EXPECT_EQ(error, "likes is missing");
    EXPECT_FALSE(Catalogue::parse("[\"x\"]", english(), &error));
    EXPECT_EQ(error, "not a language file");
    for (const char* language : kLanguages)  // as written and as sent (in order, without names)
        EXPECT_TRUE(Catalogue::parse(written(language).dump(), *find_locale(language), &error)) << error;
    nlohmann::json file = written("en");
    file["likes"] = {"{0} like"};
    EXPECT_FALSE(Catalogue::parse(file.dump(), english(), &error));
    EXPECT_EQ(error, "likes must be text, or 2 plural forms");
    file = written("en");
    file["pages"][0] = "{x} page";
    EXPECT_FALSE(Catalogue::parse(file.dump(), english(), &error));
    EXPECT_EQ(error, "pages has a brace that is not {0}..{9}");
}

TEST(Messages, CountsTakeTheirPluralForm) {
    const Catalogue en = load("en"), fr = load("fr"), ar = load("ar");
    const Locale &l_en = english(), &l_fr = *find_locale("fr"), &l_ar = *find_locale("ar");
    const auto likes = [](const Catalogue& c, const Locale& l, double n) {
        return c.say(l, Msg::likes, {Arg(locale_count(l, static_cast<std::int64_t>(n)), n)});
    };
    EXPECT_EQ(likes(en, l_en, 1), "1 like");
    EXPECT_EQ(likes(en, l_en, 2), "2 likes");
    EXPECT_EQ(likes(en, l_en, 0), "0 likes");
    EXPECT_EQ(likes(fr, l_fr, 0), "0 j\u2019aime");
    EXPECT_EQ(likes(fr, l_fr, 1000000), "1\u202F000\u202F000 de j\u2019aime");
    EXPECT_EQ(likes(ar, l_ar, 1), "إعجاب واحد");
    EXPECT_EQ(likes(ar, l_ar, 2), "إعجابان");
    EXPECT_EQ(likes(ar, l_ar, 3), "3 إعجابات");
    EXPECT_EQ(likes(ar, l_ar, 11), "11 إعجاباً");
    EXPECT_EQ(likes(ar, l_ar, 100), "100 إعجاب");
    EXPECT_EQ(likes(ar, l_ar, 187680), "187.680 إعجاباً");  // 187680 % 100 = 80: many
}

TEST(Messages, UntrustedTextIsOneIsolatedRunWithoutItsOwnControls) {
    // U+202E RIGHT-TO-LEFT OVERRIDE and fake digits must not reverse what follows.
    EXPECT_EQ(isolate("Campaign\u202E0001"), "\u2068Campaign0001\u2069");
    EXPECT_EQ(isolate("\u2066a\u2069\u200Fb\u061C"), "\u2068ab\u2069");
    EXPECT_EQ(isolate("اتصالات المغرب"), "\u2068اتصالات المغرب\u2069");
}

// The small print on an ignored parameter is made in the widget's language, with what it names.
TEST(Messages, IgnoredParametersAreExplainedInTheWidgetsLanguage) {
    const Catalogue fr = load("fr"), ar = load("ar");
    const Words in_fr{find_locale("fr"), &fr}, in_ar{find_locale("ar"), &ar};
    const Options o = parse_options("layout=big&lang=tlh");
    ASSERT_EQ(o.ignored.size(), 2u);
    EXPECT_EQ(o.ignored[0].why(), "not full, compact or badge");
    EXPECT_EQ(in_fr.say(Msg::ignored, {o.ignored[0].key, o.ignored[0].why(in_fr)}),
              "Le param\u00E8tre layout a \u00E9t\u00E9 ignor\u00E9 (ni full, ni compact, ni badge).");
    EXPECT_EQ(o.ignored[1].why(in_ar), "ليس en أو fr أو fr-MA أو ar أو auto");
    const Ignored page{"pages", Msg::no_page, "orange"};
    EXPECT_EQ(page.why(in_fr), "le flux n\u2019a pas de page orange");
}
