// What the embedding page's parameters change in the feed it shows: which pages, in what order,
// in which colours, under which title, and the value of a like in which currency. A value the feed
// cannot honour (a page it does not have, a currency it cannot convert to) is named, not guessed.
#pragma once

#include <string>
#include <vector>

#include "feed.hpp"
#include "options.hpp"

namespace likeloss {

// Returns the parameters it had to ignore, as "name: why".
std::vector<std::string> customize(Feed& feed, const Options& options);

}  // namespace likeloss
