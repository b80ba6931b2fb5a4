#include "customize.hpp"

#include <algorithm>
#include <cstdio>

namespace likeloss {

namespace {

Status weaker(Status a, Status b) {
    // reported < derived < assumption: a figure is as sure as its least sure part.
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

std::vector<std::string> customize(Feed& feed, const Options& o) {
    std::vector<std::string> ignored;
    if (!o.pages.empty()) {
        std::vector<Page> chosen;
        for (const std::string& id : o.pages) {
            const auto it = std::find_if(feed.pages.begin(), feed.pages.end(), [&](const Page& p) { return p.id == id; });
            if (it == feed.pages.end())
                ignored.push_back("pages: the feed has no page " + id);
            else
                chosen.push_back(*it);
        }
        if (!chosen.empty()) feed.pages = std::move(chosen);
    }
    for (const auto& page_color : o.page_colors) {
        const std::string& id = page_color.first;
        const Rgba& color = page_color.second;
        const auto it = std::find_if(feed.pages.begin(), feed.pages.end(), [&](const Page& p) { return p.id == id; });
        if (it == feed.pages.end())
            ignored.push_back("color." + id + ": the feed has no page " + id);
        else
            it->color = color;
    }
    if (!o.title.empty()) feed.campaign.title = o.title;
    if (o.per_unit) {
        feed.money.per_unit.value = *o.per_unit;
        feed.money.per_unit.provenance = {Status::assumption, "",
                                          "Set by this widget's per_unit parameter, not by the campaign's feed."};
    }
    if (!o.currency.empty() && o.currency != feed.money.currency) {
        const auto it = std::find_if(feed.money.rates.begin(), feed.money.rates.end(),
                                     [&](const Rate& r) { return r.currency == o.currency; });
        if (it == feed.money.rates.end() || it->per_base.value <= 0) {
            ignored.push_back("currency: the feed has no rate for " + o.currency);
        } else {
            // The chosen currency becomes the base: the value of a like converted, and every rate
            // restated against it.
            const Rate chosen = *it;
            const double k = chosen.per_base.value;
            Money m;
            m.currency = chosen.currency;
            m.per_unit.value = feed.money.per_unit.value * k;
            m.per_unit.provenance.status = weaker(feed.money.per_unit.provenance.status, chosen.per_base.provenance.status);
            m.per_unit.provenance.source = feed.money.per_unit.provenance.source;
            m.per_unit.provenance.note = number(feed.money.per_unit.value) + " " + feed.money.currency + " x " +
                                         number(k) + " " + chosen.currency + "/" + feed.money.currency + ".";
            Rate back;
            back.currency = feed.money.currency;
            back.per_base.value = 1 / k;
            back.per_base.provenance = chosen.per_base.provenance;
            m.rates.push_back(back);
            for (const Rate& r : feed.money.rates) {
                if (r.currency == chosen.currency) continue;
                Rate other = r;
                other.per_base.value = r.per_base.value / k;
                other.per_base.provenance.status = weaker(r.per_base.provenance.status, chosen.per_base.provenance.status);
                m.rates.push_back(other);
            }
            feed.money = std::move(m);
        }
    }
    return ignored;
}

}  // namespace likeloss
