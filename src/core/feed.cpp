#include "feed.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

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

namespace {

using json = nlohmann::json;

// Finds where a text stops being JSON. Run only after a failed parse, so a good feed is read once.
struct SyntaxLocator : nlohmann::json_sax<json> {
    std::size_t position = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
        position = pos;
        token = last;
        return false;
    }
};

std::string describe_syntax_error(std::string_view text) {
    if (text.empty()) return "the feed is empty";
    SyntaxLocator locator;
    json::sax_parse(text.begin(), text.end(), &locator);
    std::string rule;
    if (locator.position > text.size())
        rule = "not valid JSON: the text ends early (truncated?)";
    else
        rule = "not valid JSON: syntax error at byte " + std::to_string(locator.position) + " of " +
               std::to_string(text.size());
    return rule;
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

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

    // A member that must exist; fails with the member's own path when it does not.
    const json* need(const json& obj, const char* k) {
        auto it = obj.find(k);
        if (it == obj.end()) {
            auto scope = key(k);
            fail("required");
            return nullptr;
        }
        return &*it;
    }
    static const json* maybe(const json& obj, const char* k) {
        auto it = obj.find(k);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }

    bool want(const json& j, bool ok, const char* expected) {
        return ok || fail(std::string("must be ") + expected + ", not " + type_of(j));
    }

    bool read_string(const json& j, std::string& out, std::size_t max_len, bool allow_empty = false) {
        if (!want(j, j.is_string(), "a string")) return false;
        const auto& s = j.get_ref<const std::string&>();
        if (!allow_empty && s.empty()) return fail("must not be empty");
        if (s.size() > max_len) return fail("must be at most " + std::to_string(max_len) + " bytes long");
        out = s;
        return true;
    }

    bool read_time(const json& j, Instant& out) {
        if (!want(j, j.is_string(), "an RFC 3339 timestamp string")) return false;
        auto t = parse_rfc3339(j.get_ref<const std::string&>());
        if (!t) return fail("must be an RFC 3339 timestamp such as 2016-02-26T20:00:00Z, not \"" +
                            j.get_ref<const std::string&>().substr(0, 40) + "\"");
        out = *t;
        return true;
    }

    bool read_number(const json& j, double& out, double min, double max) {
        if (!want(j, j.is_number(), "a number")) return false;
        const double v = j.get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            return fail("must be between " + number_text(min) + " and " + number_text(max));
        out = v;
        return true;
    }

    bool read_count(const json& j, std::int64_t& out) {
        if (j.is_number_float()) return fail("must be a whole number");
        if (!want(j, j.is_number_integer(), "a whole number")) return false;
        if (j.is_number_unsigned()) {
            if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxCount))
                return fail("is too large (at most " + std::to_string(kMaxCount) + ")");
            out = static_cast<std::int64_t>(j.get<std::uint64_t>());
            return true;
        }
        if (j.get<std::int64_t>() < 0) return fail("must not be negative");
        out = j.get<std::int64_t>();
        return true;
    }

    bool read_provenance(const json& obj, Provenance& p) {
        if (const json* s = need(obj, "status")) {
            auto scope = key("status");
            std::string name;
            if (!read_string(*s, name, 20)) return false;
            if (name == "reported") p.status = Status::reported;
            else if (name == "derived") p.status = Status::derived;
            else if (name == "assumption") p.status = Status::assumption;
            else return fail("must be \"reported\", \"derived\" or \"assumption\"");
        } else {
            return false;
        }
        if (const json* s = maybe(obj, "source")) {
            auto scope = key("source");
            if (!read_string(*s, p.source, 2000, true)) return false;
        }
        if (p.status == Status::reported && p.source.empty()) {
            auto scope = key("source");
            return fail("required: a reported figure names its source");
        }
        if (const json* s = maybe(obj, "note")) {
            auto scope = key("note");
            if (!read_string(*s, p.note, 2000, true)) return false;
        }
        return true;
    }

    // A number with its provenance, or a bare number (then it is an assumption).
    bool read_sourced(const json& j, SourcedNumber& out, double min, double max) {
        if (j.is_number()) return read_number(j, out.value, min, max);
        if (!want(j, j.is_object(), "a number or an object with value and status")) return false;
        const json* v = need(j, "value");
        if (!v) return false;
        {
            auto scope = key("value");
            if (!read_number(*v, out.value, min, max)) return false;
        }
        return read_provenance(j, out.provenance);
    }

    // A sample may give the audience ("count") or, as most reports do, the loss since the
    // baseline ("lost"); the baseline itself always gives a count.
    bool read_measurement(const json& j, Measurement& m, const Measurement* baseline = nullptr) {
        if (!want(j, j.is_object(), "an object")) return false;
        const json* at = need(j, "at");
        if (!at) return false;
        {
            auto scope = key("at");
            if (!read_time(*at, m.at)) return false;
        }
        const json* count = maybe(j, "count");
        const json* lost = baseline ? maybe(j, "lost") : nullptr;
        if (count && lost) {
            auto scope = key("lost");
            return fail("give either count or lost, not both");
        }
        if (lost) {
            auto scope = key("lost");
            std::int64_t v;
            if (!read_count(*lost, v)) return false;
            if (v > baseline->count) return fail("is more than the baseline's count");
            m.count = baseline->count - v;
        } else {
            if (!count) count = need(j, "count");
            if (!count) return false;
            auto scope = key("count");
            if (!read_count(*count, m.count)) return false;
        }
        return read_provenance(j, m.provenance);
    }

    bool read_campaign(const json& j, Campaign& c) {
        if (!want(j, j.is_object(), "an object")) return false;
        const json* title = need(j, "title");
        if (!title) return false;
        {
            auto scope = key("title");
            if (!read_string(*title, c.title, 200)) return false;
        }
        const json* since = need(j, "since");
        if (!since) return false;
        {
            auto scope = key("since");
            if (!read_time(*since, c.since)) return false;
        }
        if (const json* url = maybe(j, "url")) {
            auto scope = key("url");
            if (!read_string(*url, c.url, 2000, true)) return false;
        }
        if (const json* note = maybe(j, "note")) {
            auto scope = key("note");
            if (!read_string(*note, c.note, 4000, true)) return false;
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

    bool read_money(const json& j, Money& m) {
        if (!want(j, j.is_object(), "an object")) return false;
        const json* cur = need(j, "currency");
        if (!cur) return false;
        {
            auto scope = key("currency");
            if (!read_currency(*cur, m.currency)) return false;
        }
        const json* per = need(j, "per_unit");
        if (!per) return false;
        {
            auto scope = key("per_unit");
            if (!read_sourced(*per, m.per_unit, 0, 1e6)) return false;
        }
        if (const json* rates = maybe(j, "rates")) {
            auto scope = key("rates");
            if (!want(*rates, rates->is_object(), "an object of currency: rate")) return false;
            for (auto it = rates->begin(); it != rates->end(); ++it) {
                auto inner = key(it.key().c_str());
                Rate r;
                if (!read_currency(json(it.key()), r.currency)) return false;
                if (!read_sourced(it.value(), r.per_base, 1e-9, 1e9)) return false;
                if (r.currency == m.currency) return fail("converts the base currency to itself");
                m.rates.push_back(std::move(r));
            }
        }
        return true;
    }

    bool read_page(const json& j, Page& p) {
        if (!want(j, j.is_object(), "an object")) return false;
        const json* id = need(j, "id");
        if (!id) return false;
        {
            auto scope = key("id");
            if (!read_string(*id, p.id, 100)) return false;
            for (char ch : p.id)
                if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-')
                    return fail("may hold only letters, digits, '.', '_' and '-'");
        }
        const json* name = need(j, "name");
        if (!name) return false;
        {
            auto scope = key("name");
            if (!read_string(*name, p.name, 100)) return false;
        }
        if (const json* color = maybe(j, "color")) {
            auto scope = key("color");
            std::string text;
            if (!read_string(*color, text, 9)) return false;
            p.color = parse_hex_color(text);
            if (!p.color || text[0] != '#') return fail("must be a colour such as #0a6ebd");
        }
        if (const json* unit = maybe(j, "unit")) {
            auto scope = key("unit");
            std::string text;
            if (!read_string(*unit, text, 20)) return false;
            if (text == "likes") p.unit = Unit::likes;
            else if (text == "followers") p.unit = Unit::followers;
            else return fail("must be \"likes\" or \"followers\"");
        }
        const json* base = need(j, "baseline");
        if (!base) return false;
        {
            auto scope = key("baseline");
            if (!read_measurement(*base, p.baseline)) return false;
        }
        if (const json* samples = maybe(j, "samples")) {
            auto scope = key("samples");
            if (!want(*samples, samples->is_array(), "an array")) return false;
            if (samples->size() > kMaxSamples)
                return fail("holds more than " + std::to_string(kMaxSamples) + " samples");
            Instant last = p.baseline.at;
            for (std::size_t i = 0; i < samples->size(); ++i) {
                auto inner = index(i);
                Measurement m;
                if (!read_measurement((*samples)[i], m, &p.baseline)) return false;
                auto at = key("at");
                if (m.at < p.baseline.at) return fail("is before the page's baseline");
                if (m.at <= last && i > 0) return fail("is not after the previous sample");
                if (m.at == p.baseline.at) return fail("is at the same instant as the baseline");
                last = m.at;
                p.samples.push_back(std::move(m));
            }
        }
        if (const json* rate = maybe(j, "rate_per_s")) {
            auto scope = key("rate_per_s");
            double r;
            if (!read_number(*rate, r, -1e6, 1e6)) return false;
            p.rate_per_s = r;
        }
        return true;
    }

    void read_feed(const json& root, Feed& f) {
        if (!want(root, root.is_object(), "an object")) return;
        const json* version = need(root, "version");
        if (!version) return;
        {
            auto scope = key("version");
            if (!version->is_number_integer() || version->get<std::int64_t>() != kFeedVersion) {
                fail("must be 1 (this widget reads version 1 feeds)");
                return;
            }
        }
        const json* campaign = need(root, "campaign");
        if (!campaign) return;
        {
            auto scope = key("campaign");
            if (!read_campaign(*campaign, f.campaign)) return;
        }
        const json* money = need(root, "money");
        if (!money) return;
        {
            auto scope = key("money");
            if (!read_money(*money, f.money)) return;
        }
        if (const json* interval = maybe(root, "update_interval_s")) {
            auto scope = key("update_interval_s");
            std::int64_t v;
            if (!read_count(*interval, v)) return;
            if (v != 0 && (v < 10 || v > 7 * 86400)) {
                fail("must be 0 (never updated) or between 10 and 604800 seconds");
                return;
            }
            f.update_interval_s = static_cast<int>(v);
        }
        const json* generated = need(root, "generated_at");
        if (!generated) return;
        {
            auto scope = key("generated_at");
            if (!read_time(*generated, f.generated_at)) return;
            if (f.generated_at > now_ + kClockSkew) {
                fail("is in the future (" + format_rfc3339(f.generated_at) + ")");
                return;
            }
        }
        const json* pages = need(root, "pages");
        if (!pages) return;
        auto scope = key("pages");
        if (!want(*pages, pages->is_array(), "an array")) return;
        if (pages->empty()) {
            fail("must list at least one page");
            return;
        }
        if (pages->size() > kMaxPages) {
            fail("must list at most " + std::to_string(kMaxPages) + " pages");
            return;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < pages->size(); ++i) {
            auto inner = index(i);
            Page p;
            if (!read_page((*pages)[i], p)) return;
            if (!ids.insert(p.id).second) {
                auto id = key("id");
                fail("repeats the id \"" + p.id + "\"");
                return;
            }
            const Instant last = p.samples.empty() ? p.baseline.at : p.samples.back().at;
            if (last > f.generated_at) {
                auto at = key(p.samples.empty() ? "baseline" : "samples");
                fail("holds a measurement after the feed's generated_at");
                return;
            }
            f.pages.push_back(std::move(p));
        }
    }
};

}  // namespace

FeedResult parse_feed(std::string_view text, Instant now) {
    json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        FeedResult r;
        r.error = {"$", describe_syntax_error(text)};
        return r;
    }
    return Reader(now).read(root);
}

}  // namespace likeloss
