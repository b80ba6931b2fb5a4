// Counts recorded by hand (record.hpp): the collector's configuration, its published feed, the
// counts as typed (one PAGE=COUNT a line, optionally followed by " @" and a time), the source or
// note, and the command's flags ("force", "undo PAGE" lines). Input: five texts separated by "---"
// lines, in that order. A pasted count is read as the number its digits write, or refused with a
// reason; what `record` and `undo_record` publish is a feed the widget accepts, that writes back
// the same, holds each recorded count at its time and no longer holds a withdrawn one.
#include <algorithm>

#include "feed/feed_write.hpp"
#include "fuzz.hpp"
#include "record.hpp"
#include "text/text.hpp"

using namespace likeloss;

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

// A published feed, as likeloss-collect publishes it: one the widget accepts, written back the same.
Feed checked(const Feed& feed, Instant now) {
    fuzz::check_feed_rules(feed);
    const std::string text = write_feed(feed);
    const FeedResult again = parse_feed(text, now);
    FUZZ_CHECK(again.ok(), "a recorded feed does not read back: %s\n%s", again.error.message().c_str(), text.c_str());
    FUZZ_CHECK(write_feed(*again.feed) == text);
    return *again.feed;
}

const Measurement& last_of(const Page& p) { return p.samples.empty() ? p.baseline : p.samples.back(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto in = fuzz::parts(fuzz::text_of(data, size), 5);
    const Instant now = from_civil(2026, 12, 2);

    // The counts, read as the command reads them.
    std::vector<Record> records;
    const std::string source = trim(std::string(in[3]));
    const bool cited = valid_source(source);
    const Provenance provenance = cited ? Provenance{Status::reported, source, ""}
                                        : Provenance{Status::assumption, "", source};
    for (std::string_view line : lines_of(in[2])) {
        Instant at = now - kHour;
        if (const auto t = line.find(" @"); t != std::string_view::npos) {
            if (const auto parsed = parse_rfc3339(line.substr(t + 2))) at = *parsed;
            line = line.substr(0, t);
        }
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        std::string why;
        const auto n = read_pasted_count(line.substr(eq + 1), &why);
        // Accepted: the number its digits write, within any page's audience. Refused: a reason.
        std::string digits;
        for (char c : line.substr(eq + 1))
            if (c >= '0' && c <= '9' && (!digits.empty() || c != '0')) digits += c;
        if (n) {
            FUZZ_CHECK(*n >= 0 && *n <= kMaxCount && why.empty());
            FUZZ_CHECK(digits == (*n ? std::to_string(*n) : ""), "\"%.*s\" read as %lld",
                       static_cast<int>(line.size() - eq - 1), line.data() + eq + 1, static_cast<long long>(*n));
        } else {
            FUZZ_CHECK(!why.empty());
            FUZZ_CHECK_UTF8(why, "the reason");
            continue;
        }
        if (source.empty()) continue;  // the command asks for a source or a note first
        records.push_back({std::string(line.substr(0, eq)), *n, at, provenance});
    }

    const CollectConfigResult r = parse_collect_config(in[0], now);
    if (!r.config) return 0;
    const CollectConfig& c = *r.config;
    std::optional<Feed> published;
    if (FeedResult old = parse_feed(in[1], now); old.ok() && old.feed->generated_at <= now)
        published = std::move(old.feed);
    const bool force = in[4].find("force") != std::string_view::npos;

    const Recorded done = record(c, published ? &*published : nullptr, records, now, force);
    FUZZ_CHECK(done.feed.has_value() != !done.refused.empty(), "published and refused at once, or neither");
    FUZZ_CHECK_UTF8(done.refused, "the refusal");
    std::optional<Feed> feed = published;
    if (done.feed) {
        feed = checked(*done.feed, now);
        FUZZ_CHECK(done.done.size() == records.size());
        // Each page's last record is its last measurement now.
        for (auto it = records.rbegin(); it != records.rend(); ++it) {
            const Page* p = find_page(*feed, it->page);
            FUZZ_CHECK(p != nullptr, "%s was recorded and is not in the feed", it->page.c_str());
            if (std::find_if(records.rbegin(), it, [&](const Record& q) { return same_page_id(q.page, it->page); }) != it)
                continue;
            FUZZ_CHECK(last_of(*p).at == it->at && last_of(*p).count == it->count);
        }
    }

    for (std::string_view line : lines_of(in[4])) {
        if (line.rfind("undo ", 0) != 0 || !feed) continue;
        const std::string page(line.substr(5));
        const Page* before = find_page(*feed, page);
        const std::optional<Measurement> withdrawn = before ? std::optional<Measurement>(last_of(*before)) : std::nullopt;
        const Recorded undone = undo_record(c, *feed, page, now);
        FUZZ_CHECK(undone.feed.has_value() != !undone.refused.empty());
        FUZZ_CHECK_UTF8(undone.refused, "the refusal");
        if (!undone.feed) continue;
        FUZZ_CHECK(withdrawn && withdrawn->provenance.source != kMeasuredSource);
        const Feed after = checked(*undone.feed, now);
        if (const Page* p = find_page(after, page)) {
            const Measurement& l = last_of(*p);
            FUZZ_CHECK(l.at < withdrawn->at, "%s: the withdrawn measurement is still the last", page.c_str());
        }
        feed = after;
    }
    return 0;
}
