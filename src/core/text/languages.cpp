// The language files compiled into the program: English everywhere, French and Arabic natively
// (LIKELOSS_ALL_LANGUAGES). The web build fetches the others when a visitor needs them, so a
// Latin-script first load carries one language.
#include <cstdlib>

#include "embedded.hpp"
#include "text/messages.hpp"

namespace likeloss {

const char* language_file(std::string_view language) {
    if (language == "en") return kLangEn;
#ifdef LIKELOSS_ALL_LANGUAGES
    if (language == "fr") return kLangFr;
    if (language == "ar") return kLangAr;
#endif
    return nullptr;
}

const Catalogue& english_catalogue() {
    static const Catalogue c = [] {
        std::optional<Catalogue> parsed = Catalogue::parse(kLangEn, english(), nullptr, /*page_messages=*/false);
        if (!parsed) std::abort();  // checked by the unit tests: a broken build, not a visitor's input
        return std::move(*parsed);
    }();
    return c;
}

const Words& english_words() {
    static const Words w{&english(), &english_catalogue()};
    return w;
}

}  // namespace likeloss
