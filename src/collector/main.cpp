// likeloss-collect: keeps a campaign's feed live from the Graph API, from cron or a systemd timer;
// and adds the counts a person reads off the pages, for campaigns without Graph API access.
//
//   likeloss-collect [--dry-run] [--quiet] CONFIG
//   likeloss-collect record [--dry-run] [--quiet] [--force] CONFIG PAGE=COUNT... [--at TIME] --source S
//
// Each run asks Facebook once (one batched request) for the configured pages, adds one sample a
// page to the published feed and publishes it atomically. A failed run leaves the published feed
// as it was and says why in one line on stderr and in its exit code (collect.hpp: Exit). The
// decisions are in collect.cpp and the core; the platform is in files.cpp (reading, the atomic
// write, the lock), http.cpp (libcurl) and graph_client.cpp (requests, retries, the clock). This
// file tells a run's story: read the configuration and the token, take the lock, respect a pause,
// read the published feed, measure, keep the pause, publish.
#include <curl/curl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "collect.hpp"
#include "collect_config.hpp"
#include "feed/feed_write.hpp"
#include "files.hpp"
#include "text/format.hpp"
#include "graph_client.hpp"
#include "pictures.hpp"
#include "record.hpp"
#include "text/text.hpp"

using namespace likeloss;

namespace {

// No pause asked by Facebook is longer than this; one further away comes from a wrong clock.
constexpr Instant kMaxPause = kDay;

const char* const kUsage =
    "usage: likeloss-collect [--dry-run] [--quiet] CONFIG\n"
    "  Measures the pages of CONFIG with the Graph API and publishes the feed it names.\n"
    "  The token comes from the environment variable LIKELOSS_GRAPH_TOKEN or from the file\n"
    "  named by the configuration's token_file (readable by its owner only).\n"
    "  --dry-run  print the feed that would be published, and publish nothing\n"
    "  --quiet    print nothing when the run succeeds\n"
    "exit: 0 published, 1 nothing changed, 2 transient failure (try later), 3 configuration error\n";

const char* const kRecordUsage =
    "usage: likeloss-collect record [--dry-run] [--quiet] [--force] CONFIG PAGE=COUNT... [--at TIME]\n"
    "                               (--source URL_OR_CITATION [--note TEXT] | --note TEXT)\n"
    "       likeloss-collect record [--dry-run] [--quiet] CONFIG --undo PAGE\n"
    "  Adds a count read by hand to each PAGE of CONFIG's feed and publishes it, as a run does.\n"
    "  COUNT as the page shows it (2300412, 2,300,412, 2 300 412; not a rounded 2.3M).\n"
    "  --at       when it was read (RFC 3339, UTC: 2026-12-01T12:00:00Z); now when left out\n"
    "  --source   where it was read (the page, or a dated snapshot of it): a reported figure\n"
    "  --note     how it was read; without --source, the figure is an assumption and says why\n"
    "  --force    record a count even if it changes the page by more than a fifth\n"
    "  --undo     withdraw the last count recorded by hand for PAGE\n"
    "  A page whose baseline the configuration leaves out gets its first count as its baseline.\n"
    "exit: 0 published, 2 transient failure (try later), 3 refused (the reason is printed)\n";

// Every line the collector prints goes through here, with the token taken out (as it is, and as it
// is written in a URL), whatever printed it.
std::string g_token, g_token_escaped;
bool g_quiet = false;

std::string scrubbed(std::string s) {
    for (const std::string* secret : {&g_token, &g_token_escaped})
        if (secret->size() >= 4)
            for (std::size_t at; (at = s.find(*secret)) != std::string::npos;) s.replace(at, secret->size(), "[token]");
    return s;
}

// The run's one line. --quiet keeps a success quiet, unless a page was left unmeasured (`notes`).
int finish(Exit code, const std::string& line, const std::vector<std::string>& notes = {}) {
    if (code == Exit::published && g_quiet && notes.empty()) return static_cast<int>(code);
    std::fprintf(stderr, "likeloss-collect: %s\n", scrubbed(line).c_str());
    return static_cast<int>(code);
}

// The token: the environment's, else the token file's, which only its owner may read.
std::optional<std::string> find_token(const std::string& token_file, std::string& problem) {
    if (const char* env = std::getenv("LIKELOSS_GRAPH_TOKEN"); env && *env) return std::string(env);
    if (token_file.empty()) {
        problem = "no Graph API token: set LIKELOSS_GRAPH_TOKEN or name a token_file in the configuration";
        return std::nullopt;
    }
    auto text = read_text(token_file, 64 * 1024, Trust::secret, problem);
    if (!text) {
        problem = problem.rfind(token_file, 0) == 0 ? "the token file " + problem : "the token file: " + problem;
        return std::nullopt;
    }
    return trim(*text);
}


struct Args {
    bool dry_run = false;
    std::string config_path;
};

// The command line, or the exit code of a wrong one (or of --help).
std::optional<int> read_args(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dry-run") args.dry_run = true;
        else if (a == "--quiet") g_quiet = true;
        else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fputs(kUsage, stderr);
            return finish(Exit::config, "unknown option " + a);
        } else if (args.config_path.empty()) args.config_path = a;
        else {
            std::fputs(kUsage, stderr);
            return finish(Exit::config, "one configuration file only");
        }
    }
    if (args.config_path.empty()) {
        std::fputs(kUsage, stderr);
        return finish(Exit::config, "no configuration file given");
    }
    return std::nullopt;
}

// The configuration decides where the feed is written, which token file is read and where the
// token is sent: nobody else may have written it.
struct Setup {
    CollectConfig config;
    std::string output, state_file, renderer;
};

std::optional<int> read_config(const std::string& path, Setup& setup) {
    std::string problem;
    const auto config_text = read_text(path, 1 << 20, Trust::config, problem);
    if (!config_text) return finish(Exit::config, problem);
    CollectConfigResult parsed = parse_collect_config(*config_text, wall_clock());
    if (!parsed.config) return finish(Exit::config, path + ": " + parsed.error.message());
    setup.config = std::move(*parsed.config);
    const std::string here = folder_of(path);
    setup.output = resolve(here, setup.config.output);
    setup.state_file = setup.config.state_file.empty() ? path + ".state" : resolve(here, setup.config.state_file);
    setup.renderer = setup.config.renderer.empty() ? default_renderer() : resolve(here, setup.config.renderer);
    return std::nullopt;
}

std::optional<int> read_setup(const Args& args, Setup& setup) {
    if (auto done = read_config(args.config_path, setup)) return done;
    std::string problem;
    const std::string here = folder_of(args.config_path);
    const auto token = find_token(setup.config.token_file.empty() ? "" : resolve(here, setup.config.token_file), problem);
    if (!token) return finish(Exit::config, problem);
    g_token = *token;
    g_token_escaped = url_escape(*token);
    if (!valid_graph_token(*token))
        return finish(Exit::config, "the Graph API token is not one (8 to 4096 printable characters, no spaces)");
    return std::nullopt;
}

// The lock, and the temporary files that runs which died left behind.
std::optional<int> take_lock(const Setup& s, int& lock) {
    lock = lock_feed(s.output, std::chrono::minutes(1));
    if (lock < 0)
        return errno == EWOULDBLOCK
                   ? finish(Exit::transient, "another run has held the lock on " + s.output + " for a minute; not published")
                   : finish(exit_for(errno), "cannot lock " + s.output + ": " + std::strerror(errno));
    remove_stale_temporaries(s.output);
    remove_stale_temporaries(s.state_file);
    for (const ImageSpec& image : s.config.images) {  // and those of pictures, beside the feed
        remove_stale_temporaries(resolve(folder_of(s.output), image.file));
        remove_stale_temporaries(resolve(folder_of(s.output), image.file.substr(0, image.file.size() - 4) + ".txt"));
    }
    return std::nullopt;
}

// A pause asked by Facebook: skip this run rather than be blocked. A pause further away than any
// Facebook asks for (a clock that was wrong when it was written) is not obeyed.
std::optional<int> skip_if_paused(const Setup& s, Instant now) {
    std::string ignored;
    if (const auto saved = read_text(s.state_file, 64 * 1024, Trust::any, ignored))
        if (const auto pause = read_pause(*saved); pause && now < pause->not_before && pause->not_before - now <= kMaxPause)
            return finish(Exit::unchanged, "skipped: " + pause->why + "; next request after " +
                                               format_rfc3339(pause->not_before));
    return std::nullopt;
}

// The feed as published, if there is one; never overwritten when it is not valid, nor when this
// machine's clock is behind it.
std::optional<int> read_published(const Setup& s, Instant now, std::optional<Feed>& published) {
    std::string problem;
    const std::string& output = s.output;
    if (const auto text = read_text(output, kMaxFeedBytes, Trust::any, problem)) {
        FeedResult old = parse_feed(*text, now);
        if (!old.ok() && old.error.path == "$.generated_at" && old.error.rule.rfind("is in the future", 0) == 0)
            return finish(Exit::transient, "this machine's clock (" + format_rfc3339(now) + ") is behind the published feed " +
                                               output + " (" + old.error.rule + "); it is left as it is");
        if (!old.ok())
            return finish(Exit::config, "the published feed " + output + " is not a valid feed (" + old.error.message() +
                                            "): it is left as it is; fix it, or move it away to start a new history");
        published = std::move(old.feed);
        if (published->generated_at > now)
            return finish(Exit::transient, "this machine's clock (" + format_rfc3339(now) + ") is behind the published feed " +
                                               output + " (generated at " + format_rfc3339(published->generated_at) +
                                               "); it is left as it is");
    } else if (errno != ENOENT) {
        return finish(exit_for(errno), problem);
    }
    return std::nullopt;
}

// The pause Facebook asked for, kept for the next runs: one that cannot be kept is a fault.
bool keep_pause(const Setup& s, const GraphClient& graph, std::vector<std::string>& notes) {
    std::string error;
    int error_number = 0;
    if (!graph.pause) {
        ::unlink(s.state_file.c_str());
    } else if (!write_atomically(s.state_file, write_pause({*graph.pause, graph.pause_why}), 0600, error, error_number)) {
        notes.push_back("Facebook asked for a pause, which could not be kept (" + error + ")");
        return false;
    }
    return true;
}

// The run's log line: what was measured, the feed's size and what was left out.
std::string summary_of(const NextFeed& next, const Setup& s, const std::string& text, Instant now,
                       const std::vector<std::string>& notes) {
    std::string summary = std::to_string(next.measured) + " of " + std::to_string(s.config.feed.pages.size()) + " pages measured";
    for (const Page& p : next.feed->pages)
        if (!p.samples.empty() && p.samples.back().at == now) summary += ", " + p.id + " " + format_count(p.samples.back().count);
        else if (p.samples.empty() && p.baseline.at == now) summary += ", " + p.id + " " + format_count(p.baseline.count);
    summary += ", " + std::to_string(text.size() / 1024 + 1) + " KB";
    if (!notes.empty()) summary += "; " + join(notes, "; ");
    return summary;
}

// The configured pictures of the counter, drawn from the feed just published, while the lock is
// held (a picture always matches a published feed); a picture that fails is named, never fatal.
std::string publish_pictures_of(const Setup& s, const std::string& text, Instant now, std::vector<std::string>& notes) {
    if (s.config.images.empty()) return "";
    const PicturesDone done = publish_pictures(s.config, s.output, text, s.renderer, now);
    notes.insert(notes.end(), done.problems.begin(), done.problems.end());
    return done.written.empty() ? "" : "; pictures " + join(done.written, ", ");
}

// likeloss-collect record: counts read by hand, published through the same steps as a run (the
// lock, the published feed checked, the feed's own parser on the result, the atomic write).
int record_run(int argc, char** argv) {
    bool dry_run = false, force = false;
    std::string config_path, at_text, source, note, undo;
    std::vector<std::string> counts;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        if (a == "--dry-run") dry_run = true;
        else if (a == "--quiet") g_quiet = true;
        else if (a == "--force") force = true;
        else if (a == "--help" || a == "-h") {
            std::fputs(kRecordUsage, stdout);
            return 0;
        } else if ((a == "--at" && value(at_text)) || (a == "--source" && value(source)) || (a == "--note" && value(note)) ||
                   (a == "--undo" && value(undo))) {
        } else if (!a.empty() && a[0] == '-') {
            std::fputs(kRecordUsage, stderr);
            return finish(Exit::config, "unknown option, or one without its value: " + a);
        } else if (config_path.empty()) config_path = a;
        else counts.push_back(a);
    }
    if (config_path.empty() || (counts.empty() == undo.empty())) {
        std::fputs(kRecordUsage, stderr);
        return finish(Exit::config, config_path.empty() ? "no configuration file given"
                                                        : "give PAGE=COUNT for each page, or --undo PAGE, not both");
    }
    Setup s;
    if (auto done = read_config(config_path, s)) return *done;
    const Instant asked = wall_clock();

    // What is recorded, checked before the lock is taken: a mistake costs no wait.
    std::vector<Record> records;
    Provenance provenance{Status::reported, trim(source), trim(note)};
    if (undo.empty()) {
        if (!source.empty() && !valid_source(source))
            return finish(Exit::config, "--source \"" + source + "\" is neither a web address (https://...) nor a citation "
                                        "(who said it, where and when)");
        if (source.empty() && provenance.note.empty())
            return finish(Exit::config, "say where the counts were read (--source), or why they are assumed (--note)");
        if (source.empty()) provenance.status = Status::assumption;
        std::optional<Instant> at = asked;
        if (!at_text.empty() && !(at = parse_rfc3339(at_text)))
            return finish(Exit::config, "--at \"" + at_text + "\" is not a time such as 2026-12-01T12:00:00Z (UTC)");
        for (const std::string& c : counts) {
            const auto eq = c.find('=');
            if (eq == std::string::npos || eq == 0)
                return finish(Exit::config, "\"" + c + "\" is not PAGE=COUNT, such as maroctelecom=2300412");
            std::string why;
            const auto n = read_pasted_count(c.substr(eq + 1), &why);
            if (!n) return finish(Exit::config, c.substr(0, eq) + ": " + why);
            records.push_back({c.substr(0, eq), *n, *at, provenance});
        }
    }

    int lock = -1;
    if (!dry_run)
        if (auto done = take_lock(s, lock)) return *done;
    const Instant now = std::max(asked, wall_clock());
    std::optional<Feed> published;
    if (auto done = read_published(s, now, published)) return *done;
    if (!undo.empty() && !published) return finish(Exit::config, s.output + " is not published yet: nothing to withdraw");
    const Recorded r = undo.empty() ? record(s.config, published ? &*published : nullptr, records, now, force)
                                    : undo_record(s.config, *published, undo, now);
    if (!r.feed) return finish(Exit::config, r.refused + "; " + s.output + " is unchanged");
    const std::string text = write_feed(*r.feed);
    if (const FeedResult check = parse_feed(text, now); !check.ok())
        return finish(Exit::config, "the feed with these counts does not read back (" + check.error.message() + "); " +
                                        s.output + " is unchanged");
    const std::string summary = join(r.done, ", ") + ", " + std::to_string(text.size() / 1024 + 1) + " KB";
    if (dry_run) {
        std::fputs(text.c_str(), stdout);
        return finish(Exit::published, "dry run, nothing written: " + summary);
    }
    std::string error;
    int error_number = 0;
    if (!write_atomically(s.output, text, 0644, error, error_number)) return finish(exit_for(error_number), error);
    std::vector<std::string> notes;
    const std::string pictures = publish_pictures_of(s, text, now, notes);
    ::close(lock);
    return finish(Exit::published, "published " + s.output + ": " + summary + pictures + (notes.empty() ? "" : "; " + join(notes, "; ")), notes);
}

int run(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "record") return record_run(argc, argv);
    Args args;
    if (auto done = read_args(argc, argv, args)) return *done;
    Setup s;
    if (auto done = read_setup(args, s)) return *done;
    const CollectConfig& c = s.config;
    int lock = -1;
    if (!args.dry_run)
        if (auto done = take_lock(s, lock)) return *done;
    // After the lock: a run that waited for another one must not date its samples before that one's.
    Instant now = wall_clock();
    if (auto done = skip_if_paused(s, now)) return *done;
    std::optional<Feed> published;
    if (auto done = read_published(s, now, published)) return *done;

    // Pages whose counting has not started need no count.
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < c.feed.pages.size(); ++i)
        if (now >= c.feed.pages[i].baseline.at && !c.by_hand[i]) ids.push_back(c.feed.pages[i].id);
    GraphClient graph(c, g_token_escaped);
    Measured measured;
    if (!ids.empty()) measured = graph.measure(ids);

    Exit code = measured.unknown.empty() ? Exit::published : Exit::config;
    std::vector<std::string> notes;
    if (!args.dry_run && !keep_pause(s, graph, notes)) code = Exit::config;
    if (measured.failure) {
        std::string line = measured.problem + "; " + s.output + " is unchanged";
        if (!notes.empty()) line += "; " + join(notes, "; ");
        return finish(*measured.failure == Exit::transient && code == Exit::config ? Exit::config : *measured.failure, line);
    }
    for (const std::string& id : measured.unknown) notes.push_back(id + ": Facebook does not know this page id");
    now = std::max(now, wall_clock());  // the samples are dated when Facebook answered

    NextFeed next = next_feed(c, published ? &*published : nullptr, measured.pages, now);
    notes.insert(notes.end(), next.notes.begin(), next.notes.end());
    if (!next.feed) return finish(code == Exit::config ? code : Exit::unchanged, "nothing to publish yet: " + join(notes, "; "));
    const std::string text = write_feed(*next.feed);
    if (const FeedResult check = parse_feed(text, now); !check.ok())
        return finish(Exit::transient, "the feed made from this run does not read back (" + check.error.message() +
                                           "); " + s.output + " is unchanged");
    const std::string summary = summary_of(next, s, text, now, notes);
    if (args.dry_run) {
        std::fputs(text.c_str(), stdout);
        return finish(next.measured || code == Exit::config ? code : Exit::unchanged, "dry run, nothing written: " + summary, notes);
    }
    if (next.measured == 0) return finish(code == Exit::config ? code : Exit::unchanged, "nothing new to publish: " + summary);
    std::string error;
    int error_number = 0;
    if (!write_atomically(s.output, text, 0644, error, error_number)) return finish(exit_for(error_number), error);
    std::vector<std::string> drawn;
    const std::string pictures = publish_pictures_of(s, text, now, drawn);
    ::close(lock);
    return finish(code, "published " + s.output + ": " + summary + pictures + (drawn.empty() ? "" : "; " + join(drawn, "; ")),
                  drawn.empty() ? notes : drawn);
}

}  // namespace

int main(int argc, char** argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const int code = run(argc, argv);
    curl_global_cleanup();
    return code;
}
