#include "collect.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include "feed/feed_write.hpp"

namespace likeloss {

using json = nlohmann::json;

void thin(std::vector<Measurement>& samples, std::size_t max) {
    max = std::max<std::size_t>(max, 10);
    while (samples.size() > max) {
        const std::size_t older = samples.size() - max / 2;
        std::vector<Measurement> kept;
        kept.reserve(samples.size());
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (i >= older || i % 2 == 0) kept.push_back(std::move(samples[i]));
        samples = std::move(kept);
    }
}

namespace {

const GraphPage* counted(const std::vector<GraphPage>& counts, const std::string& id) {
    for (const GraphPage& g : counts)
        if (same_page_id(g.id, id)) return &g;
    return nullptr;
}

Measurement measured(Instant at, std::int64_t count, Unit unit) {
    Measurement m;
    m.at = at;
    m.count = count;
    m.provenance.status = Status::reported;
    m.provenance.source = kMeasuredSource;
    m.provenance.note = unit == Unit::followers ? "followers_count" : "fan_count";
    return m;
}

}  // namespace

NextFeed next_feed(const CollectConfig& config, const Feed* published, const std::vector<GraphPage>& counts,
                   Instant now) {
    NextFeed out;
    Feed f = config.feed;
    f.pages.clear();
    f.generated_at = now;
    for (std::size_t i = 0; i < config.feed.pages.size(); ++i) {
        const Page& wanted = config.feed.pages[i];
        const bool measure_baseline = i < config.measured_baseline.size() && config.measured_baseline[i];
        // A page measured by hand expects no count from Facebook: its absence is not news.
        const bool by_hand = i < config.by_hand.size() && config.by_hand[i];
        const auto no_count = [&](const char* what) {
            if (!by_hand) out.notes.push_back(wanted.id + what);
        };
        if (now < wanted.baseline.at) {
            out.notes.push_back(wanted.id + ": counting starts at " + format_rfc3339(wanted.baseline.at));
            continue;
        }
        const Page* old = published ? find_page(*published, wanted.id) : nullptr;
        Page p = wanted;
        p.samples.clear();
        p.rate_per_s.reset();
        if (old && measure_baseline && old->baseline.at >= wanted.baseline.at) {
            // The baseline was measured by an earlier run: it and its history stay.
            p.baseline = old->baseline;
            p.unit = old->unit;
            p.samples = old->samples;
        } else if (old && !measure_baseline && old->baseline.at == wanted.baseline.at &&
                   old->baseline.count == wanted.baseline.count) {
            p.samples = old->samples;
        } else if (old) {
            // A new baseline in the configuration: the samples after it still count.
            for (const Measurement& s : old->samples)
                if (s.at > p.baseline.at && !measure_baseline) p.samples.push_back(s);
        }
        const bool has_baseline = !measure_baseline || (old && old->baseline.at >= wanted.baseline.at);

        const GraphPage* g = counted(counts, wanted.id);
        auto count = g ? g->count_for(p.unit) : std::nullopt;
        const Measurement& last = p.samples.empty() ? p.baseline : p.samples.back();
        const bool glitch = count && count->first == 0 && has_baseline && last.count > 0;
        if (glitch) {
            // A page does not lose its whole audience between two runs: Facebook had a glitch.
            out.notes.push_back(wanted.id + ": Facebook reported 0, taken as a glitch and not published");
            count.reset();
        }
        if (!has_baseline) {
            if (!g || !count) {
                no_count(": no count from Facebook, so no baseline yet");
                continue;
            }
            const auto any = g->count_for(wanted.unit);
            p.unit = any->second;
            p.baseline = measured(now, any->first, p.unit);
            ++out.measured;
        } else if (!g || !count) {
            if (!glitch) no_count(": no count from Facebook in this run");
        } else if (count->second != p.unit) {
            out.notes.push_back(wanted.id + ": Facebook now counts its " + unit_name(count->second) +
                                ", and its baseline counts " + unit_name(p.unit) + ", so it was not measured");
        } else if (now > (p.samples.empty() ? p.baseline.at : p.samples.back().at)) {
            p.samples.push_back(measured(now, count->first, p.unit));
            ++out.measured;
        }

        thin(p.samples, config.max_samples);
        // The rate the widget counts on with until the next run.
        p.rate_per_s = recent_rate(p.baseline, p.samples);
        f.generated_at = std::max(f.generated_at, p.samples.empty() ? p.baseline.at : p.samples.back().at);
        f.pages.push_back(std::move(p));
    }
    if (f.pages.empty()) return out;

    // A widget reads at most kMaxFeedBytes: fifty pages with long histories are thinned further.
    std::size_t max = config.max_samples;
    while (write_feed(f).size() > kMaxFeedBytes / 2 && max > 10) {
        max = std::max<std::size_t>(10, max / 2);
        for (Page& p : f.pages) thin(p.samples, max);
    }
    out.feed = std::move(f);
    return out;
}

namespace {

int percent_of(const json& v) {
    if (!v.is_number()) return 0;
    const double d = v.get<double>();
    return d > 0 && d < 1e6 ? static_cast<int>(d) : 0;
}

void take(Usage& u, const json& o, const char* header) {
    if (!o.is_object()) return;
    for (const char* key : {"call_count", "total_time", "total_cputime"})
        if (o.contains(key) && percent_of(o[key]) > u.percent) {
            u.percent = percent_of(o[key]);
            u.header = header;
        }
    if (o.contains("estimated_time_to_regain_access") && percent_of(o["estimated_time_to_regain_access"]) > u.regain_minutes) {
        u.regain_minutes = percent_of(o["estimated_time_to_regain_access"]);
        u.header = header;
    }
}

}  // namespace

Usage read_usage(std::string_view app_usage, std::string_view business_usage) {
    Usage u;
    const json app = read_json(app_usage);
    take(u, app, "X-App-Usage");
    // {"<business id>": [{"type": "pages", "call_count": 12, ..., "estimated_time_to_regain_access": 0}]}
    const json buc = read_json(business_usage);
    if (buc.is_object())
        for (const auto& [id, list] : buc.items()) {
            if (!list.is_array()) continue;
            for (const json& o : list) take(u, o, "X-Business-Use-Case-Usage");
        }
    return u;
}

std::optional<Instant> pause_until(const Usage& usage, bool limited, Instant now) {
    // Facebook counts over a rolling hour: at the limit, wait out the window (or its estimate);
    // near it, skip the runs of the next quarter hour so the window drains.
    if (usage.regain_minutes > 0) return now + std::min<Instant>((usage.regain_minutes + 1) * kMinute, kDay);
    if (limited || usage.percent >= 100) return now + kHour;
    if (usage.percent >= 80) return now + 15 * kMinute;
    return std::nullopt;
}

std::string write_pause(const Pause& p) {
    json j = json::object();
    j["not_before"] = format_rfc3339(p.not_before);
    j["why"] = p.why;
    return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<Pause> read_pause(std::string_view text) {
    const json j = read_json(text);
    if (!j.is_object() || !j.contains("not_before") || !j["not_before"].is_string()) return std::nullopt;
    const auto at = parse_rfc3339(j["not_before"].get<std::string>());
    if (!at) return std::nullopt;
    Pause p;
    p.not_before = *at;
    if (j.contains("why") && j["why"].is_string()) p.why = j["why"].get<std::string>();
    return p;
}

}  // namespace likeloss
