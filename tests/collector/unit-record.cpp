// Measurements recorded by hand: counts as people paste them, the checks on what they record, the
// order of records and Graph runs, and withdrawing the last record.
#include <gtest/gtest.h>

#include "feed/feed_write.hpp"
#include "record.hpp"

using namespace likeloss;

namespace {

const Instant kStart = from_civil(2026, 12, 1, 12);

CollectConfig config() {
    const std::string text = R"({"output": "feed.json",
      "campaign": {"title": "Unlike", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": 3}, "pages": [
        {"id": "maroctelecom", "name": "Maroc Telecom",
         "baseline": {"at": "2026-11-01T00:00:00Z", "count": 2000000, "status": "reported", "source": "a report"}},
        {"id": "inwi.ma", "name": "Inwi"}]})";
    CollectConfigResult r = parse_collect_config(text, kStart);
    if (!r.config) ADD_FAILURE() << r.error.message();
    return r.config ? *r.config : CollectConfig{};
}

Record read_off(const std::string& page, std::int64_t count, Instant at) {
    return {page, count, at, {Status::reported, "https://web.archive.org/web/20261201/https://www.facebook.com/" + page, ""}};
}

// What the widget would read: the feed written and parsed again.
Feed readable(const Recorded& r, Instant now) {
    EXPECT_TRUE(r.feed) << r.refused;
    FeedResult back = parse_feed(write_feed(*r.feed), now);
    EXPECT_TRUE(back.ok()) << back.error.message();
    return *back.feed;
}

std::string why(std::string_view pasted) {
    std::string reason;
    EXPECT_FALSE(read_pasted_count(pasted, &reason)) << pasted;
    return reason;
}

}  // namespace

TEST(Record, CountsAsPeoplePasteThem) {
    for (const char* pasted : {"2300412", "2,300,412", "2.300.412", "2 300 412", "2\u00a0300\u00a0412", "2\u202f300\u202f412",
                               "2'300'412", "2\u2019300\u2019412", "  2,300,412 ", "2\u202f300 412"})
        EXPECT_EQ(read_pasted_count(pasted, nullptr), 2300412) << pasted;
    EXPECT_EQ(read_pasted_count("0", nullptr), 0);
    EXPECT_EQ(read_pasted_count("2,300", nullptr), 2300);  // a count is whole: 2,300 cannot be 2.3
    EXPECT_EQ(why("2.3M"), "\"2.3M\" is a rounded figure: record the exact count (the page's own, or its snapshot's)");
    EXPECT_NE(why("2,3 k").find("rounded"), std::string::npos);
    EXPECT_NE(why("1.2 million").find("rounded"), std::string::npos);
    EXPECT_NE(why("2,3 مليون").find("rounded"), std::string::npos);
    EXPECT_NE(why("2,300.412").find("mixes separators"), std::string::npos);
    EXPECT_NE(why("2.5").find("groups of three"), std::string::npos);
    EXPECT_NE(why("23,00,412").find("groups of three"), std::string::npos);  // the Indian grouping, or a slip
    EXPECT_NE(why("2300,41").find("groups of three"), std::string::npos);
    EXPECT_NE(why("2300412 likes").find("number only"), std::string::npos);
    EXPECT_NE(why("-5").find("not a count"), std::string::npos);
    EXPECT_NE(why("").find("not a count"), std::string::npos);
    EXPECT_NE(why("99999999999999").find("more than any page"), std::string::npos);
    // Said back readable whatever was pasted: a stray byte as �, a long paste cut.
    EXPECT_EQ(why("2\xff" "300").substr(0, 9), "\"2\uFFFD300\"");
    EXPECT_EQ(why(std::string(50, 'x')).substr(0, 45), "\"" + std::string(40, 'x') + "…\"");
}

TEST(Record, ASourceIsAWebAddressOrACitation) {
    EXPECT_TRUE(valid_source("https://www.facebook.com/maroctelecom"));
    EXPECT_TRUE(valid_source("http://web.archive.org/web/2016/https://www.facebook.com/inwi.ma"));
    EXPECT_TRUE(valid_source("L'Economiste, 1 March 2016, page 4"));
    for (const char* bad : {"", "x", "todo", "https://", "ftp://example.org/a", "https://no dots", "javascript:alert(1)1234"})
        EXPECT_FALSE(valid_source(bad)) << bad;
}

TEST(Record, ACampaignMeasuredOnlyByHand) {
    const CollectConfig c = config();
    // The baseline of inwi.ma, from an archived snapshot; then a measurement of each page.
    Recorded first = record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - 30 * kDay)}, kStart, false);
    Feed f = readable(first, kStart);
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[1].id, "inwi.ma");  // in the configuration's order
    EXPECT_EQ(f.pages[1].baseline.count, 1500000);
    EXPECT_EQ(f.pages[1].baseline.provenance.source, "https://web.archive.org/web/20261201/https://www.facebook.com/inwi.ma");
    Recorded second = record(c, &f, {read_off("maroctelecom", 1990000, kStart - kHour), read_off("inwi.ma", 1490000, kStart)},
                             kStart, false);
    f = readable(second, kStart);
    EXPECT_EQ(second.done, (std::vector<std::string>{"maroctelecom 1,990,000", "inwi.ma 1,490,000"}));
    EXPECT_EQ(f.pages[0].samples.back().count, 1990000);
    EXPECT_EQ(f.pages[1].samples.back().count, 1490000);
    EXPECT_EQ(f.pages[1].samples.back().provenance.status, Status::reported);
    ASSERT_TRUE(f.pages[1].rate_per_s);
    EXPECT_LT(*f.pages[1].rate_per_s, 0);
    EXPECT_EQ(f.generated_at, kStart);
}

TEST(Record, WhatPeopleGetWrongIsRefusedWithTheReason) {
    const CollectConfig c = config();
    const Feed f = readable(record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - kDay)}, kStart, false), kStart);
    const auto refused = [&](Record r, bool force = false) { return record(c, &f, {r}, kStart, force); };
    EXPECT_EQ(refused(read_off("orange", 5, kStart)).refused, "orange: not a page of the campaign (2 pages in the configuration)");
    EXPECT_EQ(refused(read_off("inwi.ma", 1499000, kStart + kHour)).refused,
              "inwi.ma: 2026-12-01T13:00:00Z is in the future (it is 2026-12-01T12:00:00Z)");
    EXPECT_EQ(refused(read_off("inwi.ma", 1499000, kStart - 2 * kDay)).refused,
              "inwi.ma: 2026-11-29T12:00:00Z is not after its last measurement (1,500,000 at 2026-11-30T12:00:00Z); "
              "measurements are added in time order");
    // A digit too many: refused, and what it would mean is said.
    const Recorded typo = refused(read_off("inwi.ma", 14990000, kStart));
    EXPECT_FALSE(typo.feed);
    EXPECT_EQ(typo.refused, "inwi.ma: 14,990,000 would be +13,490,000 since 1,500,000 at 2026-11-30T12:00:00Z, +562,083 likes "
                            "an hour: a typo? (--force records it as it is)");
    EXPECT_TRUE(refused(read_off("inwi.ma", 14990000, kStart), /*force=*/true).feed);
    EXPECT_TRUE(refused(read_off("inwi.ma", 1400000, kStart)).feed);  // a loss of 6.7% is a campaign, not a typo
    // One refusal refuses the whole record.
    EXPECT_FALSE(record(c, &f, {read_off("maroctelecom", 1999000, kStart), read_off("orange", 5, kStart)}, kStart, false).feed);
}

TEST(Record, RecordsAndGraphRunsInterleaveInTimeOrder) {
    const CollectConfig c = config();
    Feed f = readable(record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - kDay)}, kStart - kDay, false), kStart - kDay);
    // A Graph run an hour later measures both pages; its samples keep the records before them.
    GraphPage g;
    g.id = "inwi.ma";
    g.likes = 1495000;
    NextFeed run = next_feed(c, &f, {g}, kStart - kDay + kHour);
    ASSERT_TRUE(run.feed);
    f = *run.feed;
    EXPECT_EQ(f.pages[1].baseline.count, 1500000);
    EXPECT_EQ(f.pages[1].samples.back().provenance.source, kMeasuredSource);
    // A record older than the run is refused; a later one follows it.
    EXPECT_FALSE(record(c, &f, {read_off("inwi.ma", 1497000, kStart - kDay + kMinute)}, kStart, false).feed);
    Recorded later = record(c, &f, {read_off("inwi.ma", 1490000, kStart)}, kStart, false);
    f = readable(later, kStart);
    EXPECT_EQ(f.pages[1].samples.size(), 2u);
    // The last one can be withdrawn; the Graph's own count cannot.
    Recorded undone = undo_record(c, f, "inwi.ma", kStart);
    f = readable(undone, kStart);
    EXPECT_EQ(undone.done, (std::vector<std::string>{"inwi.ma 1,490,000 at 2026-12-01T12:00:00Z withdrawn"}));
    EXPECT_EQ(f.pages[1].samples.back().count, 1495000);
    EXPECT_EQ(undo_record(c, f, "inwi.ma", kStart).refused,
              "inwi.ma: its last measurement (1,495,000 at 2026-11-30T13:00:00Z) was not recorded by hand");
}

TEST(Record, AnUndoneBaselineLeavesThePageWaitingForAnother) {
    const CollectConfig c = config();
    Feed f = readable(record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - kDay)}, kStart, false), kStart);
    Recorded undone = undo_record(c, f, "inwi.ma", kStart);
    f = readable(undone, kStart);
    ASSERT_EQ(f.pages.size(), 1u);
    EXPECT_EQ(f.pages[0].id, "maroctelecom");
    // The configuration's own baseline is not a record.
    EXPECT_NE(undo_record(c, f, "maroctelecom", kStart).refused.find("(the configuration's baseline)"), std::string::npos);
    EXPECT_NE(undo_record(c, f, "inwi.ma", kStart).refused.find("no such page"), std::string::npos);
}

// A mixed campaign: the pages Facebook's API cannot read are marked by_hand, and runs leave them
// to their records without a word.
TEST(Record, PagesMeasuredByHandAreLeftToTheirRecordsByRuns) {
    const std::string text = R"({"output": "feed.json",
      "campaign": {"title": "Unlike", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": 3}, "pages": [
        {"id": "maroctelecom", "name": "Maroc Telecom"}, {"id": "inwi.ma", "name": "Inwi", "by_hand": true}]})";
    CollectConfigResult parsed = parse_collect_config(text, kStart);
    ASSERT_TRUE(parsed.config) << parsed.error.message();
    const CollectConfig c = *parsed.config;
    EXPECT_EQ(c.by_hand, (std::vector<bool>{false, true}));
    Feed f = readable(record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - kDay)}, kStart, false), kStart);
    GraphPage g;
    g.id = "maroctelecom";
    g.likes = 2000000;
    const NextFeed run = next_feed(c, &f, {g}, kStart);
    ASSERT_TRUE(run.feed);
    EXPECT_EQ(run.notes, std::vector<std::string>{});
    EXPECT_EQ(run.feed->pages.size(), 2u);
    EXPECT_EQ(find_page(*run.feed, "inwi.ma")->baseline.count, 1500000);

    const std::string wrong = R"({"output": "f.json", "campaign": {"title": "t", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": 3}, "pages": [{"id": "a", "name": "A", "by_hand": "yes"}]})";
    EXPECT_EQ(parse_collect_config(wrong, kStart).error.message(), "$.pages[0].by_hand: must be true or false");
}

TEST(Record, WithdrawingTheOnlyRecordLeftIsRefusedAndSaysWhy) {
    const std::string text = R"({"output": "feed.json", "campaign": {"title": "Unlike", "since": "2026-11-01T00:00:00Z"},
      "money": {"currency": "MAD", "per_unit": 3}, "pages": [{"id": "inwi.ma", "name": "Inwi", "by_hand": true}]})";
    const CollectConfig c = *parse_collect_config(text, kStart).config;
    const Feed f = readable(record(c, nullptr, {read_off("inwi.ma", 1500000, kStart - kDay)}, kStart, false), kStart);
    const Recorded undone = undo_record(c, f, "inwi.ma", kStart);
    EXPECT_FALSE(undone.feed);
    EXPECT_EQ(undone.refused, "inwi.ma: withdrawing it would leave no page to publish");
    EXPECT_TRUE(undone.done.empty());
}
