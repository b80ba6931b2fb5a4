#include "record.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "text/format.hpp"
#include "text/script.hpp"
#include "text/text.hpp"

namespace likeloss {

namespace {

// A change of more than this share of a page's audience between two measurements is taken for a
// typo (a digit too many or too few) unless the person says otherwise: the 2016 boycott, one of
// the largest, took 7.7% of Maroc Telecom's likes in four days.
constexpr double kPlausibleShare = 0.2;
constexpr std::int64_t kPlausibleFloor = 1000;  // small pages move by more than a share

bool is_space(char32_t c) { return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == '\t'; }

// The separators people paste between groups of digits; every kind of space is one kind.
char32_t separator_kind(char32_t c) {
    if (is_space(c)) return ' ';
    if (c == ',' || c == '.' || c == '\'' || c == 0x2019) return c == 0x2019 ? '\'' : c;
    return 0;
}

// What was typed, said back in a message: well-formed UTF-8 whatever came, and not a page long.
std::string readable(std::string_view typed) {
    std::string out;
    std::size_t pos = 0;
    for (int n = 0; pos < typed.size() && n < 40; ++n) append_utf8(out, next_codepoint(typed, pos));
    return pos < typed.size() ? out + "\xE2\x80\xA6" : out;
}

}  // namespace

std::optional<std::int64_t> read_pasted_count(std::string_view text, std::string* why) {
    const auto refuse = [&](const std::string& reason) -> std::optional<std::int64_t> {
        if (why) *why = "\"" + readable(text) + "\" " + reason;
        return std::nullopt;
    };
    std::u32string c;
    for (std::size_t pos = 0; pos < text.size();) c.push_back(next_codepoint(text, pos));
    while (!c.empty() && is_space(c.back())) c.pop_back();
    std::size_t i = 0;
    while (i < c.size() && is_space(c[i])) ++i;
    const auto digit = [&](std::size_t k) { return k < c.size() && c[k] >= '0' && c[k] <= '9'; };
    std::vector<std::string> groups(1);
    std::vector<char32_t> separators;
    for (; i < c.size(); ++i) {
        if (digit(i)) {
            groups.back() += static_cast<char>(c[i]);
        } else if (separator_kind(c[i]) && digit(i - 1) && digit(i + 1)) {
            separators.push_back(separator_kind(c[i]));
            groups.emplace_back();
        } else {
            break;
        }
    }
    if (groups.front().empty()) return refuse("is not a count: give the number of likes or followers, such as 2300412");
    if (i < c.size()) {
        // A word after the digits: a rounding ("2.3M", "2,3 k", "1.2 million", "2,3 مليون") or anything else.
        while (i < c.size() && is_space(c[i])) ++i;
        const char32_t w = i < c.size() ? c[i] : 0;
        const bool rounded = w == 'k' || w == 'K' || w == 'm' || w == 'M' || w == 'b' || w == 'B' ||
                             w == 0x0645 /* مليون */ || w == 0x0623 /* ألف */;
        return refuse(rounded ? "is a rounded figure: record the exact count (the page's own, or its snapshot's)"
                              : "is not a count alone: give the number only, such as 2300412 or 2,300,412");
    }
    for (char32_t s : separators)
        if (s != separators.front()) return refuse("mixes separators, so it could be read two ways");
    for (std::size_t g = 1; g < groups.size(); ++g)
        if (groups[g].size() != 3 || groups.front().size() > 3)
            return refuse("is not a whole count in groups of three digits (a decimal, or a digit missing?)");
    std::string digits;
    for (const std::string& g : groups) digits += g;
    const std::int64_t count = digits.size() > 13 ? kMaxCount + 1 : std::strtoll(digits.c_str(), nullptr, 10);
    if (count > kMaxCount) return refuse("is more than any page's audience (at most " + format_count(kMaxCount) + ")");
    return count;
}

bool valid_source(std::string_view source) {
    const std::string s = trim(std::string(source));
    const auto scheme = s.find("://");
    if (scheme != std::string::npos) {
        const std::string name = s.substr(0, scheme);
        const std::string rest = s.substr(scheme + 3);
        return (name == "http" || name == "https") && !rest.empty() && rest.find_first_of(" /") != 0 &&
               rest.find('.') != std::string::npos && rest.find(' ') == std::string::npos;
    }
    // A citation: words a reader can look up ("L'Economiste, 1 March 2016, p. 4").
    const auto letters = std::count_if(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
    return s.size() >= 8 && letters >= 4 && s.find(' ') != std::string::npos;
}

Recorded record(const CollectConfig& config, const Feed* published, const std::vector<Record>& records, Instant now,
                bool force) {
    Recorded out;
    NextFeed base = next_feed(config, published, {}, now);
    Feed f = base.feed ? std::move(*base.feed) : config.feed;
    if (!base.feed) {  // no page has a baseline yet: the campaign as configured, without pages
        f.pages.clear();
        f.generated_at = now;
    }
    // A page's place in the configuration, which is the feed's order.
    const auto place = [&](std::string_view id) { return find_page(config.feed, id) - config.feed.pages.data(); };
    for (const Record& r : records) {
        const Page* wanted = find_page(config.feed, r.page);
        if (!wanted) {
            out.refused = readable(r.page) + ": not a page of the campaign (" + std::to_string(config.feed.pages.size()) +
                          " pages in the configuration)";
            return out;
        }
        const std::string& id = wanted->id;
        if (r.at > now) {
            out.refused = id + ": " + format_rfc3339(r.at) + " is in the future (it is " + format_rfc3339(now) + ")";
            return out;
        }
        Measurement m{r.at, r.count, r.provenance};
        Page* page = find_page(f, id);
        if (!page) {
            // Its baseline is to be measured: this record is it, once counting may start.
            if (r.at < wanted->baseline.at) {
                out.refused = id + ": counting starts at " + format_rfc3339(wanted->baseline.at) + ", after " +
                              format_rfc3339(r.at);
                return out;
            }
            Page p = *wanted;
            p.baseline = m;
            p.samples.clear();
            p.rate_per_s.reset();
            const auto after = std::find_if(f.pages.begin(), f.pages.end(),
                                            [&](const Page& q) { return place(q.id) > place(id); });
            f.pages.insert(after, std::move(p));
            out.done.push_back(id + " baseline " + format_count(r.count));
        } else {
            const Measurement& last = page->samples.empty() ? page->baseline : page->samples.back();
            if (r.at <= last.at) {
                out.refused = id + ": " + format_rfc3339(r.at) + " is not after its last measurement (" +
                              format_count(last.count) + " at " + format_rfc3339(last.at) +
                              "); measurements are added in time order";
                return out;
            }
            const std::int64_t change = r.count - last.count;
            const double hours = static_cast<double>(r.at - last.at) / kHour;
            if (!force && std::llabs(change) > std::max<std::int64_t>(kPlausibleFloor, std::llround(kPlausibleShare * last.count))) {
                out.refused = id + ": " + format_count(r.count) + " would be " + (change > 0 ? "+" : "") +
                              format_count(change) + " since " + format_count(last.count) + " at " +
                              format_rfc3339(last.at) + ", " + (change > 0 ? "+" : "") +
                              format_count(std::llround(change / hours)) + " " + unit_name(page->unit) +
                              " an hour: a typo? (--force records it as it is)";
                return out;
            }
            page->samples.push_back(m);
            thin(page->samples, config.max_samples);
            page->rate_per_s = recent_rate(page->baseline, page->samples);
            out.done.push_back(id + " " + format_count(r.count));
        }
    }
    if (f.pages.empty()) {  // nothing recorded, and no page measured yet
        out.refused = "no page has a measurement yet: record one, such as " + config.feed.pages.front().id + "=2300412";
        return out;
    }
    for (const Page& p : f.pages)
        f.generated_at = std::max(f.generated_at, p.samples.empty() ? p.baseline.at : p.samples.back().at);
    out.feed = std::move(f);
    return out;
}

Recorded undo_record(const CollectConfig& config, const Feed& published, std::string_view page, Instant now) {
    Recorded out;
    Feed f = published;
    Page* p = find_page(f, page);
    if (!p) {
        out.refused = readable(page) + ": no such page in the published feed";
        return out;
    }
    const std::string id = p->id;  // kept: the page may go
    const bool baseline = p->samples.empty();
    const Measurement& last = baseline ? p->baseline : p->samples.back();
    const Page* wanted = find_page(config.feed, id);
    const bool measured_baseline =
        wanted && config.measured_baseline[static_cast<std::size_t>(wanted - config.feed.pages.data())];
    if (last.provenance.source == kMeasuredSource || (baseline && !measured_baseline)) {
        out.refused = id + ": its last measurement (" + format_count(last.count) + " at " + format_rfc3339(last.at) +
                      ") was not recorded by hand" + (baseline ? " (the configuration's baseline)" : "");
        return out;
    }
    const std::string withdrawn = id + " " + format_count(last.count) + " at " + format_rfc3339(last.at) + " withdrawn";
    if (baseline)
        f.pages.erase(f.pages.begin() + (p - f.pages.data()));
    else
        p->samples.pop_back();
    out.feed = next_feed(config, &f, {}, std::max(now, f.generated_at)).feed;
    if (out.feed)
        out.done.push_back(withdrawn);
    else  // nothing left to show: the campaign without pages cannot be a feed
        out.refused = id + ": withdrawing it would leave no page to publish";
    return out;
}

}  // namespace likeloss
