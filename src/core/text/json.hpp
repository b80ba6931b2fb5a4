// The one JSON reader of likeloss: a document, or a discarded value (is_discarded()) when the text
// is not JSON. It builds the document directly, without nlohmann::json::parse's per-value callback
// machinery, which the widget never uses and every visitor would download.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

namespace likeloss {

// `error_at`, when given and the text is not JSON: the byte where reading stopped (past the end
// when the text ends early).
nlohmann::json read_json(std::string_view text, std::size_t* error_at = nullptr);

}  // namespace likeloss
