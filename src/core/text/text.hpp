// Plain text helpers shared by the core and both platforms: one trim, one join, one UTF-8 check,
// one URL escape, so that no file grows its own slightly different copy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace likeloss {

// Without leading and trailing ASCII white space.
std::string trim(std::string_view s);

// "a, b, c" from {"a", "b", "c"} and ", ".
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Code points in well-formed UTF-8 (RFC 3629), or nothing when it is not: a Latin-1 "Caf\xE9", a
// stray byte, an overlong form, a surrogate, or a code point past U+10FFFF.
std::optional<std::size_t> utf8_length(std::string_view s);

// At most `max_bytes` of `s`, cut before a character rather than inside one (for quoting a
// value back in a message).
std::string utf8_prefix(std::string_view s, std::size_t max_bytes);

// For a URL's query: letters, digits and "-._~" as they are, every other byte as %XX.
std::string url_escape(std::string_view s);

}  // namespace likeloss
