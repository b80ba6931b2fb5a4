#include "params/customize.hpp"

#include <algorithm>


namespace likeloss {

namespace {

Status weaker(Status a, Status b) {
    // reported < derived < assumption: a figure is as sure as its least sure part.
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

std::string joined(const std::string& a, const std::string& b) {
    if (a.empty() || a == b) return b;
    return b.empty() ? a : a + (a.back() == '.' ? " " : "; ") + b;  // a sentence ends; a phrase goes on
}

}  // namespace

std::vector<Ignored> customize(Feed& feed, const Look& look, const Content& o, const Words& w) {
    std::vector<Ignored> ignored;
    // HTML lowercases attribute names (data-color.MarocTelecom): ids match in any case.
    for (const auto& page_color : look.page_colors) {
        if (Page* page = find_page(feed, page_color.first))
            page->color = page_color.second;
        else
            ignored.push_back({"color." + page_color.first, Msg::no_page, page_color.first});
    }
    if (!o.pages.empty()) {
        std::vector<Page> chosen;
        for (const std::string& id : o.pages) {
            if (const Page* page = find_page(feed, id))
                chosen.push_back(*page);
            else
                ignored.push_back({"pages", Msg::no_page, id});
        }
        if (!chosen.empty()) feed.pages = std::move(chosen);
    }
    if (!o.title.empty()) feed.campaign.title = o.title;
    if (o.per_unit) {
        feed.money.per_unit.value = *o.per_unit;
        feed.money.per_unit.provenance = {Status::assumption, "", w.say(Msg::per_unit_note)};
    }
    if (!o.currency.empty() && o.currency != feed.money.currency) {
        const auto it = std::find_if(feed.money.rates.begin(), feed.money.rates.end(),
                                     [&](const Rate& r) { return r.currency == o.currency; });
        if (it == feed.money.rates.end() || it->per_base.value <= 0) {
            ignored.push_back({"currency", Msg::no_rate, o.currency});
        } else {
            // The chosen currency becomes the base: the value of a like converted, and every rate
            // restated against it. Computed figures are derived at best, and cite what they use.
            const Rate chosen = *it;
            const Provenance& by = chosen.per_base.provenance;
            const double k = chosen.per_base.value;
            auto computed = [&](const Provenance& from, const std::string& how) {
                Provenance p;
                p.status = weaker(weaker(from.status, by.status), Status::derived);
                p.source = joined(from.source, by.source);
                p.note = joined(from.note, how);
                return p;
            };
            Money m;
            m.currency = chosen.currency;
            m.per_unit.value = feed.money.per_unit.value * k;
            m.per_unit.provenance = computed(feed.money.per_unit.provenance,
                                             w.number(feed.money.per_unit.value) + " " + feed.money.currency + " x " +
                                                 w.number(k) + " " + chosen.currency + "/" + feed.money.currency + ".");
            Rate back;
            back.currency = feed.money.currency;
            back.per_base.value = 1 / k;
            back.per_base.provenance = computed({by.status, "", ""}, "1 / " + w.number(k) + ".");
            m.rates.push_back(back);
            for (const Rate& r : feed.money.rates) {
                if (r.currency == chosen.currency) continue;
                Rate other = r;
                other.per_base.value = r.per_base.value / k;
                other.per_base.provenance = computed(r.per_base.provenance, w.number(r.per_base.value) + " / " + w.number(k) + ".");
                m.rates.push_back(other);
            }
            feed.money = std::move(m);
        }
    }
    return ignored;
}

}  // namespace likeloss
