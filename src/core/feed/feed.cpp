#include "feed/feed.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "text/format.hpp"
#include "text/text.hpp"

namespace likeloss {

const char* status_name(Status s) {
    switch (s) {
        case Status::reported: return "reported";
        case Status::derived: return "derived";
        case Status::assumption: return "assumption";
    }
    return "";
}

const char* unit_name(Unit u) { return u == Unit::followers ? "followers" : "likes"; }

std::optional<double> rate_between(const Measurement& a, const Measurement& b) {
    if (b.at <= a.at) return std::nullopt;
    return static_cast<double>(b.count - a.count) / (static_cast<double>(b.at - a.at) / kSecond);
}

std::optional<double> recent_rate(const Measurement& first, const std::vector<Measurement>& later) {
    if (later.empty()) return std::nullopt;
    const Measurement& last = later.back();
    const Measurement* from = &first;
    for (auto it = later.rbegin() + 1; it != later.rend(); ++it)
        if (last.at - it->at >= kMinRateSpan) {
            from = &*it;
            break;
        }
    if (last.at - from->at < kMinRateSpan) return std::nullopt;
    const auto rate = rate_between(*from, last);
    if (!rate || std::abs(*rate) > kMaxRatePerSecond) return std::nullopt;
    return rate;
}

bool valid_page_id(std::string_view id) {
    if (id.empty() || id.size() > 100) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

bool same_page_id(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

const Page* find_page(const Feed& feed, std::string_view id) {
    for (const Page& p : feed.pages)
        if (same_page_id(p.id, id)) return &p;
    return nullptr;
}

Page* find_page(Feed& feed, std::string_view id) {
    return const_cast<Page*>(find_page(static_cast<const Feed&>(feed), id));
}

namespace {

// "ar", "fr", "fr-MA", "zh-Hant": a language of two or three letters, then subtags of letters and
// digits (BCP 47's shape, checked loosely: a widget matches what it speaks and skips the rest).
bool valid_language_tag(const std::string& tag) {
    if (tag.size() > 35) return false;
    std::size_t start = 0;  // of the subtag being read
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i == tag.size() || tag[i] == '-') {
            const std::size_t length = i - start;
            if (start == 0 ? length < 2 || length > 3 : length < 1 || length > 8) return false;
            start = i + 1;
        } else if (!(start == 0 ? std::isalpha(static_cast<unsigned char>(tag[i]))
                                : std::isalnum(static_cast<unsigned char>(tag[i])))) {
            return false;
        }
    }
    return true;
}

const Translation* best_translation(const std::vector<Translation>& all, std::string_view lang) {
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const Translation& t : all)
        if (same(t.lang, lang)) return &t;
    const std::string_view language = lang.substr(0, lang.find('-'));
    for (const Translation& t : all)
        if (same(t.lang, language)) return &t;
    return nullptr;
}

using json = nlohmann::json;

}  // namespace

std::string json_syntax_error(std::string_view text, std::string_view what) {
    if (text.empty()) return std::string(what) + " is empty";
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && text[start] == '<')
        return std::string(what) + " is HTML, not JSON (a server's error or fallback page?)";
    std::size_t position = 0;  // read again only after a failed parse, so a good feed is read once
    read_json(text, &position);
    if (position > text.size()) return "not valid JSON: the text ends early (truncated?)";
    return "not valid JSON: syntax error at byte " + std::to_string(position) + " of " + std::to_string(text.size());
}

namespace {

// Walks the document, remembering the path, and keeps the first fault only.
class Reader {
public:
    explicit Reader(Instant now) : now_(now) {}

    FeedResult read(const json& root) {
        Feed feed;
        read_feed(root, feed);
        FeedResult result;
        if (error_.path.empty())
            result.feed = std::move(feed);
        else
            result.error = error_;
        return result;
    }

private:
    Instant now_;
    FeedError error_;
    std::vector<std::string> path_{"$"};

    bool failed() const { return !error_.path.empty(); }

    std::string path() const {
        std::string p;
        for (const auto& part : path_) p += part;
        return p;
    }

    bool fail(const std::string& rule) {
        if (!failed()) error_ = {path(), rule};
        return false;
    }

    struct Scope {
        Reader& r;
        Scope(Reader& reader, std::string part) : r(reader) { r.path_.push_back(std::move(part)); }
        ~Scope() { r.path_.pop_back(); }
    };
    Scope key(const char* k) { return Scope(*this, std::string(".") + k); }
    Scope index(std::size_t i) { return Scope(*this, "[" + std::to_string(i) + "]"); }

    static const char* type_of(const json& j) {
        switch (j.type()) {
            case json::value_t::null: return "null";
            case json::value_t::boolean: return "a boolean";
            case json::value_t::string: return "a string";
            case json::value_t::array: return "an array";
            case json::value_t::object: return "an object";
            case json::value_t::number_float: return "a fraction";
            case json::value_t::number_integer:
            case json::value_t::number_unsigned: return "an integer";
            default: return "something else";
        }
    }

    // Reads member k of obj with read(value), its path in scope. A required member that is
    // missing fails with its own path; an optional one that is missing or null is skipped.
    template <typename Read>
    bool required(const json& obj, const char* k, Read read) {
        auto scope = key(k);
        auto it = obj.find(k);
        if (it == obj.end()) return fail("required");
        return read(*it);
    }
    template <typename Read>
    bool optional(const json& obj, const char* k, Read read) {
        auto it = obj.find(k);
        if (it == obj.end() || it->is_null()) return true;
        auto scope = key(k);
        return read(*it);
    }

    bool want(const json& j, bool ok, const char* expected) {
        return ok || fail(std::string("must be ") + expected + ", not " + type_of(j));
    }

    bool read_string(const json& j, std::string& out, std::size_t max_len, bool allow_empty = false) {
        if (!want(j, j.is_string(), "a string")) return false;
        const auto& s = j.get_ref<const std::string&>();
        if (!allow_empty && s.empty()) return fail("must not be empty");
        if (s.size() > max_len) return fail("must be at most " + format_count(static_cast<std::int64_t>(max_len)) + " bytes long");
        out = s;
        return true;
    }

    bool read_time(const json& j, Instant& out) {
        if (!want(j, j.is_string(), "an RFC 3339 timestamp string")) return false;
        auto t = parse_rfc3339(j.get_ref<const std::string&>());
        if (!t) return fail("must be an RFC 3339 timestamp from 1970 to 9999 (UTC), such as 2016-02-26T20:00:00Z, not \"" +
                            utf8_prefix(j.get_ref<const std::string&>(), 40) + "\"");
        out = *t;
        return true;
    }

    bool read_number(const json& j, double& out, double min, double max) {
        if (!want(j, j.is_number(), "a number")) return false;
        const double v = j.get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            return fail("must be between " + format_number(min) + " and " + format_number(max));
        out = v;
        return true;
    }

    bool read_count(const json& j, std::int64_t& out) {
        if (j.is_number_float()) {
            // Integers too long for 64 bits arrive as floats: say what is wrong with them.
            const double v = j.get<double>();
            if (std::isfinite(v) && v == std::floor(v) && v > static_cast<double>(kMaxCount))
                return fail("is too large (at most " + format_count(kMaxCount) + ")");
            return fail("must be a whole number");
        }
        if (!want(j, j.is_number_integer(), "a whole number")) return false;
        if (j.is_number_unsigned()) {
            if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxCount))
                return fail("is too large (at most " + format_count(kMaxCount) + ")");
            out = static_cast<std::int64_t>(j.get<std::uint64_t>());
            return true;
        }
        if (j.get<std::int64_t>() < 0) return fail("must not be negative");
        out = j.get<std::int64_t>();
        return true;
    }

    bool read_provenance(const json& obj, Provenance& p) {
        const bool ok = required(obj, "status", [&](const json& v) {
            std::string name;
            if (!read_string(v, name, 20)) return false;
            if (name == "reported") p.status = Status::reported;
            else if (name == "derived") p.status = Status::derived;
            else if (name == "assumption") p.status = Status::assumption;
            else return fail("must be \"reported\", \"derived\" or \"assumption\"");
            return true;
        });
        if (!ok || !optional(obj, "source", [&](const json& v) { return read_string(v, p.source, 2000, true); }))
            return false;
        if (p.status == Status::reported && p.source.empty()) {
            auto scope = key("source");
            return fail("required: a reported figure names its source");
        }
        return optional(obj, "note", [&](const json& v) { return read_string(v, p.note, 2000, true); });
    }

    // A number with its provenance, or a bare number (then it is an assumption).
    bool read_sourced(const json& j, SourcedNumber& out, double min, double max) {
        if (j.is_number()) return read_number(j, out.value, min, max);
        if (!want(j, j.is_object(), "a number or an object with value and status")) return false;
        return required(j, "value", [&](const json& v) { return read_number(v, out.value, min, max); }) &&
               read_provenance(j, out.provenance);
    }

    // A sample may give the audience ("count") or, as most reports do, the loss since the
    // baseline ("lost"); the baseline itself always gives a count.
    bool read_measurement(const json& j, Measurement& m, const Measurement* baseline = nullptr) {
        if (!want(j, j.is_object(), "an object")) return false;
        if (!required(j, "at", [&](const json& v) { return read_time(v, m.at); })) return false;
        const bool by_loss = baseline && j.contains("lost");
        if (by_loss && j.contains("count")) {
            auto scope = key("lost");
            return fail("give either count or lost, not both");
        }
        const bool ok = by_loss ? required(j, "lost", [&](const json& v) {
            std::int64_t lost;
            if (!read_count(v, lost)) return false;
            if (lost > baseline->count) return fail("is more than the baseline's count");
            m.count = baseline->count - lost;
            return true;
        }) : required(j, "count", [&](const json& v) { return read_count(v, m.count); });
        return ok && read_provenance(j, m.provenance);
    }

    bool read_campaign(const json& j, Campaign& c) {
        return want(j, j.is_object(), "an object") &&
               required(j, "title", [&](const json& v) { return read_string(v, c.title, 200); }) &&
               required(j, "since", [&](const json& v) { return read_time(v, c.since); }) &&
               optional(j, "url", [&](const json& v) { return read_string(v, c.url, 2000, true); }) &&
               optional(j, "note", [&](const json& v) { return read_string(v, c.note, 4000, true); }) &&
               optional(j, "translations", [&](const json& v) { return read_translations(v, c.translations, true); });
    }

    // {"ar": {"title": ..., "note": ...}, "fr-MA": {...}}: the same texts, under the same rules, in
    // other languages. Widgets before translations ignore the member, as they do any unknown one.
    bool read_translations(const json& j, std::vector<Translation>& out, bool campaign) {
        // The texts a translation may give: the campaign's title and note, or a page's name.
        struct Text {
            const char* key;
            std::string Translation::*field;
            std::size_t max_len;
        };
        static const Text kCampaign[] = {{"title", &Translation::title, 200}, {"note", &Translation::note, 4000}};
        static const Text kPage[] = {{"name", &Translation::name, 100}};
        if (!want(j, j.is_object(), "an object of language tag: texts")) return false;
        if (j.size() > 50) return fail("has more than 50 languages");
        for (auto it = j.begin(); it != j.end(); ++it) {
            auto scope = key(it.key().c_str());
            if (!valid_language_tag(it.key())) return fail("is not a language tag such as ar, fr or fr-MA");
            if (!want(*it, it->is_object(), "an object")) return false;
            Translation t;
            t.lang = it.key();
            const Text* last = campaign ? std::end(kCampaign) : std::end(kPage);
            for (const Text* text = campaign ? kCampaign : kPage; text != last; ++text) {
                const auto found = it->find(text->key);
                if (found == it->end() || found->is_null()) continue;
                auto inner = key(text->key);
                if (!read_string(*found, t.*(text->field), text->max_len)) return false;
            }
            out.push_back(std::move(t));
        }
        return true;
    }

    bool read_currency(const json& j, std::string& out) {
        if (!read_string(j, out, 3)) return false;
        if (out.size() != 3) return fail("must be a three-letter ISO 4217 code such as MAD");
        for (char ch : out)
            if (ch < 'A' || ch > 'Z') return fail("must be a three-letter ISO 4217 code such as MAD");
        return true;
    }

    bool read_rates(const json& rates, Money& m) {
        if (!want(rates, rates.is_object(), "an object of currency: rate")) return false;
        for (auto it = rates.begin(); it != rates.end(); ++it) {
            auto scope = key(it.key().c_str());
            Rate r;
            if (!read_currency(json(it.key()), r.currency)) return false;
            if (!read_sourced(it.value(), r.per_base, 1e-9, 1e9)) return false;
            if (r.currency == m.currency) return fail("converts the base currency to itself");
            m.rates.push_back(std::move(r));
        }
        return true;
    }

    bool read_money(const json& j, Money& m) {
        return want(j, j.is_object(), "an object") &&
               required(j, "currency", [&](const json& v) { return read_currency(v, m.currency); }) &&
               required(j, "per_unit", [&](const json& v) { return read_sourced(v, m.per_unit, 0, 1e6); }) &&
               optional(j, "rates", [&](const json& v) { return read_rates(v, m); });
    }

    bool read_id(const json& j, std::string& id) {
        if (!read_string(j, id, 100)) return false;
        return valid_page_id(id) || fail("may hold only letters, digits, '.', '_' and '-'");
    }

    bool read_color(const json& j, std::optional<Rgba>& color) {
        std::string text;
        if (!read_string(j, text, 9)) return false;
        color = parse_hex_color(text);
        return (color && text[0] == '#') || fail("must be a colour such as #0a6ebd");
    }

    bool read_unit(const json& j, Unit& unit) {
        std::string text;
        if (!read_string(j, text, 20)) return false;
        if (text == "likes") unit = Unit::likes;
        else if (text == "followers") unit = Unit::followers;
        else return fail("must be \"likes\" or \"followers\"");
        return true;
    }

    bool read_samples(const json& samples, Page& p) {
        if (!want(samples, samples.is_array(), "an array")) return false;
        if (samples.size() > kMaxSamples) return fail("holds more than " + format_count(kMaxSamples) + " samples");
        for (std::size_t i = 0; i < samples.size(); ++i) {
            auto scope = index(i);
            Measurement m;
            if (!read_measurement(samples[i], m, &p.baseline)) return false;
            auto at = key("at");
            if (m.at < p.baseline.at) return fail("is before the page's baseline");
            if (m.at == p.baseline.at) return fail("is at the same instant as the baseline");
            if (!p.samples.empty() && m.at <= p.samples.back().at) return fail("is not after the previous sample");
            p.samples.push_back(std::move(m));
        }
        return true;
    }

    bool read_page(const json& j, Page& p) {
        return want(j, j.is_object(), "an object") &&
               required(j, "id", [&](const json& v) { return read_id(v, p.id); }) &&
               required(j, "name", [&](const json& v) { return read_string(v, p.name, 100); }) &&
               optional(j, "translations", [&](const json& v) { return read_translations(v, p.translations, false); }) &&
               optional(j, "color", [&](const json& v) { return read_color(v, p.color); }) &&
               optional(j, "unit", [&](const json& v) { return read_unit(v, p.unit); }) &&
               required(j, "baseline", [&](const json& v) { return read_measurement(v, p.baseline); }) &&
               optional(j, "samples", [&](const json& v) { return read_samples(v, p); }) &&
               optional(j, "rate_per_s", [&](const json& v) {
                   double r;
                   if (!read_number(v, r, -kMaxRatePerSecond, kMaxRatePerSecond)) return false;
                   p.rate_per_s = r;
                   return true;
               });
    }

    // Read as any number, so that 1e308 is told the interval's own bounds, not a count's.
    bool read_interval(const json& j, int& out) {
        if (!want(j, j.is_number(), "a whole number of seconds")) return false;
        const double v = j.get<double>();
        if (v != std::floor(v) || (v != 0 && (v < kMinUpdateInterval_s || v > kMaxUpdateInterval_s)))
            return fail("must be 0 (never updated) or a whole number of seconds from " +
                        format_count(kMinUpdateInterval_s) + " to " + format_count(kMaxUpdateInterval_s));
        out = static_cast<int>(v);
        return true;
    }

    bool read_pages(const json& pages, Feed& f) {
        if (!want(pages, pages.is_array(), "an array")) return false;
        if (pages.empty()) return fail("must list at least one page");
        if (pages.size() > kMaxPages) return fail("must list at most " + format_count(kMaxPages) + " pages");
        for (std::size_t i = 0; i < pages.size(); ++i) {
            auto scope = index(i);
            Page p;
            if (!read_page(pages[i], p)) return false;
            // Every lookup ignores case (Facebook handles do), so ids differing in case are one page.
            if (const Page* same = find_page(f, p.id)) {
                auto id = key("id");
                return fail("repeats the id \"" + same->id + "\" of $.pages[" +
                            std::to_string(same - f.pages.data()) + "] (ids match in any case)");
            }
            const Instant last = p.samples.empty() ? p.baseline.at : p.samples.back().at;
            if (last > f.generated_at) {
                auto at = key(p.samples.empty() ? "baseline" : "samples");
                return fail("holds a measurement after the feed's generated_at");
            }
            f.pages.push_back(std::move(p));
        }
        return true;
    }

    void read_feed(const json& root, Feed& f) {
        want(root, root.is_object(), "an object") &&
            required(root, "version", [&](const json& v) {
                return (v.is_number_integer() && v.get<std::int64_t>() == kFeedVersion) ||
                       fail("must be 1 (this widget reads version 1 feeds)");
            }) &&
            required(root, "campaign", [&](const json& v) { return read_campaign(v, f.campaign); }) &&
            required(root, "money", [&](const json& v) { return read_money(v, f.money); }) &&
            optional(root, "update_interval_s", [&](const json& v) { return read_interval(v, f.update_interval_s); }) &&
            required(root, "generated_at", [&](const json& v) {
                if (!read_time(v, f.generated_at)) return false;
                return f.generated_at <= now_ + kClockSkew ||
                       fail("is in the future (" + format_rfc3339(f.generated_at) + ")");
            }) &&
            required(root, "pages", [&](const json& v) { return read_pages(v, f); });
    }
};

}  // namespace

FeedResult parse_feed(std::string_view text, Instant now) {
    json root = read_json(text);
    if (root.is_discarded()) {
        FeedResult r;
        r.error = {"$", json_syntax_error(text, "the feed")};
        return r;
    }
    return Reader(now).read(root);
}

void translate(Feed& feed, std::string_view lang) {
    if (const Translation* t = best_translation(feed.campaign.translations, lang)) {
        if (!t->title.empty()) feed.campaign.title = t->title;
        if (!t->note.empty()) feed.campaign.note = t->note;
    }
    for (Page& p : feed.pages)
        if (const Translation* t = best_translation(p.translations, lang); t && !t->name.empty()) p.name = t->name;
}

}  // namespace likeloss
