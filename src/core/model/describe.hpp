// The figures as plain sentences: what a screen reader hears, what the page mirrors as text, and
// what tests compare between the native core and the WebAssembly build. In any language: the
// words come from the message catalogue (text/messages.hpp).
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"
#include "text/messages.hpp"

namespace likeloss {

struct Description {
    std::string headline;              // total lost (or gained) and since when
    std::string money;                 // what that is worth, in every currency
    std::vector<std::string> pages;    // one sentence a page
    std::string measured;              // when, and whether it is an estimate
    std::string method;                // how likes become money, with each figure's status
};

Description describe(const Model& model, const Figures& figures, const Words& words = english_words());

// A page's change as its row shows it: "−1,234" lost, "+56" gained, "0" when it did not move
// (never "−0").
std::string change_figure(std::int64_t lost, std::int64_t gained, const Words& words = english_words());

// How likes become money, one rule at a time: "1 like = 3 MAD (derived)", and for each rate
// "1 MAD = 0.1 USD (assumption)". The text copy joins them; the card's tooltip shows each with its
// source.
std::string unit_value(const Feed& feed, const Words& words);
std::string rate_value(const Feed& feed, const Rate& rate, const Words& words);

// One line per sentence, in the order above.
std::vector<std::string> lines(const Description& d);

// What a feed counts: likes, followers (New Pages Experience), or both (then the total is neither).
enum class Audience { likes, followers, mixed };
Audience audience_of(const Feed& feed);
Audience audience_of(const Page& page);
Msg counted(Audience a);                // "{0} likes"
Msg noun(Audience a);                   // "likes"
Msg changed(Audience a, bool gained);   // "{0} likes lost"
Msg status_message(Status s);           // "reported"

}  // namespace likeloss
