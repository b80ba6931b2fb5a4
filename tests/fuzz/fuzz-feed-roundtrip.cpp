// The feed's round trip (feed_write.hpp): whatever parse_feed accepts, write_feed writes as a feed
// that parse_feed accepts again and that writes out the same, byte for byte. This is what the
// collector relies on each time it reads its published feed back and publishes the next.
#include "feed/feed_write.hpp"
#include "fuzz.hpp"

using namespace likeloss;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Instant now = fuzz::reader_now();
    const FeedResult first = parse_feed(fuzz::text_of(data, size), now);
    if (!first.ok()) return 0;
    const std::string written = write_feed(*first.feed);
    FUZZ_CHECK_UTF8(written, "the written feed");
    const FeedResult again = parse_feed(written, now);
    FUZZ_CHECK(again.ok(), "the written feed is refused: %s\n%s", again.error.message().c_str(), written.c_str());
    const std::string rewritten = write_feed(*again.feed);
    FUZZ_CHECK(rewritten == written, "written once:\n%s\nwritten again:\n%s", written.c_str(), rewritten.c_str());
    return 0;
}
