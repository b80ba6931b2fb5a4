#include "model/model.hpp"

#include <algorithm>
#include <cmath>

namespace likeloss {

Model::Model(Feed feed, Continuity continuity) : feed_(std::move(feed)), continuity_(std::move(continuity)) {}

Continuity continuity_of(const Figures& shown, Instant hold) {
    Continuity c;
    c.from = shown.at;
    c.until = shown.at + hold;
    for (const PageFigures& p : shown.pages) {
        if (!p.estimate) continue;  // a measured figure is never held
        // The trend the estimate followed: its speed, or once an extrapolation has stopped at its
        // limit (when it has run furthest ahead), the rate it ran with.
        double falling = p.loss_per_minute;
        if (falling == 0 && p.page->rate_per_s) falling = -*p.page->rate_per_s;
        if (falling == 0) continue;
        c.pages.push_back({p.page->id, p.audience, falling > 0 ? -1 : 1});
    }
    return c;
}

Instant Model::extrapolation_limit() const {
    return static_cast<Instant>(feed_.update_interval_s) * 3 * kSecond;
}

PageFigures Model::page_at(const Page& p, Instant t, bool hold) const {
    PageFigures f;
    f.page = &p;
    // The measurements in order: the baseline, then the samples.
    auto point = [&](std::size_t i) -> const Measurement& { return i == 0 ? p.baseline : p.samples[i - 1]; };
    const std::size_t n = p.samples.size() + 1;

    std::size_t i = 0;  // the last measurement at or before t
    while (i + 1 < n && point(i + 1).at <= t) ++i;
    const Measurement& a = point(i);
    f.last = &a;
    f.audience = static_cast<double>(a.count);

    if (t < p.baseline.at) {
        f.audience = static_cast<double>(p.baseline.count);
    } else if (i + 1 < n) {
        const Measurement& b = point(i + 1);
        const double span = static_cast<double>(b.at - a.at);
        f.loss_per_minute = (a.count - b.count) / span * kMinute;
        if (t > a.at) {
            f.audience = a.count + (b.count - a.count) * (static_cast<double>(t - a.at) / span);
            f.estimate = true;
            f.estimated_for = t;
        }
    } else {
        if (i > 0) {
            const Measurement& prev = point(i - 1);
            f.loss_per_minute = (prev.count - a.count) / static_cast<double>(a.at - prev.at) * kMinute;
        }
        const Instant limit = extrapolation_limit();
        if (p.rate_per_s && t > a.at && limit > 0) {
            const Instant dt = std::min(t - a.at, limit);
            f.audience = std::max(0.0, a.count + *p.rate_per_s * dt / kSecond);
            f.estimate = true;
            f.estimated_for = a.at + dt;
            // Once the rate's time is up the figure stands still, and so does what we know of speed.
            f.loss_per_minute = t - a.at < limit ? -*p.rate_per_s * 60 : 0;
        }
    }

    if (hold && t >= continuity_.from && t < continuity_.until) {
        for (const Continuity::Held& h : continuity_.pages) {
            if (h.page_id != p.id) continue;
            if ((h.direction < 0 && f.audience > h.audience) || (h.direction > 0 && f.audience < h.audience)) {
                f.audience = h.audience;
                f.estimate = true;
                f.estimated_for = t;
            }
        }
    }

    f.shown = static_cast<std::int64_t>(std::llround(f.audience));
    const std::int64_t diff = p.baseline.count - f.shown;
    f.lost = std::max<std::int64_t>(diff, 0);
    f.gained = std::max<std::int64_t>(-diff, 0);
    if (p.baseline.count > 0) f.percent = 100.0 * static_cast<double>(f.lost + f.gained) / p.baseline.count;
    f.value = static_cast<double>(f.lost + f.gained) * feed_.money.per_unit.value;
    return f;
}

Figures Model::at(Instant t) const {
    Figures f;
    f.at = t;
    std::int64_t shown = 0;
    for (const Page& p : feed_.pages) {
        PageFigures pf = page_at(p, t);
        f.baseline += p.baseline.count;
        shown += pf.shown;
        f.estimate = f.estimate || pf.estimate;
        if (pf.estimate) f.estimated_for = std::max(f.estimated_for, pf.estimated_for);
        if (pf.last->at <= t) f.measured_at = std::max(f.measured_at, pf.last->at);
        f.loss_per_minute += pf.loss_per_minute;
        f.pages.push_back(pf);
    }
    const std::int64_t diff = f.baseline - shown;
    f.lost = std::max<std::int64_t>(diff, 0);
    f.gained = std::max<std::int64_t>(-diff, 0);
    if (f.baseline > 0) f.percent = 100.0 * static_cast<double>(f.lost + f.gained) / f.baseline;

    const double base = static_cast<double>(diff) * feed_.money.per_unit.value;
    f.money.push_back({feed_.money.currency, std::abs(base), nullptr});
    for (const Rate& r : feed_.money.rates)
        f.money.push_back({r.currency, std::abs(base) * r.per_base.value, &r.per_base.provenance});
    return f;
}

std::vector<SeriesPoint> Model::series() const {
    std::vector<Instant> times{feed_.campaign.since};
    for (const Page& p : feed_.pages) {
        times.push_back(p.baseline.at);
        for (const Measurement& m : p.samples) times.push_back(m.at);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());

    std::vector<SeriesPoint> out;
    for (Instant t : times) {
        if (t < feed_.campaign.since) continue;
        SeriesPoint s;
        s.at = t;
        for (const Page& p : feed_.pages) {
            const PageFigures pf = page_at(p, t, false);  // the chart shows measurements, never a hold
            s.lost.push_back(pf.lost - pf.gained);
            s.total += pf.lost - pf.gained;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<Instant> Model::next_change(Instant t) const {
    std::optional<Instant> best;
    auto consider = [&](Instant c) {
        if (c > t && (!best || c < *best)) best = c;
    };
    if (t >= continuity_.from && t < continuity_.until && !continuity_.pages.empty()) consider(continuity_.until);
    for (const Page& p : feed_.pages) {
        consider(p.baseline.at);
        for (const Measurement& m : p.samples) consider(m.at);
        const PageFigures f = page_at(p, t);
        // While the audience moves, the rounded figure changes when it crosses the next half.
        double per_ms = 0;
        Instant until = t;
        if (t >= p.baseline.at && f.last) {
            const Measurement& a = *f.last;
            const Measurement* b = nullptr;
            for (const Measurement& m : p.samples)
                if (m.at > a.at) { b = &m; break; }
            if (b) {
                per_ms = static_cast<double>(b->count - a.count) / static_cast<double>(b->at - a.at);
                until = b->at;
            } else if (p.rate_per_s) {
                per_ms = *p.rate_per_s / kSecond;
                until = a.at + extrapolation_limit();
                consider(until);
            }
        }
        const bool floored = per_ms < 0 && f.audience <= 0;  // extrapolation stops at zero
        if (per_ms != 0 && t < until && !floored) {
            const double target = per_ms > 0 ? std::floor(f.audience + 0.5) + 0.5 : std::ceil(f.audience - 0.5) - 0.5;
            const double wait = (target - f.audience) / per_ms;
            // A figure too slow to move before `until` wakes nobody (and 1e-300 a second is not 1 ms).
            if (std::isfinite(wait) && wait < static_cast<double>(until - t))
                consider(t + std::max<Instant>(1, static_cast<Instant>(std::ceil(wait))));
            // The footer names the estimate's minute: it moves on with the clock.
            consider((t / kMinute + 1) * kMinute);
        }
    }
    return best;
}

std::int64_t series_top(const std::vector<SeriesPoint>& series) {
    std::int64_t top = 0;
    for (const SeriesPoint& p : series) {
        std::int64_t stacked = 0;
        for (std::int64_t v : p.lost) stacked += std::max<std::int64_t>(v, 0);
        top = std::max({top, stacked, p.total});
    }
    return top;
}

}  // namespace likeloss
