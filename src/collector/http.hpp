// The collector's HTTP client (libcurl): one GET with a time limit and a size cap, no redirects
// (a redirect would carry the token elsewhere), http and https only, and Facebook's usage headers.
#pragma once

#include <cstddef>
#include <string>

namespace likeloss {

struct HttpAnswer {
    bool answered = false;  // false: no complete answer (see `problem`)
    std::string problem;
    int status = 0;
    std::string body;
    std::string app_usage, business_usage;
};

HttpAnswer http_get(const std::string& url, int timeout_s, std::size_t max_bytes);

}  // namespace likeloss
