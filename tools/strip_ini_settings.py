#!/usr/bin/env python3
"""Copies Dear ImGui's imgui.cpp without its .ini settings handlers (windows' and tables').

The widget never loads or saves settings (io.IniFilename is null in src/web/main.cpp and
src/render/render.cpp), yet the handlers ImGui::Initialize registers keep their readers and
writers, and the formatting they use, in every download.

    strip_ini_settings.py IMGUI_DIR/imgui.cpp OUT.cpp
"""
from source_rewrite import SourceRewrite

rewrite = SourceRewrite()
rewrite.cut(r'\n    // Add \.ini handle for ImGuiWindow type\n    \{\n.*?g\.SettingsHandlers\.push_back\(ini_handler\);\n    \}\n',
            '\n    // stripped: the .ini handler for windows (no settings are ever loaded or saved)\n',
            "ImGui::Initialize's .ini handler for windows")
rewrite.cut(r'\n    // Add \.ini handle for ImGuiTable type\n    TableSettingsInstallHandler\(context\);\n',
            '\n    // stripped: the .ini handler for tables\n', "ImGui::Initialize's .ini handler for tables")
rewrite.write()
