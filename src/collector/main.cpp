// likeloss-collect: keeps a campaign's feed live from the Graph API, from cron or a systemd timer.
//
//   likeloss-collect [--dry-run] [--quiet] CONFIG
//
// Each run asks Facebook once (one batched request) for the configured pages, adds one sample a
// page to the published feed and publishes it atomically. A failed run leaves the published feed
// as it was and says why in one line on stderr and in its exit code (collect.hpp: Exit). The
// decisions are in collect.cpp and the core; this file holds the platform: HTTP (libcurl), files,
// the lock and the clock.
#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "collect.hpp"
#include "collect_config.hpp"
#include "feed_write.hpp"
#include "graph.hpp"
#include "live.hpp"
#include "schedule.hpp"

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

Instant clock_now() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

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

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string resolve(const std::string& base_folder, const std::string& path) {
    return path.empty() || path[0] == '/' ? path : base_folder + "/" + path;
}

std::string mode_text(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

// Who may have written a file the collector trusts: the configuration names the token file, the
// output and the Graph host, so only its user (or root) may have written it.
enum class Trust {
    any,     // the published feed, the state file
    config,  // owned by this user or root, writable by nobody else
    secret,  // owned by this user, readable and writable by nobody else
};

// The whole file, or nothing with `problem` set (and errno, ENOENT for a missing file). The checks
// are made on the opened file (fstat), so the file read is the file checked; `max` bounds what a
// mistaken path can make us read, and a FIFO cannot make the run hang.
std::optional<std::string> read_text(const std::string& path, std::size_t max, Trust trust, std::string& problem) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int saved = errno;
        problem = "cannot read " + path + ": " + std::strerror(saved);
        errno = saved;
        return std::nullopt;
    }
    struct stat st {};
    ::fstat(fd, &st);
    const uid_t me = ::geteuid();
    if (!S_ISREG(st.st_mode))
        problem = path + " is not a regular file";
    else if (trust == Trust::config && st.st_uid != me && st.st_uid != 0)
        problem = path + " belongs to another user (uid " + std::to_string(st.st_uid) + "), who could change it";
    else if (trust == Trust::config && (st.st_mode & 022) != 0)
        problem = path + " may be changed by other users (mode " + mode_text(st.st_mode) + "): chmod go-w " + path;
    else if (trust == Trust::secret && (st.st_uid != me || (st.st_mode & 077) != 0))
        problem = path + " may be read by other users (mode " + mode_text(st.st_mode) +
                  (st.st_uid != me ? ", another owner" : "") + "): make it yours with chmod 600";
    if (!problem.empty()) {
        ::close(fd);
        errno = EPERM;
        return std::nullopt;
    }
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || text.size() + static_cast<std::size_t>(n) > max) {
            const int saved = n < 0 ? errno : EFBIG;
            problem = "cannot read " + path + ": " + (n < 0 ? std::strerror(saved) : "larger than expected");
            ::close(fd);
            errno = saved;
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

// A failed file operation needs a person (a missing folder, permissions, a read-only disk) or may
// pass by itself (a full disk, an I/O error).
Exit exit_for(int error) {
    switch (error) {
        case ENOENT: case ENOTDIR: case EACCES: case EPERM: case EROFS: case ELOOP: case EISDIR: return Exit::config;
        default: return Exit::transient;
    }
}

std::string random_suffix() {
    std::random_device random;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d-%08x", static_cast<int>(::getpid()), random());
    return buf;
}

// Temporary file, fsync, rename, fsync of the folder: readers see the old feed or the new one,
// never a part, and a crash at any point leaves one of the two. The temporary file has a name
// nobody can guess and must not exist yet, so a planted link cannot redirect the write.
bool write_atomically(const std::string& path, const std::string& text, mode_t mode, std::string& error, int& failed_errno) {
    const std::string tmp = folder_of(path) + "/." + name_of(path) + ".tmp-" + random_suffix();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        failed_errno = errno;
        error = "cannot write in " + folder_of(path) + ": " + std::strerror(errno);
        return false;
    }
    ::fchmod(fd, mode);  // whatever the umask
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == text.size() && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) {
        failed_errno = written ? errno : saved;
        error = "cannot write " + path + ": " + std::strerror(failed_errno);
        ::unlink(tmp.c_str());
        return false;
    }
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

// Temporary files of runs that died before their rename: only the holder of the lock removes them.
void remove_stale_temporaries(const std::string& path) {
    const std::string prefix = "." + name_of(path) + ".tmp-";
    DIR* dir = ::opendir(folder_of(path).c_str());
    if (!dir) return;
    while (dirent* e = ::readdir(dir))
        if (std::strncmp(e->d_name, prefix.c_str(), prefix.size()) == 0)
            ::unlink((folder_of(path) + "/" + e->d_name).c_str());
    ::closedir(dir);
}

// One run at a time for a feed: the lock is the kernel's (flock), so a run that dies releases it.
// -1 with errno: EWOULDBLOCK when another run held it for all of `wait`.
int lock_feed(const std::string& output, std::chrono::milliseconds wait) {
    const std::string path = folder_of(output) + "/." + name_of(output) + ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    const auto until = std::chrono::steady_clock::now() + wait;  // a clock that is never set back
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= until) {
            ::close(fd);
            errno = error;
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return fd;
}

// ---------------------------------------------------------------------------------------------
// HTTP

struct HttpAnswer {
    bool answered = false;  // false: no complete answer (see `problem`)
    std::string problem;
    int status = 0;
    std::string body;
    std::string app_usage, business_usage;
};

struct Transfer {
    std::string body;
    std::size_t max = 0;
    bool too_large = false;
    std::string app_usage, business_usage;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->body.size() + n > t->max) {
        t->too_large = true;
        return 0;  // aborts the transfer
    }
    t->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    std::string line(data, n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(0, 1);
        if (name == "x-app-usage") t->app_usage = value;
        if (name == "x-business-use-case-usage") t->business_usage = value;
    }
    return n;
}

HttpAnswer http_get(const std::string& url, int timeout_s, std::size_t max_bytes) {
    HttpAnswer a;
    CURL* curl = curl_easy_init();
    if (!curl) {
        a.problem = "the HTTP client could not start";
        return a;
    }
    Transfer t;
    t.max = max_bytes;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_s) * 1000L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(10L, static_cast<long>(timeout_s)) * 1000L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would carry the token elsewhere
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "likeloss-collect/1");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    a.app_usage = t.app_usage;
    a.business_usage = t.business_usage;
    if (t.too_large) {
        a.problem = "the answer is larger than " + std::to_string(max_bytes / 1024) + " KB";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        a.problem = "no answer within " + std::to_string(timeout_s) + " s";
    } else if (code != CURLE_OK) {
        a.problem = error[0] ? error : curl_easy_strerror(code);
    } else {
        a.answered = true;
        a.status = static_cast<int>(status);
        a.body = std::move(t.body);
    }
    return a;
}

// ---------------------------------------------------------------------------------------------
// One batched Graph request, tried again (with backoff) when the failure may pass.

struct Asked {
    std::optional<Exit> failure;  // set: the run ends with this
    std::string problem;
    std::vector<GraphPage> pages;
    std::optional<GraphError> unknown;  // Facebook does not know a page of the request
};

class GraphClient {
public:
    // `token` as it is written in a URL.
    GraphClient(const CollectConfig& c, std::string token) : c_(c), token_(std::move(token)) {}

    std::optional<Instant> pause;  // asked by Facebook's usage headers or a rate-limit error
    std::string pause_why;

    Asked ask(const std::vector<std::string>& ids) {
        Asked out;
        if (pause) {  // Facebook asked for a pause: no further request in this run
            out.failure = Exit::transient;
            out.problem = "skipped the rest: " + pause_why;
            return out;
        }
        // The widget's backoff: waits of 0.5-1 s, 1-2 s, ... between tries (equal jitter).
        const Schedule backoff(0, kSecond);
        std::mt19937 random{std::random_device{}()};
        const std::string url = graph_url(c_.graph_base, c_.graph_version, ids) + "&access_token=" + token_;
        for (int attempt = 1;; ++attempt) {
            std::string problem;
            const bool last = attempt >= c_.tries;
            const HttpAnswer http = http_get(url, c_.timeout_s, kMaxGraphBytes);
            const Usage usage = read_usage(http.app_usage, http.business_usage);
            if (auto until = pause_until(usage, false, clock_now())) {
                pause = until;
                pause_why = usage.header + " reported " + std::to_string(usage.percent) + " % of the allowed calls used" +
                            (usage.regain_minutes ? " and access regained in " + std::to_string(usage.regain_minutes) + " min" : "");
            }
            // A rate limit: no retry in this run, and a pause for the next ones.
            auto limited = [&](std::string why) {
                pause = pause_until(usage, true, clock_now());
                pause_why = why;
                out.failure = Exit::transient;
                out.problem = std::move(why);
                return out;
            };
            if (!http.answered) {
                problem = "the Graph API at " + c_.graph_base + " gave no answer: " + http.problem;
            } else {
                GraphAnswer g = parse_graph_response(http.body, ids);
                if (g.error) {
                    const GraphError& e = *g.error;
                    switch (e.problem) {
                        case GraphProblem::token:
                            out.failure = Exit::config;
                            out.problem = graph_error_text(e) + ": renew the token";
                            return out;
                        case GraphProblem::permission:
                            out.failure = Exit::config;
                            out.problem = graph_error_text(e) + ": the token needs Page Public Content Access";
                            return out;
                        case GraphProblem::unknown_page:
                            out.unknown = e;
                            return out;
                        case GraphProblem::rate_limit:
                            return limited(graph_error_text(e));
                        case GraphProblem::other:
                            problem = graph_error_text(e);
                            break;
                    }
                } else if (http.status == 429) {
                    return limited("the Graph API answered HTTP 429 (too many requests)");
                } else if (http.status != 200) {
                    problem = "the Graph API at " + c_.graph_base + " answered HTTP " + std::to_string(http.status);
                } else if (!g.invalid.empty()) {
                    problem = "the Graph API at " + c_.graph_base + " sent " + g.invalid;
                } else {
                    out.pages = std::move(g.pages);
                    return out;
                }
            }
            if (last || pause) {
                out.failure = Exit::transient;
                out.problem = problem + (attempt > 1 ? " (" + std::to_string(attempt) + " tries)" : "");
                return out;
            }
            const double jitter = std::uniform_real_distribution<double>(0, 1)(random);
            std::this_thread::sleep_for(std::chrono::milliseconds(backoff.wait_after(attempt, Backoff::normal, jitter)));
        }
    }

private:
    const CollectConfig& c_;
    std::string token_;
};

// ---------------------------------------------------------------------------------------------

std::string thousands(std::int64_t n) {
    std::string s = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return n < 0 ? "-" + s : s;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s;
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
    std::string token = *text;
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.erase(0, 1);
    return token;
}

bool plausible_token(const std::string& token) {
    if (token.size() < 8 || token.size() > 4096) return false;
    for (char ch : token)
        if (static_cast<unsigned char>(ch) <= ' ' || static_cast<unsigned char>(ch) >= 127) return false;
    return true;
}

int run(int argc, char** argv) {
    bool dry_run = false;
    std::string config_path;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dry-run") dry_run = true;
        else if (a == "--quiet") g_quiet = true;
        else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fputs(kUsage, stderr);
            return finish(Exit::config, "unknown option " + a);
        } else if (config_path.empty()) config_path = a;
        else {
            std::fputs(kUsage, stderr);
            return finish(Exit::config, "one configuration file only");
        }
    }
    if (config_path.empty()) {
        std::fputs(kUsage, stderr);
        return finish(Exit::config, "no configuration file given");
    }

    // The configuration decides where the feed is written, which token file is read and where the
    // token is sent: nobody else may have written it.
    std::string problem;
    const auto config_text = read_text(config_path, 1 << 20, Trust::config, problem);
    if (!config_text) return finish(Exit::config, problem);
    CollectConfigResult parsed = parse_collect_config(*config_text, clock_now());
    if (!parsed.config) return finish(Exit::config, config_path + ": " + parsed.error.message());
    const CollectConfig& c = *parsed.config;
    const std::string here = folder_of(config_path);
    const std::string output = resolve(here, c.output);
    const std::string state_file = c.state_file.empty() ? config_path + ".state" : resolve(here, c.state_file);

    const auto token = find_token(c.token_file.empty() ? "" : resolve(here, c.token_file), problem);
    if (!token) return finish(Exit::config, problem);
    g_token = *token;
    if (char* escaped = curl_easy_escape(nullptr, token->c_str(), static_cast<int>(token->size()))) {
        g_token_escaped = escaped;
        curl_free(escaped);
    }
    if (!plausible_token(*token))
        return finish(Exit::config, "the Graph API token is not one (8 to 4096 printable characters, no spaces)");

    int lock = -1;
    if (!dry_run) {
        lock = lock_feed(output, std::chrono::minutes(1));
        if (lock < 0)
            return errno == EWOULDBLOCK
                       ? finish(Exit::transient, "another run has held the lock on " + output + " for a minute; not published")
                       : finish(exit_for(errno), "cannot lock " + output + ": " + std::strerror(errno));
        remove_stale_temporaries(output);
        remove_stale_temporaries(state_file);
    }
    // After the lock: a run that waited for another one must not date its samples before that one's.
    Instant now = clock_now();

    // A pause asked by Facebook: skip this run rather than be blocked. A pause further away than
    // any Facebook asks for (a clock that was wrong when it was written) is not obeyed.
    std::string ignored;
    if (const auto saved = read_text(state_file, 64 * 1024, Trust::any, ignored))
        if (const auto pause = read_pause(*saved); pause && now < pause->not_before && pause->not_before - now <= kMaxPause)
            return finish(Exit::unchanged, "skipped: " + pause->why + "; next request after " +
                                               format_rfc3339(pause->not_before));

    std::optional<Feed> published;
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

    // Pages whose counting has not started need no count.
    std::vector<std::string> ids;
    for (const Page& p : c.feed.pages)
        if (now >= p.baseline.at) ids.push_back(p.id);

    GraphClient graph(c, g_token_escaped);
    std::vector<GraphPage> counts;
    std::vector<std::string> unknown, notes;
    std::optional<Asked> failed;
    if (!ids.empty()) {
        Asked asked = graph.ask(ids);
        if (asked.unknown) {
            // Facebook does not know a page: leave out the ones it names, or find them one by one.
            const GraphError error = *asked.unknown;
            std::vector<std::string> rest;
            for (const std::string& id : ids) {
                bool named = false;
                for (const std::string& u : error.unknown_ids) named = named || same_page_id(u, id);
                (named ? unknown : rest).push_back(id);
            }
            asked = Asked{};
            if (unknown.empty()) {
                for (const std::string& id : rest) {
                    Asked one = graph.ask({id});
                    if (one.unknown) unknown.push_back(id);
                    else if (one.failure) { asked = std::move(one); break; }
                    else counts.insert(counts.end(), one.pages.begin(), one.pages.end());
                }
                // Not one page known: the request itself is wrong (a code 100 is also a bad field
                // or version), not every page id.
                if (!asked.failure && unknown.size() == ids.size() && ids.size() > 1) {
                    asked.failure = Exit::config;
                    asked.problem = "Facebook refused every page of the request (Graph API error " +
                                    std::to_string(error.code) + "): check the page ids and graph.version";
                    unknown.clear();
                }
            } else if (!rest.empty()) {
                asked = graph.ask(rest);
                if (asked.unknown) {
                    asked.failure = Exit::config;
                    asked.problem = graph_error_text(*asked.unknown);
                }
            }
        }
        if (!asked.failure && asked.pages.empty() && counts.empty() && unknown.empty()) {
            asked.failure = Exit::transient;
            asked.problem = "the Graph API at " + c.graph_base + " answered without a count for any page";
        }
        if (asked.failure) failed = std::move(asked);
        else counts.insert(counts.end(), asked.pages.begin(), asked.pages.end());
    }

    // The pause Facebook asked for, kept for the next runs: one that cannot be kept is a fault.
    Exit code = unknown.empty() ? Exit::published : Exit::config;
    if (!dry_run) {
        std::string error;
        int error_number = 0;
        if (!graph.pause) {
            ::unlink(state_file.c_str());
        } else if (!write_atomically(state_file, write_pause({*graph.pause, graph.pause_why}), 0600, error, error_number)) {
            notes.push_back("Facebook asked for a pause, which could not be kept (" + error + ")");
            code = Exit::config;
        }
    }
    if (failed) {
        std::string line = failed->problem + "; " + output + " is unchanged";
        if (!notes.empty()) line += "; " + joined(notes);
        return finish(*failed->failure == Exit::transient && code == Exit::config ? Exit::config : *failed->failure, line);
    }
    for (const std::string& id : unknown) notes.push_back(id + ": Facebook does not know this page id");
    now = std::max(now, clock_now());  // the samples are dated when Facebook answered

    NextFeed next = next_feed(c, published ? &*published : nullptr, counts, now);
    notes.insert(notes.end(), next.notes.begin(), next.notes.end());
    if (!next.feed) return finish(code == Exit::config ? code : Exit::unchanged, "nothing to publish yet: " + joined(notes));
    const std::string text = write_feed(*next.feed);
    if (const FeedResult check = parse_feed(text, now); !check.ok())
        return finish(Exit::transient, "the feed made from this run does not read back (" + check.error.message() +
                                           "); " + output + " is unchanged");

    std::string summary = std::to_string(next.measured) + " of " + std::to_string(c.feed.pages.size()) + " pages measured";
    for (const Page& p : next.feed->pages)
        if (!p.samples.empty() && p.samples.back().at == now) summary += ", " + p.id + " " + thousands(p.samples.back().count);
        else if (p.samples.empty() && p.baseline.at == now) summary += ", " + p.id + " " + thousands(p.baseline.count);
    summary += ", " + std::to_string(text.size() / 1024 + 1) + " KB";
    if (!notes.empty()) summary += "; " + joined(notes);
    if (dry_run) {
        std::fputs(text.c_str(), stdout);
        return finish(next.measured || code == Exit::config ? code : Exit::unchanged, "dry run, nothing written: " + summary, notes);
    }
    if (next.measured == 0) return finish(code == Exit::config ? code : Exit::unchanged, "nothing new to publish: " + summary);
    std::string error;
    int error_number = 0;
    if (!write_atomically(output, text, 0644, error, error_number)) return finish(exit_for(error_number), error);
    ::close(lock);
    return finish(code, "published " + output + ": " + summary, notes);
}

}  // namespace

int main(int argc, char** argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const int code = run(argc, argv);
    curl_global_cleanup();
    return code;
}
