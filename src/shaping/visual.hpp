// One line of text as Dear ImGui must draw it: ImGui draws code points left to right and maps each
// to one glyph, so right-to-left text has to arrive in visual order and Arabic letters in the
// contextual form (initial, medial, final, isolated) they take in that place. FriBidi does both;
// the same code runs natively (Debian's libfribidi) and in arabic.wasm (FriBidi built from source).
#pragma once

#include <string>
#include <string_view>

namespace likeloss {

// `logical_utf8` (one line, in the order it is typed) in visual order, left to right, with its
// Arabic letters as presentation forms (U+FE70-U+FEFC, lam-alef as one ligature) and its brackets
// mirrored inside right-to-left runs. `rtl_base` is the paragraph direction: true for a line of an
// Arabic layout, where a Latin name or a number inside Arabic keeps its own left-to-right order.
//
// - Text with no right-to-left code point, no bidi control, no joiner and no U+FEFF, in
//   well-formed UTF-8, comes back as it is, whatever `rtl_base` says (a plain Latin label or a
//   number is drawn as written).
// - Otherwise: line breaks (LF, CR, NEL, U+2028, U+2029) count as spaces; ill-formed UTF-8 becomes
//   U+FFFD; bidi controls and marks (which act first), ZWJ/ZWNJ (which act on joining first) and
//   U+FEFF are not in the result; text already in presentation forms (copied from a PDF) is put in
//   visual order with its code points unchanged.
std::string visual_line(std::string_view logical_utf8, bool rtl_base);

}  // namespace likeloss
