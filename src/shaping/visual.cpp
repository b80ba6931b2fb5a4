#include "visual.hpp"

#include <fribidi.h>

#include <climits>
#include <vector>

#include "text/script.hpp"

namespace likeloss {

namespace {

constexpr FriBidiChar kZeroWidthNoBreakSpace = 0xFEFF;  // also where shaping puts a lam it absorbed

bool is_presentation_form(FriBidiChar c) { return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC); }

// Dropped from the visual line: ImGui would draw a box or a gap for each, and their work (on
// levels, on joining) is done by then.
bool invisible(FriBidiChar c) {
    return is_bidi_control(c) || c == 0x200C || c == 0x200D || c == kZeroWidthNoBreakSpace;
}

// A line break inside the one line is a space: FriBidi would treat it as the end of a paragraph.
bool line_break(FriBidiChar c) {
    return c == '\n' || c == '\r' || c == 0x0085 || c == 0x2028 || c == 0x2029 || (c >= 0x1C && c <= 0x1E);
}

// Needs the bidi pass: something that either reorders or must be removed.
bool needs_work(FriBidiChar c) {
    if (invisible(c) || line_break(c)) return true;
    const FriBidiCharType type = fribidi_get_bidi_type(c);  // R, AL, AN, RLE, RLO, RLI
    return FRIBIDI_IS_RTL(type) || FRIBIDI_IS_ARABIC(type);
}

std::string encode(const std::vector<FriBidiChar>& text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (FriBidiChar c : text)
        if (!invisible(c)) append_utf8(out, c);
    return out;
}

}  // namespace

std::string visual_line(std::string_view logical_utf8, bool rtl_base) {
    // The common case first: ASCII has nothing to reorder except through a line break.
    bool ascii = true;
    for (char byte : logical_utf8) {
        const auto b = static_cast<unsigned char>(byte);
        if (b >= 0x80 || b == '\n' || b == '\r' || (b >= 0x1C && b <= 0x1E)) {
            ascii = false;
            break;
        }
    }
    if (ascii) return std::string(logical_utf8);

    std::vector<FriBidiChar> text;
    text.reserve(logical_utf8.size());
    bool work = false;
    for (std::size_t pos = 0; pos < logical_utf8.size();) {
        const std::size_t start = pos;
        FriBidiChar c = next_codepoint(logical_utf8, pos);
        // An ill-formed subpart (U+FFFD from fewer than its own three bytes) changes the text too.
        const bool ill_formed = c == 0xFFFD && logical_utf8.substr(start, pos - start) != "\xEF\xBF\xBD";
        work = work || ill_formed || needs_work(c);
        text.push_back(line_break(c) ? FriBidiChar{' '} : c);
    }
    if (!work) return std::string(logical_utf8);
    if (text.size() > static_cast<std::size_t>(INT_MAX)) return encode(text);
    const auto n = static_cast<FriBidiStrIndex>(text.size());

    // Presentation forms already in the text stay as they are: FriBidi would otherwise join an
    // initial lam and a final alef copied from a PDF into a ligature.
    std::vector<bool> given(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) given[i] = is_presentation_form(text[i]);

    std::vector<FriBidiCharType> types(text.size());
    std::vector<FriBidiBracketType> brackets(text.size());
    std::vector<FriBidiLevel> levels(text.size());
    std::vector<FriBidiArabicProp> joining(text.size());
    fribidi_get_bidi_types(text.data(), n, types.data());
    fribidi_get_bracket_types(text.data(), n, types.data(), brackets.data());
    FriBidiParType direction = rtl_base ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data()))
        return encode(text);  // out of memory: the logical order is still readable

    fribidi_get_joining_types(text.data(), n, joining.data());
    fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
    const std::vector<FriBidiChar> before = text;
    // Mirroring (FRIBIDI_FLAGS_DEFAULT) turns "(" into ")" inside RTL runs, as their glyphs must be.
    const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
    fribidi_shape(flags, levels.data(), n, joining.data(), text.data());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A ligature puts U+FEFF at i and the lam-alef at i + 1: undo both when i was given.
        if (given[i] && text[i] != before[i]) {
            text[i] = before[i];
            if (i + 1 < text.size()) text[i + 1] = before[i + 1];
        }
    }

    // Without REORDER_NSM (part of the default flags) a harakah stays where the reversal puts it:
    // before its letter in visual order. That is where Noto Sans Arabic's marks expect to be drawn:
    // their glyphs have no advance and positive x, so they land on the glyph drawn next.
    const FriBidiFlags reorder = flags & ~FRIBIDI_FLAG_REORDER_NSM;
    if (!fribidi_reorder_line(reorder, types.data(), n, 0, direction, levels.data(), text.data(), nullptr))
        return encode(before);
    return encode(text);
}

}  // namespace likeloss
