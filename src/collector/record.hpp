// Measurements recorded by hand (likeloss-collect record): a count read off a page, or off a dated
// snapshot of it in a web archive, with its source. For campaigns without Graph API access, and
// for pages a campaign measures by hand beside those the collector measures. Pure, like
// collect.hpp: the command (main.cpp) reads the files, takes the lock and publishes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect.hpp"

namespace likeloss {

// A count as people paste it: "2300412", "2,300,412", "2.300.412", "2 300 412" (any space, the
// no-break ones included) or "2'300'412". Refused, with the reason in `why`: rounded figures
// ("2.3M", "2,3 k"), groups that are not of three digits, mixed separators, anything but a
// whole number.
std::optional<std::int64_t> read_pasted_count(std::string_view text, std::string* why);

// Where a recorded figure comes from: a web address, or a citation a reader can follow.
bool valid_source(std::string_view source);

struct Record {
    std::string page;   // an id of the configuration's pages
    std::int64_t count = 0;
    Instant at = 0;
    Provenance provenance;  // reported with its source, or an assumption with a note
};

struct Recorded {
    std::optional<Feed> feed;  // to publish; none when refused
    std::string refused;       // why, naming the page and the figure
    std::vector<std::string> done;  // what each record did, for the log line
};

// The feed to publish at `now` with `records` added to the published one (through next_feed, so
// the configuration's rules, thinning and rates apply as in a Graph run). A page whose baseline
// the configuration leaves to be measured gets its first record as its baseline. Refused as a
// whole when one record is: a page not in the campaign, a time in the future or not after the
// page's last measurement, or (unless `force`) a count that would make an absurd change.
Recorded record(const CollectConfig& config, const Feed* published, const std::vector<Record>& records, Instant now,
                bool force);

// The published feed without the last measurement of `page`, when a person recorded it (the
// collector's own counts are not withdrawn this way). A baseline that was recorded goes too, and
// the page waits for another.
Recorded undo_record(const CollectConfig& config, const Feed& published, std::string_view page, Instant now);

}  // namespace likeloss
