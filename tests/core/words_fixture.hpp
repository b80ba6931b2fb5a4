// The words of a locale, as a test asks for them: its language's file, compiled in natively.
#pragma once

#include <optional>

#include "text/messages.hpp"

namespace likeloss {

// `keep` holds the catalogue the words point into; it must outlive them.
inline Words words_in(const char* tag, std::optional<Catalogue>& keep) {
    const Locale* l = find_locale(tag);
    keep = Catalogue::parse(language_file(l->language), *l, nullptr);
    return Words{l, &*keep};
}

}  // namespace likeloss
