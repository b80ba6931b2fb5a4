#include "model/describe.hpp"

#include "text/format.hpp"

namespace likeloss {

const char* audience_word(const Feed& feed) {
    for (const Page& p : feed.pages)
        if (p.unit == Unit::likes) return "likes";
    return "followers";
}

std::string one_unit(const Feed& feed) {
    const std::string word = audience_word(feed);
    return word.substr(0, word.size() - 1);
}

namespace {

std::string money_list(const Figures& f) {
    std::string out;
    for (std::size_t i = 0; i < f.money.size(); ++i) {
        const std::string m = format_money(f.money[i].value, f.money[i].currency);
        out += i == 0 ? m : (i == 1 ? " (" : ", ") + m;
    }
    if (f.money.size() > 1) out += ")";
    return out;
}

std::string change_words(std::int64_t lost, std::int64_t gained, const char* unit) {
    return gained > 0 ? format_count(gained) + " " + unit + " gained" : format_count(lost) + " " + unit + " lost";
}

}  // namespace

std::string change_figure(std::int64_t lost, std::int64_t gained) {
    if (gained > 0) return "+" + format_count(gained);
    if (lost > 0) return "\xE2\x88\x92" + format_count(lost);  // U+2212 MINUS SIGN
    return "0";
}

Description describe(const Model& model, const Figures& f) {
    const Feed& feed = model.feed();
    const char* word = audience_word(feed);
    Description d;
    d.headline = feed.campaign.title + ": " + change_words(f.lost, f.gained, word) + " on Facebook since " +
                 format_date_time(feed.campaign.since) + ", " + format_percent(f.percent) + " of " +
                 format_count(f.baseline) + ".";
    d.money = "Worth " + money_list(f) + ".";
    for (const PageFigures& p : f.pages) {
        d.pages.push_back(p.page->name + ": " + change_words(p.lost, p.gained, unit_name(p.page->unit)) + " (" +
                          format_percent(p.percent) + " of " + format_count(p.page->baseline.count) + "), " +
                          format_money(p.value, feed.money.currency) + ".");
    }
    d.measured = std::string(f.estimate ? "Estimated for " + format_date_time(f.estimated_for) + " from measurements up to "
                                        : "Last measured ") +
                 format_date_time(f.measured_at) + ".";
    d.method = "1 " + one_unit(feed) + " = " +
               format_money(feed.money.per_unit.value, feed.money.currency) + " (" +
               status_name(feed.money.per_unit.provenance.status) + ")";
    for (const Rate& r : feed.money.rates) {
        d.method += "; 1 " + feed.money.currency + " = " + format_number(r.per_base.value) + " " + r.currency + " (" +
                    status_name(r.per_base.provenance.status) + ")";
    }
    d.method += ".";
    return d;
}

std::vector<std::string> lines(const Description& d) {
    std::vector<std::string> out{d.headline, d.money};
    out.insert(out.end(), d.pages.begin(), d.pages.end());
    out.push_back(d.measured);
    out.push_back(d.method);
    return out;
}

}  // namespace likeloss
