#include "pictures.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "feed/time.hpp"
#include "files.hpp"
#include "text/text.hpp"

extern char** environ;

namespace likeloss {

namespace {

// A picture is a fraction of a second on a small server; a renderer past this is stuck.
constexpr auto kRenderTimeout = std::chrono::seconds(120);  // for all of them
constexpr std::size_t kMaxPicture = 32u << 20;

struct Ran {
    int status = -1;     // the exit code, or -1 when it did not exit by itself
    std::string said;    // what it wrote on stderr (the first 4 KB)
    std::string problem;
};

// Runs `argv` with its stderr read here, for `kRenderTimeout` at most.
Ran run(const std::vector<std::string>& argv) {
    Ran ran;
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
        ran.problem = std::string("no pipe: ") + std::strerror(errno);
        return ran;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The renderer needs no token: it does not get the one in the environment.
    std::vector<char*> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "LIKELOSS_GRAPH_TOKEN=", 21) != 0) env.push_back(*e);
    env.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_ends[1]);
    if (spawned != 0) {
        ::close(pipe_ends[0]);
        ran.problem = argv[0] + ": " + std::strerror(spawned);
        return ran;
    }
    const auto deadline = std::chrono::steady_clock::now() + kRenderTimeout;
    bool timed_out = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{pipe_ends[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) {
            timed_out = true;  // it cannot be watched: it is not waited for either
            break;
        }
        if (ready <= 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;  // the deadline decides
        char buffer[1024];
        const ssize_t n = ::read(pipe_ends[0], buffer, sizeof buffer);  // ready: it does not block
        if (n == 0) break;  // it closed stderr: it has ended
        if (n > 0 && ran.said.size() < 4096) ran.said.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_ends[0]);
    if (timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) ran.problem = "stopped after " + std::to_string(kRenderTimeout.count()) + " s";
    else if (WIFEXITED(status)) ran.status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) ran.problem = std::string("it crashed (") + strsignal(WTERMSIG(status)) + ")";
    return ran;
}

// likeloss-render's lines without its name, on one line.
std::string said(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = trim(text.substr(start, end - start));
        if (line.rfind("likeloss-render: ", 0) == 0) line.erase(0, 17);
        if (!line.empty()) lines.push_back(line);
        start = end + 1;
    }
    return join(lines, "; ");
}

}  // namespace

std::string default_renderer() {
    std::error_code e;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", e);
    return e ? std::string("likeloss-render") : (self.parent_path() / "likeloss-render").string();
}

PicturesDone publish_pictures(const CollectConfig& c, const std::string& feed_path, const std::string& feed_text,
                              const std::string& renderer, Instant now) {
    PicturesDone done;
    if (c.images.empty()) return done;
    std::error_code no_tmp;
    std::filesystem::path tmp = std::filesystem::temp_directory_path(no_tmp);
    if (no_tmp) tmp = "/tmp";  // TMPDIR names no folder: the system's
    std::string dir_template = (tmp / "likeloss-pictures-XXXXXX").string();
    if (!::mkdtemp(dir_template.data())) {
        done.problems.push_back(std::string("no picture published: no temporary folder (") + std::strerror(errno) + ")");
        return done;
    }
    const std::filesystem::path work(dir_template);
    const std::string feed_copy = (work / "feed.json").string();
    std::string error;
    int error_number = 0;
    if (!write_atomically(feed_copy, feed_text, 0600, error, error_number)) {
        done.problems.push_back("no picture published: " + error);
        std::error_code ignored;
        std::filesystem::remove_all(work, ignored);
        return done;
    }
    const std::string folder = folder_of(feed_path);
    const std::string label = c.public_url.empty() ? name_of(feed_path) : c.public_url;
    // One renderer for all of them: starting OpenGL is most of a picture's cost.
    std::vector<std::string> argv{renderer, "--feed", feed_copy, "--at", format_rfc3339(now), "--source", label};
    for (const ImageSpec& image : c.images) {
        const std::string png = (work / image.file).string();
        for (const std::string& a : {std::string("--params"), image.params, std::string("--width"), std::to_string(image.width),
                                     std::string("--height"), std::to_string(image.height), std::string("--scale"),
                                     std::to_string(image.scale), std::string("--alt"), png + ".txt", std::string("--out"), png})
            argv.push_back(a);
    }
    const Ran ran = run(argv);
    const std::string why = !ran.problem.empty() ? ran.problem : said(ran.said);
    for (const ImageSpec& image : c.images) {
        const std::string png = (work / image.file).string(), alt = png + ".txt";
        std::string problem;
        // A picture the renderer finished is whole (it renames a finished file), even if it failed later.
        const auto bytes = read_text(png, kMaxPicture, Trust::any, problem);
        const auto words = bytes ? read_text(alt, 1 << 20, Trust::any, problem) : std::nullopt;
        if (!bytes || !words) {
            done.problems.push_back(image.file + " not published (likeloss-render: " +
                                    (why.empty() ? "exit " + std::to_string(ran.status) : why) + "); the one before stays");
            continue;
        }
        const std::string stem = image.file.substr(0, image.file.size() - 4);
        if (!write_atomically(resolve(folder, image.file), *bytes, 0644, error, error_number)) {
            done.problems.push_back(image.file + " not published: " + error);
            continue;
        }
        if (!write_atomically(resolve(folder, stem + ".txt"), *words, 0644, error, error_number))
            done.problems.push_back(image.file + " published, but its alt text " + stem + ".txt is the one before: " + error);
        done.written.push_back(image.file);
    }
    if (!done.written.empty() && !why.empty() && ran.status == 0) done.problems.push_back("the pictures say: " + why);
    std::error_code ignored;
    std::filesystem::remove_all(work, ignored);
    return done;
}

}  // namespace likeloss
