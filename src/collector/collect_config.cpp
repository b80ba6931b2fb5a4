#include "collect_config.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "live/config.hpp"
#include "text/format.hpp"
#include "text/text.hpp"

namespace likeloss {

namespace {

using json = nlohmann::json;

bool loopback(const std::string& origin) {
    for (const char* host : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        const std::string h(host);
        if (origin == h || (origin.rfind(h + ":", 0) == 0)) return true;
    }
    return false;
}

}  // namespace

CollectConfigResult parse_collect_config(std::string_view text, Instant now) {
    CollectConfigResult r;
    auto fail = [&](std::string path, std::string rule) {
        r.error = {std::move(path), std::move(rule)};
        return r;
    };
    json root = read_json(text);
    if (root.is_discarded()) return fail("$", json_syntax_error(text, "the file"));
    if (!root.is_object()) return fail("$", "must be an object");

    CollectConfig c;
    for (const char* secret : {"token", "access_token", "graph_token"})
        if (root.contains(secret))
            return fail(std::string("$.") + secret,
                        "a token is never written in the configuration: put it in the environment "
                        "variable LIKELOSS_GRAPH_TOKEN or in a file named by token_file");

    auto text_member = [&](const char* key, std::string& out, bool required) {
        if (!root.contains(key)) {
            if (required) fail(std::string("$.") + key, "required");
            return !required;
        }
        const json& v = root[key];
        if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 4096) {
            fail(std::string("$.") + key, "must be a file path");
            return false;
        }
        out = v.get<std::string>();
        return true;
    };
    if (!text_member("output", c.output, true) || !text_member("token_file", c.token_file, false) ||
        !text_member("state_file", c.state_file, false))
        return r;

    auto whole = [&](const json& obj, const char* key, const std::string& path, auto& out, long lo, long hi,
                     const char* what) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi) {
            fail(path, std::string("must be a whole number of ") + what + " from " + format_count(lo) + " to " +
                           format_count(hi));
            return false;
        }
        out = static_cast<std::remove_reference_t<decltype(out)>>(v.get<std::int64_t>());
        return true;
    };
    if (!whole(root, "update_interval_s", "$.update_interval_s", c.update_interval_s, 60, 7 * 86400, "seconds") ||
        !whole(root, "max_samples", "$.max_samples", c.max_samples, 10, static_cast<long>(kMaxSamples), "samples") ||
        !whole(root, "timeout_s", "$.timeout_s", c.timeout_s, 1, 300, "seconds") ||
        !whole(root, "tries", "$.tries", c.tries, 1, 10, "tries"))
        return r;

    if (!text_member("renderer", c.renderer, false)) return r;
    if (root.contains("public_url")) {
        const json& v = root["public_url"];
        if (!v.is_string() || !utf8_length(v.get<std::string>()) || v.get<std::string>().empty() || v.get<std::string>().size() > 2048)
            return fail("$.public_url", "must be the feed's address, up to 2,048 characters");
        c.public_url = v.get<std::string>();
    }
    if (root.contains("images")) {
        const json& list = root["images"];
        if (!list.is_array() || list.size() > kMaxImages)
            return fail("$.images", "must be a list of at most " + std::to_string(kMaxImages) + " pictures");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& o = list[i];
            const std::string at = "$.images[" + std::to_string(i) + "]";
            if (!o.is_object()) return fail(at, "must be an object");
            ImageSpec image;
            const json* file = o.contains("file") ? &o["file"] : nullptr;
            const std::string name = file && file->is_string() ? file->get<std::string>() : "";
            const bool plain = name.size() > 4 && name.size() <= 200 && name.compare(name.size() - 4, 4, ".png") == 0 &&
                               name[0] != '.' && std::all_of(name.begin(), name.end(), [](char ch) {
                                   return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
                               });
            if (!plain) return fail(at + ".file", "must be a file name ending in .png (letters, digits, - _ .; no folder)");
            image.file = name;
            for (const ImageSpec& before : c.images)
                if (before.file == name) return fail(at + ".file", "is already another picture's");
            if (o.contains("params")) {
                const json& q = o["params"];
                if (!q.is_string() || q.get<std::string>().size() > 2048)
                    return fail(at + ".params", "must be the widget's parameters as after '?', up to 2,048 characters");
                image.params = q.get<std::string>();
            }
            if (!whole(o, "width", at + ".width", image.width, 1, 4096, "CSS pixels") ||
                !whole(o, "height", at + ".height", image.height, 0, 4096, "CSS pixels"))
                return r;
            if (o.contains("scale")) {
                const json& v = o["scale"];
                if (!v.is_number() || v.get<double>() < 0.5 || v.get<double>() > 4)
                    return fail(at + ".scale", "must be a pixel density from 0.5 to 4");
                image.scale = v.get<double>();
            }
            if (image.width * image.scale > 8192 || image.height * image.scale > 8192)
                return fail(at, "is more than 8,192 pixels wide or tall");
            for (const auto& [key, value] : o.items())
                if (key != "file" && key != "params" && key != "width" && key != "height" && key != "scale")
                    return fail(at + "." + key, "is not a setting of a picture (file, params, width, height, scale)");
            c.images.push_back(std::move(image));
        }
    }

    if (root.contains("graph")) {
        const json& g = root["graph"];
        if (!g.is_object()) return fail("$.graph", "must be an object");
        // The Graph settings are the widget's (likeloss-config.json): one reader for both.
        json widget_side = json::object();
        widget_side["graph"] = g;
        const ConfigResult settings = parse_config(widget_side.dump());
        if (!settings.config) return fail(settings.error.path, settings.error.rule);
        c.graph_base = settings.config->graph_base;
        c.graph_version = settings.config->graph_version;
        // The token travels with every request: never in clear text beyond this machine.
        if (c.graph_base.rfind("https://", 0) != 0 && !loopback(c.graph_base))
            return fail("$.graph.base", "must be https:// (the token travels with the request)");
    }

    // The campaign, money and pages, checked by the feed's own reader: a baseline without a
    // count gets a placeholder here (and is measured later), and generated_at is the latest
    // baseline, so a baseline planned for tomorrow is allowed (counting starts then).
    const json* pages = root.contains("pages") ? &root["pages"] : nullptr;
    json feed = json::object();
    feed["version"] = kFeedVersion;
    for (const char* key : {"campaign", "money", "pages"})
        if (root.contains(key)) feed[key] = root[key];
    feed["update_interval_s"] = c.update_interval_s;
    Instant latest = now;
    std::vector<bool> measured, by_hand;
    if (pages && pages->is_array()) {
        for (std::size_t i = 0; i < pages->size(); ++i) {
            json& page = feed["pages"][i];
            if (!page.is_object()) continue;  // the reader names it
            // A page measured by hand (likeloss-collect record), which runs do not ask Facebook about.
            if (page.contains("by_hand")) {
                if (!page["by_hand"].is_boolean())
                    return fail("$.pages[" + std::to_string(i) + "].by_hand", "must be true or false");
                by_hand.resize(i + 1, false);
                by_hand[i] = page["by_hand"].get<bool>();
                page.erase("by_hand");
            }
            if (!page.contains("baseline")) page["baseline"] = json::object();
            json& b = page["baseline"];
            const bool measure = b.is_object() && !b.contains("count") && !b.contains("lost");
            measured.push_back(measure);
            if (b.is_object() && b.contains("at") && b["at"].is_string())
                if (auto at = parse_rfc3339(b["at"].get<std::string>())) latest = std::max(latest, *at);
            if (!measure) continue;
            // No instant: the first run measures it.
            if (!b.contains("at")) b["at"] = format_rfc3339(0);
            b["count"] = 0;
            b["status"] = "reported";
            b["source"] = kMeasuredSource;
        }
    }
    feed["generated_at"] = format_rfc3339(latest);
    FeedResult parsed = parse_feed(feed.dump(), latest);
    if (!parsed.ok()) return fail(parsed.error.path, parsed.error.rule);
    c.feed = std::move(*parsed.feed);
    c.measured_baseline = std::move(measured);
    c.measured_baseline.resize(c.feed.pages.size(), false);
    c.by_hand = std::move(by_hand);
    c.by_hand.resize(c.feed.pages.size(), false);
    r.config = std::move(c);
    return r;
}

}  // namespace likeloss
