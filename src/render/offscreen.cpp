#include "offscreen.hpp"

#include <algorithm>
#include <cstdio>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl3.h>

namespace likeloss {

std::unique_ptr<Offscreen> Offscreen::open(std::string* error) {
    const auto fail = [&](const char* why) -> std::unique_ptr<Offscreen> {
        if (error) *error = std::string(why) + " (EGL error 0x" + [] {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04x", eglGetError());
            return std::string(hex);
        }() + ")";
        return nullptr;
    };
    // Surfaceless: no X, no Wayland, no GPU device needed.
    EGLDisplay display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) return fail("no EGL display without a window (Mesa's surfaceless platform)");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) return fail("EGL did not initialise");
    if (!eglBindAPI(EGL_OPENGL_ES_API)) return fail("EGL has no OpenGL ES");
    // Surfaceless offers pbuffer configurations only (the default asks for a window).
    const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint found = 0;
    if (!eglChooseConfig(display, want, &config, 1, &found) || found < 1) return fail("EGL has no OpenGL ES 3 configuration");
    const EGLint version[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, version);
    if (context == EGL_NO_CONTEXT) return fail("EGL gave no OpenGL ES 3 context");
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) return fail("the context cannot be made current without a surface");
    std::unique_ptr<Offscreen> o(new Offscreen);
    o->display_ = display;
    o->context_ = context;
    return o;
}

Offscreen::~Offscreen() {
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    if (color_) glDeleteRenderbuffers(1, &color_);
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display_, context_);
    eglTerminate(display_);
}

bool Offscreen::resize(int width, int height, std::string* error) {
    if (width == width_ && height == height_ && framebuffer_) return true;
    GLint most = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &most);
    if (width < 1 || height < 1 || width > most || height > most) {
        if (error) *error = std::to_string(width) + "x" + std::to_string(height) + " pixels is not a size this renderer draws (1 to " + std::to_string(most) + ")";
        return false;
    }
    if (!framebuffer_) glGenFramebuffers(1, &framebuffer_);
    if (!color_) glGenRenderbuffers(1, &color_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        if (error) *error = "the framebuffer is not complete";
        return false;
    }
    width_ = width;
    height_ = height;
    return true;
}

std::vector<std::uint8_t> Offscreen::read() const {
    std::vector<std::uint8_t> rows(static_cast<std::size_t>(width_) * height_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    // GL's first row is the bottom one.
    std::vector<std::uint8_t> top_first(rows.size());
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_; ++y)
        std::copy_n(rows.data() + (height_ - 1 - y) * stride, stride, top_first.data() + y * stride);
    return top_first;
}

}  // namespace likeloss
