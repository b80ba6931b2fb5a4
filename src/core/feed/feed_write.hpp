// The feed's writer: the inverse of parse_feed, for whoever publishes a feed (the collector).
// What it writes, parse_feed accepts and reads back as the same feed (a tested round trip).
#pragma once

#include <string>

#include "feed/feed.hpp"

namespace likeloss {

// Version 1 JSON, members in the documented order (docs/feed.md), one page member a line.
std::string write_feed(const Feed& feed);

}  // namespace likeloss
