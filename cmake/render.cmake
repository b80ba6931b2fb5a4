# The widget drawn natively: src/widget with Dear ImGui's OpenGL ES 3 renderer on an EGL context
# without a display (Mesa's surfaceless platform, llvmpipe: no GPU, no X), written as PNG with
# libpng. likeloss-render draws a feed; tests/widget compares every layout with reference images.
find_package(PkgConfig REQUIRED)
pkg_check_modules(EGL REQUIRED IMPORTED_TARGET egl)
pkg_check_modules(GLESV2 REQUIRED IMPORTED_TARGET glesv2)
find_package(PNG REQUIRED)

include(cmake/widget.cmake)
target_compile_options(imgui PRIVATE -w)  # Dear ImGui's own code, as Debian ships it

set(LIKELOSS_ARABIC_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Folder holding NotoSansArabic-*.ttf")
add_library(likeloss_render STATIC src/render/offscreen.cpp src/render/png_file.cpp src/render/render.cpp)
target_include_directories(likeloss_render PUBLIC src/render)
target_link_libraries(likeloss_render PUBLIC likeloss_widget likeloss_shaping PRIVATE PkgConfig::EGL PkgConfig::GLESV2 PNG::PNG)

add_executable(likeloss-render src/render/main.cpp)
target_compile_definitions(likeloss-render PRIVATE LIKELOSS_ARABIC_FONT_DIR="${LIKELOSS_ARABIC_FONT_DIR}")
target_link_libraries(likeloss-render PRIVATE likeloss_render likeloss_default_feed)

add_executable(widget_tests tests/widget/golden-layouts.cpp tests/widget/unit-fonts.cpp)
target_compile_definitions(widget_tests PRIVATE LIKELOSS_ARABIC_FONT_DIR="${LIKELOSS_ARABIC_FONT_DIR}"
                                                LIKELOSS_GOLDEN_DIR="${CMAKE_SOURCE_DIR}/tests/widget/golden"
                                                LIKELOSS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(widget_tests PRIVATE likeloss_render likeloss_default_feed GTest::gtest_main)
gtest_discover_tests(widget_tests TEST_PREFIX "Widget." DISCOVERY_TIMEOUT 60)  # ctest -R Widget runs them all
