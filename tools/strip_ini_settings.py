#!/usr/bin/env python3
"""Copies Dear ImGui's imgui.cpp without its .ini settings handlers (windows' and tables').

The widget never loads or saves settings (io.IniFilename is null in src/web/main.cpp and
src/render/render.cpp), yet the handlers ImGui::Initialize registers keep their readers and
writers, and the formatting they use, in every download.

    strip_ini_settings.py IMGUI_DIR/imgui.cpp OUT.cpp
"""
import re
import sys

source, out = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
window = re.compile(r'\n    // Add \.ini handle for ImGuiWindow type\n    \{\n.*?g\.SettingsHandlers\.push_back\(ini_handler\);\n    \}\n', re.S)
table = re.compile(r'\n    // Add \.ini handle for ImGuiTable type\n    TableSettingsInstallHandler\(context\);\n')
text, windows = window.subn('\n    // stripped: the .ini handler for windows (no settings are ever loaded or saved)\n', text)
text, tables = table.subn('\n    // stripped: the .ini handler for tables\n', text)
if windows != 1 or tables != 1:
    sys.exit(f"strip_ini_settings.py: ImGui::Initialize's .ini handlers were not found in {source}")
open(out, "w", encoding="utf-8").write(f'// Generated from {source} by tools/strip_ini_settings.py.\n' + text)
