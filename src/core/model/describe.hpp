// The figures as plain sentences: what a screen reader hears, what the page mirrors as text, and
// what tests compare between the native core and the WebAssembly build.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace likeloss {

struct Description {
    std::string headline;              // total lost (or gained) and since when
    std::string money;                 // what that is worth, in every currency
    std::vector<std::string> pages;    // one sentence a page
    std::string measured;              // when, and whether it is an estimate
    std::string method;                // how likes become money, with each figure's status
};

Description describe(const Model& model, const Figures& figures);

// A page's change as its row shows it: "−1,234" lost, "+56" gained, "0" when it did not move
// (never "−0").
std::string change_figure(std::int64_t lost, std::int64_t gained);

// One line per sentence, in the order above.
std::vector<std::string> lines(const Description& d);

// "likes" or "followers": the feed's own word for the audience it measures.
const char* audience_word(const Feed& feed);
std::string one_unit(const Feed& feed);  // "like" or "follower"

}  // namespace likeloss
