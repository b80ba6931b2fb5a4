# The widget's drawing: Dear ImGui (1.86, Debian's source package) with its OpenGL ES 3 renderer,
# Inter cut to the widget's glyphs, and src/widget. The web build adds GLFW on a canvas; the
# native one (cmake/render.cmake) an EGL context without a display.
set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/third_party/imgui" CACHE PATH "Dear ImGui 1.86 sources")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui not found in IMGUI_DIR=${IMGUI_DIR}: run tools/setup.sh or set IMGUI_DIR")
endif()

# The widget never uses ImGui's default font (it loads Inter first): its data are cut at build time.
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/strip_default_atlas.py"
          "${IMGUI_DIR}/imgui_draw.cpp" "${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp"
  DEPENDS "${IMGUI_DIR}/imgui_draw.cpp" tools/strip_default_atlas.py tools/source_rewrite.py
  COMMENT "Cutting Dear ImGui's default font and mouse cursors")
# Nor does it load or save .ini settings: their handlers are cut from ImGui::Initialize. And the
# CRC-32 table of ImGui's IDs is computed on first use, not downloaded.
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/gen/imgui.cpp"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/strip_ini_settings.py"
          "${IMGUI_DIR}/imgui.cpp" "${CMAKE_BINARY_DIR}/gen/imgui.ini-less.cpp"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/computed_crc_table.py"
          "${CMAKE_BINARY_DIR}/gen/imgui.ini-less.cpp" "${CMAKE_BINARY_DIR}/gen/imgui.cpp"
  COMMAND "${CMAKE_COMMAND}" -E rm "${CMAKE_BINARY_DIR}/gen/imgui.ini-less.cpp"
  DEPENDS "${IMGUI_DIR}/imgui.cpp" tools/strip_ini_settings.py tools/computed_crc_table.py tools/source_rewrite.py
  COMMENT "Cutting Dear ImGui's .ini settings handlers, computing its CRC-32 table")
# And it owns its WebGL context: the renderer neither reads back nor restores GL state.
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/gen/imgui_impl_opengl3.cpp"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/own_gl_context.py"
          "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" "${CMAKE_BINARY_DIR}/gen/imgui_impl_opengl3.cpp"
  DEPENDS "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" tools/own_gl_context.py tools/source_rewrite.py
  COMMENT "Writing Dear ImGui's renderer for a context of its own")
add_library(imgui STATIC
  "${CMAKE_BINARY_DIR}/gen/imgui.cpp"
  "${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp"
  "${CMAKE_BINARY_DIR}/gen/imgui_impl_opengl3.cpp"
  src/widget/imgui_scanf.cpp)
target_include_directories(imgui PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends" src/widget)
# One configuration point, as imgui intends: src/widget/imconfig_likeloss.h.
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="imconfig_likeloss.h" IMGUI_IMPL_OPENGL_ES3)

# Fonts: Inter from Debian's fonts-inter, cut to the glyphs the widget can show, compiled in:
# ASCII, French and the typography in use; the rest of Latin-1 too for the native renderer, while
# the web build serves it apart (fonts/Inter-Latin-*.otf), fetched by a widget that shows it.
set(LIKELOSS_FONT_DIR "/usr/share/fonts/opentype/inter" CACHE PATH "Folder holding Inter-*.otf")
set(font_glyphs "${CMAKE_SOURCE_DIR}/assets/fonts/glyphs.txt")
set(latin_glyphs "${CMAKE_SOURCE_DIR}/assets/fonts/latin-glyphs.txt")
# A font cut to the code points listed in the files `glyphs` (a list), without layout tables or
# hinting (the widget neither kerns nor hints): likeloss_subset_font(in.otf "a.txt;b.txt" out.otf).
# A CFF font (.otf) is then rewritten on a 1000-unit grid with CFF's own glyph names
# (tools/compact_font.py), by the Python that runs pyftsubset, the one that has fontTools.
find_program(PYFTSUBSET pyftsubset REQUIRED)
file(STRINGS "${PYFTSUBSET}" fonttools_shebang LIMIT_COUNT 1)
if(fonttools_shebang MATCHES "^#! *[^ ]*/env +([^ ]+)")  # #!/usr/bin/env python3
  find_program(FONTTOOLS_PYTHON "${CMAKE_MATCH_1}" REQUIRED)
else()                                                     # #!/usr/bin/python3
  string(REGEX REPLACE "^#! *([^ ]+).*" "\\1" FONTTOOLS_PYTHON "${fonttools_shebang}")
endif()
function(likeloss_subset_font font glyphs subset)
  get_filename_component(name "${font}" NAME_WE)
  get_filename_component(ext "${font}" LAST_EXT)
  set(lists)
  foreach(g ${glyphs})
    list(APPEND lists "--unicodes-file=${g}")
  endforeach()
  set(cut "${subset}")
  set(compact)
  if(ext STREQUAL ".otf")
    set(cut "${subset}.cut")
    set(compact COMMAND "${FONTTOOLS_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/compact_font.py" "${cut}" "${subset}"
                COMMAND "${CMAKE_COMMAND}" -E rm "${cut}")
  endif()
  add_custom_command(
    OUTPUT "${subset}"
    COMMAND "${PYFTSUBSET}" "${font}" ${lists} "--output-file=${cut}" --layout-features=
            --no-hinting --desubroutinize "--name-IDs=0,1,2,3,4,5,6,13,14"
    ${compact}
    DEPENDS ${glyphs} "${font}" "${CMAKE_SOURCE_DIR}/tools/compact_font.py"
    COMMENT "Subsetting ${name}")
endfunction()
set(compiled_glyphs "${font_glyphs}")
if(NOT EMSCRIPTEN)
  list(APPEND compiled_glyphs "${latin_glyphs}")
endif()
set(font_args)
foreach(face Regular SemiBold)
  likeloss_subset_font("${LIKELOSS_FONT_DIR}/Inter-${face}.otf" "${compiled_glyphs}" "${CMAKE_BINARY_DIR}/gen/Inter-${face}.subset.otf")
  list(APPEND font_args "kFont${face}=${CMAKE_BINARY_DIR}/gen/Inter-${face}.subset.otf")
endforeach()
likeloss_embed(--binary gen/fonts.cpp "the fonts" ${font_args})

add_library(likeloss_widget STATIC
  src/widget/chart.cpp
  src/widget/counter.cpp
  src/widget/fonts.cpp
  src/widget/theme.cpp
  "${CMAKE_BINARY_DIR}/gen/fonts.cpp")
target_include_directories(likeloss_widget PUBLIC src/widget src/assets)
target_link_libraries(likeloss_widget PUBLIC likeloss_core imgui)

