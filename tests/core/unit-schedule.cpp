#include <gtest/gtest.h>

#include "live/schedule.hpp"

using namespace likeloss;

TEST(Schedule, OneRequestAtATimeThenAnInterval) {
    Schedule s(60 * kSecond, 10 * kSecond);
    s.now_due(0);
    EXPECT_TRUE(s.due(0));
    s.sent();
    EXPECT_FALSE(s.due(1000 * kSecond));  // in flight: never a second one
    s.succeeded(1000, 0.5);
    EXPECT_EQ(*s.next(), 1000 + 60 * kSecond);
    s.sent();
    s.succeeded(0, 0.0);
    EXPECT_EQ(*s.next(), 57 * kSecond);  // -5% jitter
}

TEST(Schedule, BacksOffExponentiallyWithJitterUpToACap) {
    Schedule s(60 * kSecond, 10 * kSecond);
    std::vector<Instant> waits;
    for (int i = 0; i < 10; ++i) {
        s.sent();
        s.failed(0, Backoff::normal, 1.0);
        waits.push_back(*s.next());
    }
    EXPECT_EQ(waits[0], 10 * kSecond);
    EXPECT_EQ(waits[1], 20 * kSecond);
    EXPECT_EQ(waits[2], 40 * kSecond);
    EXPECT_EQ(waits.back(), kMaxBackoff);
    EXPECT_EQ(s.wait_after(1, Backoff::normal, 0.0), 5 * kSecond);  // half fixed, half random
    s.sent();
    s.succeeded(0, 0.5);
    EXPECT_EQ(s.failures(), 0);
}

TEST(Schedule, RateLimitsAndRefusalsWaitLonger) {
    Schedule s(kMinute, 10 * kSecond);
    EXPECT_GE(s.wait_after(1, Backoff::longer, 0.0), kRateLimitWait / 2);
    EXPECT_GT(s.wait_after(1, Backoff::longer, 0.0), s.wait_after(1, Backoff::normal, 1.0));
    EXPECT_EQ(s.wait_after(1, Backoff::longest, 1.0), kRefusedWait);
}

TEST(Schedule, NoIntervalMeansOneAnswerIsEnough) {
    Schedule s(0, 10 * kSecond);
    s.now_due(0);
    s.sent();
    s.succeeded(5, 0.5);
    EXPECT_FALSE(s.next());
}

TEST(Schedule, ComingBackOnlineRetriesSoonButNotInAStorm) {
    Schedule s(kMinute, 10 * kSecond);
    for (int i = 0; i < 6; ++i) {
        s.sent();
        s.failed(0, Backoff::normal, 1.0);
    }
    s.online(100, 2 * kSecond);
    EXPECT_EQ(*s.next(), 100 + 2 * kSecond);
    s.online(101, 2 * kSecond);  // a second event moves nothing later or sooner than that
    EXPECT_EQ(*s.next(), 100 + 2 * kSecond);
    Schedule limited(kMinute, 10 * kSecond);
    limited.sent();
    limited.failed(0, Backoff::longer, 0.5);
    const Instant before = *limited.next();
    limited.online(100, 2 * kSecond);  // a rate limit is not lifted by the network coming back
    EXPECT_EQ(*limited.next(), before);
}
