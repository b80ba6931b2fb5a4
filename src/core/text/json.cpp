#include "text/json.hpp"

namespace likeloss {

nlohmann::json read_json(std::string_view text) {
    nlohmann::json document;
    nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(document, /*allow_exceptions=*/false);
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder) || builder.is_errored())
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return document;
}

}  // namespace likeloss
