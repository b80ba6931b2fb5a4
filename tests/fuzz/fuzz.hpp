// What the fuzz targets share: splitting one input into several texts, the checks that make a
// wrong answer a crash (libFuzzer keeps the input that caused it), and the bundled feed.
//
// An input holding several texts separates them with a line of three dashes ("\n---\n"): no JSON
// document holds one outside a string, where a raw line break is not allowed, so a seed stays
// readable and a reproducer can be written by hand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "embedded.hpp"
#include "feed/feed.hpp"

namespace fuzz {

// A check that holds for every input: when it fails, the target stops and libFuzzer saves the input.
#define FUZZ_CHECK(condition, ...)                                                               \
    do {                                                                                         \
        if (!(condition)) {                                                                      \
            std::fprintf(stderr, "\n%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::fprintf(stderr, "" __VA_ARGS__);                                                \
            std::fprintf(stderr, "\n");                                                          \
            std::abort();                                                                        \
        }                                                                                        \
    } while (0)

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The texts between "\n---\n" lines, always `count` of them (missing ones are empty; the last
// one keeps any further separators).
inline std::vector<std::string_view> parts(std::string_view input, std::size_t count) {
    static constexpr std::string_view kSeparator = "\n---\n";
    std::vector<std::string_view> out;
    while (out.size() + 1 < count) {
        const auto at = input.find(kSeparator);
        if (at == std::string_view::npos) break;
        out.push_back(input.substr(0, at));
        input.remove_prefix(at + kSeparator.size());
    }
    out.push_back(input);
    out.resize(count);
    return out;
}

// Well-formed UTF-8 (RFC 3629): no stray or missing continuation byte, no overlong form, no
// surrogate, nothing above U+10FFFF. What a visitor reads or a JSON writer gets must be this.
inline bool utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        std::uint32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            len = 2, cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3, cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
}

#define FUZZ_CHECK_UTF8(text, what)                                                                          \
    do {                                                                                                     \
        const std::string fuzz_text_(text);                                                                  \
        FUZZ_CHECK(fuzz::utf8(fuzz_text_), "%s is not well-formed UTF-8: \"%s\"", what, fuzz_text_.c_str()); \
    } while (0)

// The reader's clock for feeds: later than any seed's generated_at, so a good feed is not "from
// the future", and early enough that a generated_at past it (plus the allowed skew) is.
inline likeloss::Instant reader_now() {
    return likeloss::from_civil(2030, 1, 1);
}

// The bundled 2016 campaign, parsed once.
inline const likeloss::Feed& bundled_feed() {
    static const likeloss::Feed feed = [] {
        likeloss::FeedResult r = likeloss::parse_feed(std::string_view(kDefaultFeed, kDefaultFeed_size), reader_now());
        FUZZ_CHECK(r.ok(), "the bundled feed does not parse: %s", r.error.message().c_str());
        return std::move(*r.feed);
    }();
    return feed;
}

// The feed's own rules, checked on what a feed reader holds: a feed that breaks none of them is
// what parse_feed accepts. Also: every text in it is well-formed UTF-8.
inline void check_feed_rules(const likeloss::Feed& f) {
    using namespace likeloss;
    FUZZ_CHECK(!f.pages.empty() && f.pages.size() <= kMaxPages, "%zu pages", f.pages.size());
    FUZZ_CHECK_UTF8(f.campaign.title, "the campaign's title");
    FUZZ_CHECK_UTF8(f.campaign.url, "the campaign's url");
    FUZZ_CHECK_UTF8(f.campaign.note, "the campaign's note");
    for (std::size_t i = 0; i < f.pages.size(); ++i) {
        const Page& p = f.pages[i];
        FUZZ_CHECK_UTF8(p.name, "a page's name");
        for (std::size_t j = 0; j < i; ++j)
            FUZZ_CHECK(!same_page_id(f.pages[j].id, p.id), "pages %zu and %zu are one page: \"%s\" and \"%s\"", j, i,
                       f.pages[j].id.c_str(), p.id.c_str());
        FUZZ_CHECK(p.baseline.count >= 0 && p.baseline.count <= kMaxCount);
        Instant last = p.baseline.at;
        for (const Measurement& s : p.samples) {
            FUZZ_CHECK(s.at > last, "page %s: a sample not after the one before", p.id.c_str());
            FUZZ_CHECK(s.count >= 0 && s.count <= kMaxCount);
            last = s.at;
        }
        FUZZ_CHECK(last <= f.generated_at, "page %s: a measurement after generated_at", p.id.c_str());
    }
}

}  // namespace fuzz
