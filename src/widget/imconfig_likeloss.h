// Dear ImGui's one configuration point for likeloss (IMGUI_USER_CONFIG, see CMakeLists.txt).
// The widget is a counter, not a tool: no demo, no metrics, no .ini file, no default font files.
#pragma once

#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
