// Which scripts a text is in, as far as drawing it goes: whether a line needs the bidi + Arabic
// shaping module (src/shaping, downloaded only when a widget shows such text), and a filter for
// the invisible controls that would reorder text around an untrusted string. Pure C++17.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace likeloss {

// The code point that starts at s[pos], and pos moved past it. Ill-formed UTF-8 (a stray or
// truncated sequence, an overlong form, a surrogate, past U+10FFFF) gives U+FFFD for each maximal
// subpart, as Unicode (chapter 3, "U+FFFD substitution of maximal subparts") and browsers do.
// Never reads at or past s.size(); pos must be below it.
char32_t next_codepoint(std::string_view s, std::size_t& pos);

// c as UTF-8 at the end of out (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8(std::string& out, char32_t c);

// A code point of a right-to-left script: Hebrew to Arabic Extended-A (U+0590-U+08FF, which holds
// Syriac, Thaana, NKo, Samaritan and Mandaic too), the Hebrew and Arabic presentation forms
// (U+FB1D-U+FDFF, U+FE70-U+FEFC) and the supplementary RTL ranges (U+10800-U+10FFF,
// U+1E800-U+1EFFF). U+FEFF, the byte order mark at the end of Presentation Forms-B, is not one.
bool is_rtl_codepoint(char32_t c);

// True when `utf8` has a right-to-left code point, so drawing it needs visual_line (bidi order and
// Arabic joining). Explicit bidi controls alone do not count: strip those (strip_bidi_controls)
// rather than download the shaping module for them.
bool needs_shaping(std::string_view utf8);

// True when `utf8` has an Arabic-script code point: Arabic, Arabic Supplement, Arabic Extended-A
// (U+0600-U+06FF, U+0750-U+077F, U+08A0-U+08FF) or the Arabic presentation forms (U+FB50-U+FDFF,
// U+FE70-U+FEFC): the text needs the Arabic font, not only the bidi pass.
bool has_arabic(std::string_view utf8);

// U+200E, U+200F, U+061C (marks), U+202A-U+202E (embeddings, overrides, pop) and U+2066-U+2069
// (isolates).
bool is_bidi_control(char32_t c);

// `utf8` without its bidi controls, for strings from URL parameters and feeds, which must not
// reorder the text drawn around them. Ill-formed sequences become U+FFFD, so that removing a
// control can never join the bytes around it into a new one.
std::string strip_bidi_controls(std::string_view utf8);

// The isolates (LRI, RLI, FSI) a text opens and leaves open, in order. A paragraph broken into
// lines closes them at the end of a line and opens them again on the next, so an isolated name cut
// by a line break keeps its own direction on both lines (close_isolates: the PDIs that close them).
std::string open_isolates(std::string_view utf8);
std::string close_isolates(std::string_view open);

}  // namespace likeloss
