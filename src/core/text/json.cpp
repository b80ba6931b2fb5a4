#include "text/json.hpp"

namespace likeloss {
namespace {

// The document builder, noting where the text stopped being JSON: one parser for reading and for
// saying what is wrong (a second one would be a second copy of nlohmann's parser on the wire).
struct Builder : nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
    using json_sax_dom_parser::json_sax_dom_parser;
    std::size_t error_at = 0;
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
        error_at = position;
        return json_sax_dom_parser::parse_error(position, token, e);
    }
};

}  // namespace

nlohmann::json read_json(std::string_view text, std::size_t* error_at) {
    nlohmann::json document;
    Builder builder(document, /*allow_exceptions=*/false);
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder) || builder.is_errored()) {
        if (error_at) *error_at = builder.error_at;
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    return document;
}

}  // namespace likeloss
