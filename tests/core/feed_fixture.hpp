// A small valid feed for tests, as a JSON value to break one field at a time.
#pragma once

#include <nlohmann/json.hpp>

#include "feed/time.hpp"

inline nlohmann::json valid_feed() {
    return nlohmann::json::parse(R"({
      "version": 1,
      "campaign": { "title": "Test", "since": "2020-01-01T00:00:00Z" },
      "money": { "currency": "MAD", "per_unit": { "value": 3, "status": "assumption" },
                 "rates": { "USD": 0.1 } },
      "update_interval_s": 60,
      "pages": [
        { "id": "a", "name": "Page A", "color": "#112233",
          "baseline": { "at": "2020-01-01T00:00:00Z", "count": 1000, "status": "reported", "source": "s" },
          "samples": [ { "at": "2020-01-01T01:00:00Z", "count": 940, "status": "reported", "source": "s" },
                       { "at": "2020-01-01T02:00:00Z", "lost": 100, "status": "derived" } ] },
        { "id": "b", "name": "Page B", "unit": "followers",
          "baseline": { "at": "2020-01-01T00:00:00Z", "count": 500, "status": "assumption" },
          "samples": [ { "at": "2020-01-01T02:00:00Z", "count": 520, "status": "assumption" } ] }
      ],
      "generated_at": "2020-01-01T02:00:00Z"
    })");
}

inline likeloss::Instant test_now() { return likeloss::from_civil(2020, 1, 2); }
