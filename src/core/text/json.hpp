// The one JSON reader of likeloss: a document, or a discarded value (is_discarded()) when the text
// is not JSON. It builds the document directly, without nlohmann::json::parse's per-value callback
// machinery, which the widget never uses and every visitor would download.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace likeloss {

nlohmann::json read_json(std::string_view text);

}  // namespace likeloss
