#!/usr/bin/env python3
"""Copies Dear ImGui's imgui_draw.cpp without its default font (ProggyClean, 12 KB) or its mouse
cursors (a 122 x 27 drawing, 3.3 KB).

The widget always loads its own fonts (Inter, src/widget/fonts.cpp) before the atlas is built, so
ImGui's fallback to its default font is never taken; and the browser draws the pointer, never ImGui
(io.MouseDrawCursor stays false), so the atlas holds only the 2 x 2 white texels that shapes use, as
it does with ImFontAtlasFlags_NoMouseCursors. Their data would still ship in every download.

    strip_default_atlas.py IMGUI_DIR/imgui_draw.cpp OUT.cpp
"""
from source_rewrite import SourceRewrite

rewrite = SourceRewrite()
rewrite.cut(r'static const char proggy_clean_ttf_compressed_data_base85\[[^\]]*\] =\s*(?:"(?:[^"\\]|\\.)*"\s*)+;',
    'static const char proggy_clean_ttf_compressed_data_base85[1] = "";  // stripped: never used',
    "the default font's data")
rewrite.cut(r'static const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS\[[^\]]*\] =\s*\{\s*(?:"(?:[^"\\]|\\.)*"\s*)+\};',
    'static const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS[1] = "";  // stripped: the atlas has no cursors',
    "the mouse cursors' drawing")
# Every place that asks whether the atlas has cursors is told it has none, whatever its flags say.
rewrite.cut(r'\(Flags & ImFontAtlasFlags_NoMouseCursors\)', '(true)', "GetMouseCursorTexData's test")
rewrite.cut(r'!\(atlas->Flags & ImFontAtlasFlags_NoMouseCursors\)', 'false', "the atlas builder's tests", count=2)
rewrite.write()
