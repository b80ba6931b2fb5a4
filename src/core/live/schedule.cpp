#include "live/schedule.hpp"

#include <algorithm>
#include <cmath>

namespace likeloss {

Schedule::Schedule(Instant interval, Instant retry) : interval_(interval), retry_(retry) {}

void Schedule::sent() { in_flight_ = true; }

void Schedule::succeeded(Instant now, double jitter) {
    in_flight_ = false;
    failures_ = 0;
    if (interval_ <= 0) {
        next_.reset();
        return;
    }
    // +-5% keeps the interval honest and spreads widgets that started in the same second.
    next_ = now + static_cast<Instant>(std::llround(static_cast<double>(interval_) * (0.95 + 0.1 * jitter)));
}

Instant Schedule::wait_after(int failures, Backoff how, double jitter) const {
    // "Equal jitter": half the wait is fixed, half random, so retries spread without collapsing to 0.
    const int doublings = std::min(failures - 1, 20);
    const Instant cap = std::max(kMaxBackoff, interval_);
    Instant wait = std::min(cap, retry_ << std::max(0, doublings));
    if (how == Backoff::longer) wait = std::max(kRateLimitWait, std::min<Instant>(4 * wait, kHour));
    if (how == Backoff::longest) wait = kRefusedWait;
    return wait / 2 + static_cast<Instant>(std::llround(static_cast<double>(wait / 2) * jitter));
}

void Schedule::failed(Instant now, Backoff how, double jitter) {
    in_flight_ = false;
    ++failures_;
    last_ = how;
    next_ = now + wait_after(failures_, how, jitter);
}

void Schedule::online(Instant now, Instant soon) {
    if (in_flight_ || failures_ == 0 || last_ != Backoff::normal || !next_) return;
    next_ = std::min(*next_, now + soon);
}

}  // namespace likeloss
