// When a widget asks the network next. One request at a time; after an answer, the next poll is
// one interval away (with a little jitter, so a thousand visitors who opened the page together
// drift apart); after a failure it backs off exponentially, with jitter, and longer still when
// the server said it is rate limiting us or that our credentials are wrong.
#pragma once

#include <optional>

#include "feed/time.hpp"

namespace likeloss {

enum class Backoff {
    normal,    // network fault, timeout, server error, a bad answer
    longer,    // the server is rate limiting us
    longest,   // our credentials are refused: asking again soon cannot help
};

class Schedule {
public:
    // `retry` is the first wait after a failure; it doubles up to `cap`.
    Schedule(Instant interval = 0, Instant retry = 30 * kSecond);

    void set_interval(Instant interval) { interval_ = interval; }
    void set_retry(Instant retry) { retry_ = retry; }
    Instant interval() const { return interval_; }

    bool due(Instant now) const { return !in_flight_ && next_ && now >= *next_; }
    bool in_flight() const { return in_flight_; }
    std::optional<Instant> next() const { return in_flight_ ? std::nullopt : next_; }
    int failures() const { return failures_; }

    void now_due(Instant now) { next_ = now; }  // ask at once (a first request, a fresh start)
    void stop() { next_.reset(); }              // nothing left to ask
    void sent();
    // `jitter` is uniform in [0, 1): the caller owns randomness, so tests are exact.
    void succeeded(Instant now, double jitter);  // with no interval, nothing more is asked
    void failed(Instant now, Backoff how, double jitter);
    // The browser says it is online again: a waiting retry comes forward, but never closer than
    // `soon`, so a flapping connection cannot make a storm.
    void online(Instant now, Instant soon);

    Instant wait_after(int failures, Backoff how, double jitter) const;

private:
    Instant interval_;
    Instant retry_;
    std::optional<Instant> next_;
    bool in_flight_ = false;
    int failures_ = 0;
    Backoff last_ = Backoff::normal;
};

constexpr Instant kMaxBackoff = 15 * kMinute;
constexpr Instant kRateLimitWait = 15 * kMinute;
constexpr Instant kRefusedWait = kHour;

}  // namespace likeloss
