#include "text/messages.hpp"

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "text/script.hpp"

namespace likeloss {
namespace {

const char* const kKeys[] = {
#define LIKELOSS_KEY(id) #id,
    LIKELOSS_MESSAGES(LIKELOSS_KEY)
#undef LIKELOSS_KEY
};

// "{0}" ... "{9}" only: a brace that opens anything else is a mistake in the file.
bool placeholders_ok(const std::string& s) {
    for (std::size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1))
        if (i + 2 >= s.size() || s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] != '}') return false;
    return true;
}

}  // namespace

const char* message_key(Msg id) { return kKeys[static_cast<std::size_t>(id)]; }

bool page_message(Msg id) { return id >= Msg::page_title; }  // the last ones of the list

std::optional<Catalogue> Catalogue::parse(std::string_view text, const Locale& locale, std::string* error,
                                          bool page_messages) {
    const auto fail = [&](std::string why) -> std::optional<Catalogue> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    // Keyed by id as written (lang/*.json), or the ids' values in order as sent (tools/language_file.py).
    const nlohmann::json doc = read_json(text);
    const bool in_order = doc.is_array();
    if (!doc.is_object() && !(in_order && doc.size() == kMessageCount)) return fail("not a language file");
    Catalogue c;
    c.forms_.resize(kMessageCount);
    for (std::size_t i = 0; i < kMessageCount; ++i) {
        auto it = in_order ? doc.begin() + static_cast<std::ptrdiff_t>(i) : doc.find(kKeys[i]);
        const bool absent = it == doc.end() || it->is_null();
        std::vector<std::string>& forms = c.forms_[i];
        if (absent && !page_messages && page_message(static_cast<Msg>(i))) {
            forms.emplace_back();
            continue;
        }
        if (absent) return fail(std::string(kKeys[i]) + " is missing");
        if (it->is_string()) {
            forms.push_back(it->get<std::string>());
        } else if (it->is_array() && it->size() == locale.form_count) {
            for (const auto& f : *it) {
                if (!f.is_string()) return fail(std::string(kKeys[i]) + " has a form that is not text");
                forms.push_back(f.get<std::string>());
            }
        } else {
            return fail(std::string(kKeys[i]) + " must be text, or " + std::to_string(locale.form_count) +
                        " plural forms");
        }
        for (const std::string& f : forms)
            if (!placeholders_ok(f)) return fail(std::string(kKeys[i]) + " has a brace that is not {0}..{9}");
    }
    return c;
}

std::string Catalogue::say(const Locale& locale, Msg id, const Arg* args, std::size_t count) const {
    const std::vector<std::string>& forms = forms_[static_cast<std::size_t>(id)];
    std::size_t form = 0;
    if (forms.size() > 1) {
        form = forms.size() - 1;
        for (const Arg* a = args; a != args + count; ++a)
            if (a->count >= 0) {
                form = std::min<std::size_t>(plural_index(locale, a->count), forms.size() - 1);
                break;
            }
    }
    const std::string& pattern = forms[form];
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < count) out += args[n].text;
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string Said::in(const Words& words) const {
    std::vector<Arg> list(args.begin(), args.end());
    if (count >= 0 && !list.empty()) list[0].count = count;
    return words.catalogue->say(*words.locale, id, list.data(), list.size());
}

std::string isolate(std::string_view untrusted) {
    return "\xE2\x81\xA8" + strip_bidi_controls(untrusted) + "\xE2\x81\xA9";  // U+2068 ... U+2069
}

}  // namespace likeloss
