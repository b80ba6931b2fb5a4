#include "text/script.hpp"

namespace likeloss {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool continuation(unsigned char b) { return b >= 0x80 && b <= 0xBF; }

}  // namespace

char32_t next_codepoint(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos++);
    if (lead < 0x80) return lead;
    // The length and the range of the second byte come from Unicode's table 3-7 of well-formed
    // sequences; the narrower second-byte ranges are what exclude overlongs, surrogates and values
    // past U+10FFFF.
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;
    char32_t c;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, c = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, c = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return kReplacement;  // a continuation byte on its own, C0, C1 or F5-FF
    }
    for (std::size_t i = 1; i < length; ++i) {
        // A missing or wrong byte ends the maximal subpart before it: that byte starts the next one.
        if (pos >= s.size()) return kReplacement;
        const unsigned char b = byte(pos);
        if (i == 1 ? (b < low || b > high) : !continuation(b)) return kReplacement;
        c = (c << 6) | (b & 0x3F);
        ++pos;
    }
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = kReplacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_rtl_codepoint(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

bool needs_shaping(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        // Every RTL code point is at least U+0590, which starts with byte D6: skip the rest undecoded.
        if (static_cast<unsigned char>(utf8[pos]) < 0xD6) {
            ++pos;
            continue;
        }
        if (is_rtl_codepoint(next_codepoint(utf8, pos))) return true;
    }
    return false;
}

bool has_arabic(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0xD8) {  // U+0600 starts with byte D8
            ++pos;
            continue;
        }
        const char32_t c = next_codepoint(utf8, pos);
        if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
            (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC))
            return true;
    }
    return false;
}

bool is_bidi_control(char32_t c) {
    return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string strip_bidi_controls(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        const char32_t c = next_codepoint(utf8, pos);
        if (is_bidi_control(c)) continue;
        if (c == kReplacement) {
            append_utf8(out, c);  // the replacement of an ill-formed subpart, or a real U+FFFD
        } else {
            out.append(utf8.substr(start, pos - start));
        }
    }
    return out;
}

std::string open_isolates(std::string_view utf8) {
    std::string open;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t c = next_codepoint(utf8, pos);
        if (c >= 0x2066 && c <= 0x2068)
            append_utf8(open, c);
        else if (c == 0x2069 && !open.empty())
            open.resize(open.size() - 3);  // each opener is three bytes of UTF-8
    }
    return open;
}

std::string close_isolates(std::string_view open) {
    std::string close;
    for (std::size_t i = 0; i < open.size(); i += 3) append_utf8(close, 0x2069);
    return close;
}

}  // namespace likeloss
