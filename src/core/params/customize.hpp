// What the embedding page's parameters change in the feed it shows: which pages, in what order,
// in which colours, under which title, and the value of a like in which currency. A value the feed
// cannot honour (a page it does not have, a currency it cannot convert to) is named, not guessed.
#pragma once

#include <string>
#include <vector>

#include "feed/feed.hpp"
#include "params/options.hpp"

namespace likeloss {

// The page colours of `look` and what `content` chooses, applied to `feed`. Returns the parameters
// it had to ignore. The notes it adds to the feed's figures (a value set here, a conversion) are
// in `words`.
std::vector<Ignored> customize(Feed& feed, const Look& look, const Content& content,
                               const Words& words = english_words());

}  // namespace likeloss
