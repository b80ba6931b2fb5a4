// The reference the widget is measured against: a bare Dear ImGui "hello" window with GLFW and
// nlohmann/json, built with the widget's size flags, redrawing every frame as ImGui does by default.
#include <emscripten.h>
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

EM_JS(void, hello_frame_drawn, (), {
    var h = window.hello || (window.hello = { frames: 0, firstFrameAt: 0 });
    if (!h.frames++) h.firstFrameAt = performance.now();
});

namespace {
GLFWwindow* window = nullptr;
std::string greeting;

void frame() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
    ImGui::Begin("hello", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted(greeting.c_str());
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, w, h);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    hello_frame_drawn();
}
}  // namespace

int main() {
    const auto j = nlohmann::json::parse(R"({"greeting": "Hello, world"})", nullptr, false);
    greeting = j.is_object() ? j.value("greeting", "") : "";
    glfwInit();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    window = glfwCreateWindow(600, 300, "hello", nullptr, nullptr);
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
