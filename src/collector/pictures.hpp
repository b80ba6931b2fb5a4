// The pictures of the counter a configuration asks for, published beside the feed after a run
// that published it. Each is drawn by likeloss-render in a process of its own, so a renderer
// that fails, hangs or crashes cannot touch the feed; the picture and its alt text are then
// written with the feed's atomic write. POSIX only.
#pragma once

#include <string>
#include <vector>

#include "collect_config.hpp"

namespace likeloss {

struct PicturesDone {
    std::vector<std::string> written;   // file names
    std::vector<std::string> problems;  // one line per picture not published, or what its card says
};

// `feed_text` as just published at `feed_path`, drawn at `now` with `renderer` (likeloss-render).
PicturesDone publish_pictures(const CollectConfig& config, const std::string& feed_path, const std::string& feed_text,
                              const std::string& renderer, Instant now);

// Where likeloss-render is: the configuration's `renderer` (resolved by the caller), else beside
// this program.
std::string default_renderer();

}  // namespace likeloss
