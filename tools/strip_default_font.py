#!/usr/bin/env python3
"""Copies Dear ImGui's imgui_draw.cpp without the data of its default font (ProggyClean, 12 KB).

The widget always loads its own fonts (Inter, src/widget/fonts.cpp) before the atlas is built, so
ImGui's fallback to its default font is never taken; its data would still ship in every download.

    strip_default_font.py IMGUI_DIR/imgui_draw.cpp OUT.cpp
"""
import re
import sys

source, out = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
pattern = re.compile(r'static const char proggy_clean_ttf_compressed_data_base85\[[^\]]*\] =\s*(?:"(?:[^"\\]|\\.)*"\s*)+;', re.S)
stripped, count = pattern.subn('static const char proggy_clean_ttf_compressed_data_base85[1] = "";  // stripped: never used', text)
if count != 1:
    sys.exit(f"strip_default_font.py: the default font's data was not found in {source}")
open(out, "w", encoding="utf-8").write(f'// Generated from {source} by tools/strip_default_font.py.\n' + stripped)
