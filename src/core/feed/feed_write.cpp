#include "feed/feed_write.hpp"

#include "params/color.hpp"

#include <nlohmann/json.hpp>

namespace likeloss {

namespace {

using json = nlohmann::ordered_json;

void put_provenance(json& j, const Provenance& p) {
    j["status"] = status_name(p.status);
    if (!p.source.empty()) j["source"] = p.source;
    if (!p.note.empty()) j["note"] = p.note;
}

json sourced(const SourcedNumber& n) {
    json j = json::object();
    j["value"] = n.value;
    put_provenance(j, n.provenance);
    return j;
}

json measurement(const Measurement& m) {
    json j = json::object();
    j["at"] = format_rfc3339(m.at);
    j["count"] = m.count;
    put_provenance(j, m.provenance);
    return j;
}

}  // namespace

std::string write_feed(const Feed& f) {
    json root = json::object();
    root["version"] = kFeedVersion;

    json campaign = json::object();
    campaign["title"] = f.campaign.title;
    campaign["since"] = format_rfc3339(f.campaign.since);
    if (!f.campaign.url.empty()) campaign["url"] = f.campaign.url;
    if (!f.campaign.note.empty()) campaign["note"] = f.campaign.note;
    if (!f.campaign.translations.empty()) {
        json translations = json::object();
        for (const Translation& t : f.campaign.translations) {
            json words = json::object();
            if (!t.title.empty()) words["title"] = t.title;
            if (!t.note.empty()) words["note"] = t.note;
            translations[t.lang] = std::move(words);
        }
        campaign["translations"] = std::move(translations);
    }
    root["campaign"] = std::move(campaign);

    json money = json::object();
    money["currency"] = f.money.currency;
    money["per_unit"] = sourced(f.money.per_unit);
    if (!f.money.rates.empty()) {
        json rates = json::object();
        for (const Rate& r : f.money.rates) rates[r.currency] = sourced(r.per_base);
        money["rates"] = std::move(rates);
    }
    root["money"] = std::move(money);
    root["update_interval_s"] = f.update_interval_s;

    json pages = json::array();
    for (const Page& p : f.pages) {
        json page = json::object();
        page["id"] = p.id;
        page["name"] = p.name;
        if (!p.translations.empty()) {
            json translations = json::object();
            for (const Translation& t : p.translations)
                translations[t.lang] = t.name.empty() ? json::object() : json{{"name", t.name}};
            page["translations"] = std::move(translations);
        }
        if (p.color) page["color"] = hex_color(*p.color);
        page["unit"] = unit_name(p.unit);
        page["baseline"] = measurement(p.baseline);
        json samples = json::array();
        for (const Measurement& m : p.samples) samples.push_back(measurement(m));
        page["samples"] = std::move(samples);
        if (p.rate_per_s) page["rate_per_s"] = *p.rate_per_s;
        pages.push_back(std::move(page));
    }
    root["pages"] = std::move(pages);
    root["generated_at"] = format_rfc3339(f.generated_at);

    // One measurement a line: small, and still readable (and diffable) by a person.
    std::string out = "{\n";
    bool first = true;
    for (auto it = root.begin(); it != root.end(); ++it) {
        out += first ? "  " : ",\n  ";
        first = false;
        out += json(it.key()).dump() + ": ";
        if (it.key() != "pages") {
            out += it.value().dump(-1, ' ', false, json::error_handler_t::replace);
            continue;
        }
        out += "[";
        for (std::size_t i = 0; i < it.value().size(); ++i) {
            const json& page = it.value()[i];
            out += i ? ",\n    {" : "\n    {";
            bool first_member = true;
            for (auto m = page.begin(); m != page.end(); ++m) {
                out += first_member ? "\n      " : ",\n      ";
                first_member = false;
                out += json(m.key()).dump() + ": ";
                if (m.key() == "samples" && !m.value().empty()) {
                    out += "[";
                    for (std::size_t s = 0; s < m.value().size(); ++s)
                        out += (s ? ",\n        " : "\n        ") +
                               m.value()[s].dump(-1, ' ', false, json::error_handler_t::replace);
                    out += "\n      ]";
                } else {
                    out += m.value().dump(-1, ' ', false, json::error_handler_t::replace);
                }
            }
            out += "\n    }";
        }
        out += "\n  ]";
    }
    out += "\n}\n";
    return out;
}

}  // namespace likeloss
