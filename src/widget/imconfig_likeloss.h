// Dear ImGui's one configuration point for likeloss (IMGUI_USER_CONFIG, see CMakeLists.txt).
// The widget is a counter, not a tool: no demo, no metrics, no .ini file, no default font files.
#pragma once

#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO

// Dear ImGui reads numbers with sscanf only for .ini settings (never loaded here: no IniFilename)
// and the GLSL version; C's sscanf brings the whole scanf machinery with it. This one reads
// literal characters and %d only, which is all the renderer asks of it (imgui_scanf.cpp).
#include <stdio.h>
#ifdef __cplusplus
extern "C"
#endif
int likeloss_sscanf(const char* text, const char* format, ...);
#define sscanf likeloss_sscanf
