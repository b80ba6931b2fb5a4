// arabic.wasm's entry points: a standalone WebAssembly module (no JavaScript glue) that a widget
// showing right-to-left text downloads when it needs it. The caller copies UTF-8 into memory it
// got from likeloss_alloc, calls likeloss_visual, reads the NUL-terminated result and frees both
// with likeloss_free. A U+0000 inside the text would end the result early: lines never hold one.
#include <emscripten/heap.h>
#include <wasi/api.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "visual.hpp"

#define LIKELOSS_EXPORT extern "C" __attribute__((used, visibility("default")))

// The two functions Emscripten's standalone runtime would import, defined here so that the module
// imports nothing and its loader needs no stubs. With no JavaScript glue there is no view of memory
// to refresh when it grows (the caller reads memory.buffer after each call), and no process to
// exit: abort() (memory exhausted) traps, which the caller sees as a WebAssembly.RuntimeError.
extern "C" void emscripten_notify_memory_growth(std::size_t) {}
extern "C" void __wasi_proc_exit(__wasi_exitcode_t) { __builtin_trap(); }

LIKELOSS_EXPORT char* likeloss_alloc(int n) {
    if (n < 0) return nullptr;
    return static_cast<char*>(std::malloc(n > 0 ? static_cast<std::size_t>(n) : 1));
}

LIKELOSS_EXPORT void likeloss_free(char* p) { std::free(p); }

// The visual line of `len` bytes at `utf8` (see visual.hpp), NUL-terminated, in memory the caller
// frees with likeloss_free. When memory runs out (a line of millions of characters) the call traps
// or, at the last copy, returns null.
LIKELOSS_EXPORT char* likeloss_visual(const char* utf8, int len, int rtl) {
    const std::string visual = likeloss::visual_line(
        utf8 && len > 0 ? std::string_view(utf8, static_cast<std::size_t>(len)) : std::string_view(), rtl != 0);
    char* out = static_cast<char*>(std::malloc(visual.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, visual.data(), visual.size());
    out[visual.size()] = '\0';
    return out;
}
