#include "theme.hpp"

namespace likeloss {

ImU32 to_u32(Rgba c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * alpha + 0.5f));
}

ImVec4 to_vec4(Rgba c) { return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f); }

Rgba page_color(const std::optional<Rgba>& own, std::size_t index) {
    if (own) return *own;
    static const Rgba palette[] = {{0x1f, 0x77, 0xb4, 255}, {0xd6, 0x27, 0x28, 255}, {0x2c, 0xa0, 0x2c, 255},
                                   {0x94, 0x67, 0xbd, 255}, {0xff, 0x7f, 0x0e, 255}, {0x8c, 0x56, 0x4b, 255}};
    return palette[index % (sizeof palette / sizeof palette[0])];
}

}  // namespace likeloss
