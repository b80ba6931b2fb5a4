// likeloss-render: the counter as a PNG, drawn by the widget's own code, for the places where
// scripts never run (link previews, e-mail, forums, READMEs), and for the native drawing tests.
//
//   likeloss-render [--feed FILE] [--at TIME] [--params QUERY] [--width CSS] [--height CSS]
//                   [--scale N] [--source LABEL] [--alt FILE] --out FILE.png [[settings] --out FILE.png]...
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "embedded.hpp"
#include "feed/time.hpp"
#include "png_file.hpp"
#include "render.hpp"
#include "text/text.hpp"

using namespace likeloss;

namespace {

const char* const kUsage =
    "usage: likeloss-render [--feed FILE] [--at TIME] [--params QUERY] [--width CSS] [--height CSS]\n"
    "                       [--scale N] [--source LABEL] [--alt FILE] --out FILE.png\n"
    "                       [[--params …] [--width …] … --out FILE.png]...\n"
    "  Draws the counter as the widget draws it and writes it as a PNG. Several pictures of one\n"
    "  feed: each --out takes the settings given so far, and they carry on to the next (--alt is\n"
    "  one picture's).\n"
    "  --feed    the feed to draw (likeloss-feed JSON); the bundled 2016 campaign when left out\n"
    "  --at      the instant shown (RFC 3339, UTC); now when left out. The same instant, feed and\n"
    "            parameters give the same image\n"
    "  --params  the widget's URL parameters, as after '?': layout=badge&theme=dark&lang=fr\n"
    "  --width   in CSS pixels (360); --height: fixed, else as tall as the card needs\n"
    "  --scale   device pixels per CSS pixel (1; 2 for a sharp image on phones)\n"
    "  --source  where the figures come from, for the footer (the feed's address)\n"
    "  --alt     write the image's alternative text there: the screen reader's sentences\n"
    "exit: 0 written, 2 nothing could be drawn (no OpenGL ES context), 3 bad arguments or feed,\n"
    "      or a picture not written (named; the others are)\n";

// Written beside under a name nobody can guess (never through a planted link), flushed to disk,
// then renamed: a reader never sees half a picture, and two runs never share a temporary file.
bool write_file(const std::string& path, const std::string& bytes) {
    std::string temporary = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());  // O_CREAT | O_EXCL: an existing name, link or not, is refused
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool whole = done == bytes.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    ::close(fd);
    if (!whole || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

int bad(const std::string& why) {
    std::fprintf(stderr, "likeloss-render: %s\n", why.c_str());
    return 3;
}

bool number(const char* text, float& out) {
    char* end = nullptr;
    out = std::strtof(text, &end);
    return end != text && *end == '\0';
}

}  // namespace

// One picture to write: the settings given before its --out.
struct Job {
    Picture picture;
    std::string out, alt;
};

int main(int argc, char** argv) {
    Picture picture;  // the settings so far: each --out takes them, and they carry on to the next
    picture.arabic_font_dir = LIKELOSS_ARABIC_FONT_DIR;
    std::vector<Job> jobs;
    std::string feed_path, alt_path, at;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc) return bad(arg + " needs a value (or is not an option)\n" + kUsage);
        const char* value = argv[++i];
        if (arg == "--feed") feed_path = value;
        else if (arg == "--at") at = value;
        else if (arg == "--params") picture.query = value[0] == '?' ? value + 1 : value;
        else if (arg == "--width") { if (!number(value, picture.css_width)) return bad("--width: not a number: " + std::string(value)); }
        else if (arg == "--height") { if (!number(value, picture.css_height)) return bad("--height: not a number: " + std::string(value)); }
        else if (arg == "--scale") { if (!number(value, picture.scale)) return bad("--scale: not a number: " + std::string(value)); }
        else if (arg == "--source") picture.data_label = value;
        else if (arg == "--alt") alt_path = value;
        else if (arg == "--out") {
            jobs.push_back({picture, value, alt_path});
            alt_path.clear();  // one alt text a picture
        } else return bad("unknown option " + arg + "\n" + kUsage);
    }
    if (jobs.empty()) return bad(std::string("--out is needed\n") + kUsage);
    if (!alt_path.empty()) return bad("--alt " + alt_path + " is for no picture: give it before its --out");
    std::string feed;
    if (feed_path.empty()) feed.assign(kDefaultFeed, kDefaultFeed_size);
    else if (!read_file(feed_path, feed)) return bad(feed_path + ": cannot be read");
    const Instant now = static_cast<Instant>(std::time(nullptr)) * kSecond;
    Instant shown = now;
    if (!at.empty()) {
        const std::optional<Instant> t = parse_rfc3339(at);
        if (!t) return bad("--at: not an RFC 3339 time: " + at);
        shown = *t;
    }

    std::string error;
    std::unique_ptr<Renderer> renderer = Renderer::open(&error);  // once for all: most of a picture's cost
    if (!renderer) {
        std::fprintf(stderr, "likeloss-render: nothing can be drawn here: %s\n", error.c_str());
        return 2;
    }
    int code = 0;
    for (Job& job : jobs) {
        job.picture.feed_json = feed;
        job.picture.now = now;
        job.picture.at = shown;
        const Rendered r = renderer->draw(job.picture);
        const std::string name = jobs.size() > 1 ? job.out + ": " : "";
        if (!r.error.empty()) {
            code = bad(name + r.error);
            continue;
        }
        for (const std::string& n : r.notices) std::fprintf(stderr, "likeloss-render: %sthe card says: %s\n", name.c_str(), n.c_str());
        const std::string png = encode_png(r.width, r.height, r.rgba);
        if (png.empty() || !write_file(job.out, png)) code = bad(job.out + ": cannot be written");
        else if (!job.alt.empty() && !write_file(job.alt, join(r.alt, " ") + "\n")) code = bad(job.alt + ": cannot be written");
    }
    return code;
}
