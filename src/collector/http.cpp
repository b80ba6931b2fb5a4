#include "http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

#include "text/text.hpp"

namespace likeloss {

namespace {

struct Transfer {
    std::string body;
    std::size_t max = 0;
    bool too_large = false;
    std::string app_usage, business_usage;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->body.size() + n > t->max) {
        t->too_large = true;
        return 0;  // aborts the transfer
    }
    t->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    std::string line(data, n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::string value = trim(line.substr(colon + 1));
        if (name == "x-app-usage") t->app_usage = value;
        if (name == "x-business-use-case-usage") t->business_usage = value;
    }
    return n;
}

}  // namespace

HttpAnswer http_get(const std::string& url, int timeout_s, std::size_t max_bytes) {
    HttpAnswer a;
    CURL* curl = curl_easy_init();
    if (!curl) {
        a.problem = "the HTTP client could not start";
        return a;
    }
    Transfer t;
    t.max = max_bytes;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_s) * 1000L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(10L, static_cast<long>(timeout_s)) * 1000L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would carry the token elsewhere
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "likeloss-collect/1");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    a.app_usage = t.app_usage;
    a.business_usage = t.business_usage;
    if (t.too_large) {
        a.problem = "the answer is larger than " + std::to_string(max_bytes / 1024) + " KB";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        a.problem = "no answer within " + std::to_string(timeout_s) + " s";
    } else if (code != CURLE_OK) {
        a.problem = error[0] ? error : curl_easy_strerror(code);
    } else {
        a.answered = true;
        a.status = static_cast<int>(status);
        a.body = std::move(t.body);
    }
    return a;
}

}  // namespace likeloss
