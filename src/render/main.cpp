// likeloss-render: the counter as a PNG, drawn by the widget's own code, for the places where
// scripts never run (link previews, e-mail, forums, READMEs), and for the native drawing tests.
//
//   likeloss-render [--feed FILE] [--at TIME] [--params QUERY] [--width CSS] [--height CSS]
//                   [--scale N] [--source LABEL] [--alt FILE] --out FILE.png
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>

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
    "  Draws the counter as the widget draws it and writes it as a PNG.\n"
    "  --feed    the feed to draw (likeloss-feed JSON); the bundled 2016 campaign when left out\n"
    "  --at      the instant shown (RFC 3339, UTC); now when left out. The same instant, feed and\n"
    "            parameters give the same image\n"
    "  --params  the widget's URL parameters, as after '?': layout=badge&theme=dark&lang=fr\n"
    "  --width   in CSS pixels (360); --height: fixed, else as tall as the card needs\n"
    "  --scale   device pixels per CSS pixel (1; 2 for a sharp image on phones)\n"
    "  --source  where the figures come from, for the footer (the feed's address)\n"
    "  --alt     write the image's alternative text there: the screen reader's sentences\n"
    "exit: 0 written, 2 nothing could be drawn (no OpenGL ES context), 3 bad arguments or feed\n";

bool read_file(const char* path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

// Written beside, then renamed: a reader never sees half a picture.
bool write_file(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !out.flush()) return false;
    }
    return std::rename(temporary.c_str(), path.c_str()) == 0;
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

int main(int argc, char** argv) {
    Picture picture;
    picture.arabic_font_dir = LIKELOSS_ARABIC_FONT_DIR;
    std::string feed_path, out_path, alt_path, at;
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
        else if (arg == "--out") out_path = value;
        else return bad("unknown option " + arg + "\n" + kUsage);
    }
    if (out_path.empty()) return bad(std::string("--out is needed\n") + kUsage);
    if (feed_path.empty()) picture.feed_json.assign(kDefaultFeed, kDefaultFeed_size);
    else if (!read_file(feed_path.c_str(), picture.feed_json)) return bad(feed_path + ": cannot be read");
    picture.now = static_cast<Instant>(std::time(nullptr)) * kSecond;
    if (at.empty()) {
        picture.at = picture.now;
    } else if (const std::optional<Instant> t = parse_rfc3339(at)) {
        picture.at = *t;
    } else {
        return bad("--at: not an RFC 3339 time: " + at);
    }

    std::string error;
    std::unique_ptr<Renderer> renderer = Renderer::open(&error);
    if (!renderer) {
        std::fprintf(stderr, "likeloss-render: nothing can be drawn here: %s\n", error.c_str());
        return 2;
    }
    const Rendered r = renderer->draw(picture);
    if (!r.error.empty()) return bad(r.error);
    for (const std::string& n : r.notices) std::fprintf(stderr, "likeloss-render: the card says: %s\n", n.c_str());
    const std::string png = encode_png(r.width, r.height, r.rgba);
    if (png.empty() || !write_file(out_path, png)) return bad(out_path + ": cannot be written");
    if (!alt_path.empty() && !write_file(alt_path, join(r.alt, " ") + "\n")) return bad(alt_path + ": cannot be written");
    return 0;
}
