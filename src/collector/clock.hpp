// The wall clock of the native programs (the collector, the figures tool): their only one. The
// core never reads a clock; what it decides at an instant is given that instant.
#pragma once

#include <chrono>

#include "feed/time.hpp"

namespace likeloss {

inline Instant wall_clock() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace likeloss
