// An OpenGL ES 3 context with no window and no display (EGL's surfaceless platform; Mesa's
// llvmpipe draws it on the CPU), drawing into a framebuffer of a given size that can be read back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace likeloss {

class Offscreen {
public:
    // The context, current on this thread; nothing and the reason when EGL cannot give one.
    static std::unique_ptr<Offscreen> open(std::string* error);
    ~Offscreen();
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;

    // Draws go to a `width` x `height` RGBA framebuffer from now on.
    bool resize(int width, int height, std::string* error);
    // Its pixels, top row first, premultiplied as the web canvas holds them.
    std::vector<std::uint8_t> read() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    Offscreen() = default;
    void* display_ = nullptr;
    void* context_ = nullptr;
    unsigned framebuffer_ = 0, color_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace likeloss
