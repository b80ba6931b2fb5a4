#include "model/describe.hpp"

namespace likeloss {

Audience audience_of(const Feed& feed) {
    bool likes = false, followers = false;
    for (const Page& p : feed.pages) (p.unit == Unit::likes ? likes : followers) = true;
    return likes && followers ? Audience::mixed : followers ? Audience::followers : Audience::likes;
}

Audience audience_of(const Page& p) { return p.unit == Unit::followers ? Audience::followers : Audience::likes; }

Msg counted(Audience a) { return a == Audience::likes ? Msg::likes : a == Audience::followers ? Msg::followers : Msg::audience; }
Msg noun(Audience a) {
    return a == Audience::likes ? Msg::likes_noun : a == Audience::followers ? Msg::followers_noun : Msg::audience_noun;
}
Msg changed(Audience a, bool gained) {
    if (a == Audience::likes) return gained ? Msg::gained_likes : Msg::lost_likes;
    if (a == Audience::followers) return gained ? Msg::gained_followers : Msg::lost_followers;
    return gained ? Msg::gained_audience : Msg::lost_audience;
}
Msg status_message(Status s) {
    return s == Status::reported ? Msg::status_reported : s == Status::derived ? Msg::status_derived : Msg::status_assumption;
}

namespace {

std::string money_list(const Figures& f, const Words& w) {
    std::string others;
    for (std::size_t i = 1; i < f.money.size(); ++i) {
        const std::string m = w.money(f.money[i].value, f.money[i].currency);
        others = i == 1 ? m : w.say(Msg::list, {others, m});
    }
    const std::string first = w.money(f.money[0].value, f.money[0].currency);
    return others.empty() ? first : w.say(Msg::money_others, {first, others});
}

std::string change_words(std::int64_t lost, std::int64_t gained, Audience a, const Words& w) {
    const std::int64_t n = gained > 0 ? gained : lost;
    return w.say(changed(a, gained > 0), {Arg(w.count(n), static_cast<double>(n))});
}

}  // namespace

std::string change_figure(std::int64_t lost, std::int64_t gained, const Words& w) {
    if (gained > 0) return "+" + w.count(gained);
    if (lost > 0) return "\xE2\x88\x92" + w.count(lost);  // U+2212 MINUS SIGN
    return "0";
}

Description describe(const Model& model, const Figures& f, const Words& w) {
    const Feed& feed = model.feed();
    const Audience audience = audience_of(feed);
    Description d;
    d.headline = w.say(f.gained > 0 ? Msg::headline_gained : Msg::headline_lost,
                       {isolate(feed.campaign.title), change_words(f.lost, f.gained, audience, w),
                        w.date_time(feed.campaign.since), w.percent(f.percent), w.count(f.baseline)});
    d.money = w.say(Msg::worth, {money_list(f, w)});
    for (const PageFigures& p : f.pages) {
        d.pages.push_back(w.say(Msg::page_sentence,
                                {isolate(p.page->name), change_words(p.lost, p.gained, audience_of(*p.page), w),
                                 w.percent(p.percent), w.count(p.page->baseline.count),
                                 w.money(p.value, feed.money.currency)}));
    }
    d.measured = f.estimate ? w.say(Msg::estimated_for, {w.date_time(f.estimated_for), w.date_time(f.measured_at)})
                            : w.say(Msg::last_measured, {w.date_time(f.measured_at)});
    d.method = unit_value(feed, w);
    for (const Rate& r : feed.money.rates) d.method = w.say(Msg::method, {d.method, rate_value(feed, r, w)});
    d.method += ".";
    return d;
}

std::string unit_value(const Feed& feed, const Words& w) {
    return w.say(Msg::equals, {w.say(counted(audience_of(feed)), {Arg(w.count(1), 1)}),
                               w.money(feed.money.per_unit.value, feed.money.currency),
                               w.say(status_message(feed.money.per_unit.provenance.status))});
}

std::string rate_value(const Feed& feed, const Rate& r, const Words& w) {
    return w.say(Msg::equals, {w.money(1, feed.money.currency), w.number(r.per_base.value) + " " + r.currency,
                               w.say(status_message(r.per_base.provenance.status))});
}

std::vector<std::string> lines(const Description& d) {
    std::vector<std::string> out{d.headline, d.money};
    out.insert(out.end(), d.pages.begin(), d.pages.end());
    out.push_back(d.measured);
    out.push_back(d.method);
    return out;
}

}  // namespace likeloss
