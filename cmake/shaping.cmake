# Right-to-left text: bidi order and Arabic shaping over FriBidi (src/shaping), the pure script
# checks of the core (src/core/text/script.cpp), and the extras a widget showing Arabic downloads
# when it needs them: arabic.wasm and a Noto Sans Arabic subset.
# Included twice by CMakeLists.txt: in the native branch (library + tests) and in the web part
# once `site` is set (arabic.wasm + fonts).

target_sources(likeloss_core PRIVATE src/core/text/script.cpp)

if(NOT CMAKE_SYSTEM_NAME STREQUAL Emscripten)
  # -------------------------------------------------------------------------------------------
  # Native: Debian's libfribidi (libfribidi-dev), the same FriBidi 1.0.8 the web build compiles.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
  add_library(likeloss_shaping STATIC src/shaping/visual.cpp)
  target_include_directories(likeloss_shaping PUBLIC src/shaping)
  target_link_libraries(likeloss_shaping PUBLIC likeloss_core PRIVATE PkgConfig::FRIBIDI)

  add_executable(shaping_tests tests/shaping/unit-shaping.cpp tests/core/unit-script.cpp)
  target_link_libraries(shaping_tests PRIVATE likeloss_shaping GTest::gtest_main)
  gtest_discover_tests(shaping_tests TEST_PREFIX "Shaping.")  # ctest -R Shaping runs them all
  return()
endif()

# ---------------------------------------------------------------------------------------------
# Web: arabic.wasm, FriBidi compiled from Debian's source package (apt-get source fribidi; its
# tarball ships the generated Unicode tables, lib/*.tab.i), with no JavaScript glue.
set(FRIBIDI_DIR "${CMAKE_SOURCE_DIR}/third_party/fribidi" CACHE PATH "FriBidi 1.0 sources (Debian's source package)")
if(NOT EXISTS "${FRIBIDI_DIR}/lib/fribidi-bidi.c")
  message(FATAL_ERROR "FriBidi not found in FRIBIDI_DIR=${FRIBIDI_DIR}: run tools/setup.sh or set FRIBIDI_DIR")
endif()
enable_language(C)

# fribidi-config.h, as FriBidi's own build writes it from fribidi-config.h.in.
file(STRINGS "${FRIBIDI_DIR}/meson.build" fribidi_project REGEX "^project\\('fribidi'")
string(REGEX MATCH "version: '([0-9]+)\\.([0-9]+)\\.([0-9]+)'" _ "${fribidi_project}")
set(PACKAGE fribidi)
set(PACKAGE_NAME "GNU FriBidi")
set(PACKAGE_BUGREPORT "https://github.com/fribidi/fribidi/issues/new")
set(FRIBIDI_VERSION "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}.${CMAKE_MATCH_3}")
set(FRIBIDI_MAJOR_VERSION "${CMAKE_MATCH_1}")
set(FRIBIDI_MINOR_VERSION "${CMAKE_MATCH_2}")
set(FRIBIDI_MICRO_VERSION "${CMAKE_MATCH_3}")
set(FRIBIDI_INTERFACE_VERSION 4)
set(SIZEOF_INT 4)
set(FRIBIDI_MSVC_BUILD_PLACEHOLDER "#undef FRIBIDI_BUILT_WITH_MSVC")
configure_file("${FRIBIDI_DIR}/lib/fribidi-config.h.in" "${CMAKE_BINARY_DIR}/gen/fribidi/fribidi-config.h" @ONLY)

# Only the parts visual_line calls (the bidi algorithm, brackets, mirroring, joining, shaping):
# the text is decoded by src/core/text/script.cpp, so no character-set converter is built.
add_library(fribidi_web STATIC
  "${FRIBIDI_DIR}/lib/fribidi.c"
  "${FRIBIDI_DIR}/lib/fribidi-arabic.c"
  "${FRIBIDI_DIR}/lib/fribidi-bidi.c"
  "${FRIBIDI_DIR}/lib/fribidi-bidi-types.c"
  "${FRIBIDI_DIR}/lib/fribidi-brackets.c"
  "${FRIBIDI_DIR}/lib/fribidi-joining.c"
  "${FRIBIDI_DIR}/lib/fribidi-joining-types.c"
  "${FRIBIDI_DIR}/lib/fribidi-mirroring.c"
  "${FRIBIDI_DIR}/lib/fribidi-run.c"
  "${FRIBIDI_DIR}/lib/fribidi-shape.c")
target_include_directories(fribidi_web PUBLIC "${CMAKE_BINARY_DIR}/gen/fribidi" "${FRIBIDI_DIR}/lib")
# What configure would find in Emscripten's libc; no DEBUG (its messages would need stdio).
target_compile_definitions(fribidi_web PRIVATE HAVE_STDLIB_H=1 HAVE_STRING_H=1 HAVE_MEMSET=1 HAVE_MEMMOVE=1
                                               HAVE_STRINGIZE=1 FRIBIDI_NO_DEPRECATED=1)
target_compile_options(fribidi_web PRIVATE -Oz -flto -w)

# The module: linked as an executable with no entry point, written as arabic.wasm alone.
add_executable(likeloss_arabic src/shaping/visual.cpp src/shaping/arabic_module.cpp src/core/text/script.cpp)
target_include_directories(likeloss_arabic PRIVATE src/shaping src/core)
target_link_libraries(likeloss_arabic PRIVATE fribidi_web)
target_compile_options(likeloss_arabic PRIVATE -Oz -flto -fno-exceptions -fno-rtti)
set_target_properties(likeloss_arabic PROPERTIES OUTPUT_NAME arabic SUFFIX ".wasm" RUNTIME_OUTPUT_DIRECTORY "${site}")
target_link_options(likeloss_arabic PRIVATE
  -Oz -flto --no-entry -sSTANDALONE_WASM=1 -sFILESYSTEM=0 -sMALLOC=emmalloc -sSUPPORT_LONGJMP=0
  # A line is a few hundred bytes: a small stack and heap that grow with memory.grow if needed.
  -sTOTAL_STACK=65536 -sINITIAL_MEMORY=256KB -sALLOW_MEMORY_GROWTH=1
  -sEXPORTED_FUNCTIONS=_likeloss_alloc,_likeloss_free,_likeloss_visual)
add_custom_command(TARGET likeloss_arabic POST_BUILD
  COMMAND "${WASM_OPT}" -Oz --converge "${site}/arabic.wasm" -o "${site}/arabic.wasm"
  COMMENT "Optimising arabic.wasm")

# Fonts: Noto Sans Arabic (Debian's fonts-noto-core, TrueType outlines, which stb_truetype reads),
# Regular and Bold, cut to the code points of assets/fonts/arabic-glyphs.txt with the Inter
# subset's options, served beside arabic.wasm rather than compiled into the widget.
set(LIKELOSS_ARABIC_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Folder holding NotoSansArabic-*.ttf")
set(arabic_glyphs "${CMAKE_SOURCE_DIR}/assets/fonts/arabic-glyphs.txt")
set(arabic_fonts)
foreach(face Regular Bold)
  set(subset "${site}/fonts/NotoSansArabic-${face}.ttf")
  likeloss_subset_font("${LIKELOSS_ARABIC_FONT_DIR}/NotoSansArabic-${face}.ttf" "${arabic_glyphs}" "${subset}")
  list(APPEND arabic_fonts "${subset}")
endforeach()
add_custom_target(arabic_fonts ALL DEPENDS ${arabic_fonts})
configure_file(assets/fonts/NotoSansArabic-LICENSE.txt "${site}/fonts/NotoSansArabic-LICENSE.txt" COPYONLY)
