#!/usr/bin/env python3
"""Copies Dear ImGui's OpenGL 3 renderer for a widget that owns its WebGL context.

The backend is written for applications that share their context with other drawing: every frame
it reads back some twenty pieces of GL state to restore them afterwards, and at start it asks for
the shaders' status and logs. In a browser each of those reads waits for the GPU process to finish
all the work queued before it (measured: about 100 ms of the first frame spent in them). The widget
is the only one to draw in its context, and sets what it needs before each frame (viewport, clear,
scissor off; src/web/main.cpp, src/render/render.cpp), so the reads and the restores go. The shaders
are always GLSL ES 3.00 ("#version 300 es"): the other versions' sources go too. In a browser the
context is always WebGL 2 (OpenGL ES 3.0), so the version and extensions are not asked. A program that
failed to link is still reported by WebGL when it is used (INVALID_OPERATION, which browsers write
to the console), though no longer by the widget.

    own_gl_context.py IMGUI_DIR/backends/imgui_impl_opengl3.cpp OUT.cpp
"""
import re

from source_rewrite import SourceRewrite

rewrite = SourceRewrite()
# RenderDrawData: no backup of the state, no restore.
rewrite.cut(r'\n    // Backup GL state\n    GLenum last_active_texture;.*?\n(    // Setup desired GL state\n)',
    '\n    glActiveTexture(GL_TEXTURE0);  // no backup: the widget owns its context\n\n\\1', "the per-frame backup")
rewrite.cut(r'\n    // Restore modified GL state\n    glUseProgram\(last_program\);.*?\n    \(void\)bd; // Not all compilation paths use this\n',
    '\n    (void)bd;  // nothing to restore\n', "the per-frame restore")
# CreateFontsTexture and CreateDeviceObjects: no binding read back.
rewrite.cut(r'    GLint last_texture;\n    glGetIntegerv\(GL_TEXTURE_BINDING_2D, &last_texture\);\n    glGenTextures',
    '    GLint last_texture = 0;\n    glGenTextures', "the font texture's backup")
rewrite.cut(r'    GLint last_texture, last_array_buffer;\n    glGetIntegerv\(GL_TEXTURE_BINDING_2D, &last_texture\);\n'
    r'    glGetIntegerv\(GL_ARRAY_BUFFER_BINDING, &last_array_buffer\);\n#ifdef IMGUI_IMPL_OPENGL_USE_VERTEX_ARRAY\n'
    r'    GLint last_vertex_array;\n    glGetIntegerv\(GL_VERTEX_ARRAY_BINDING, &last_vertex_array\);\n#endif\n',
    '    GLint last_texture = 0, last_array_buffer = 0;\n#ifdef IMGUI_IMPL_OPENGL_USE_VERTEX_ARRAY\n    GLint last_vertex_array = 0;\n#endif\n',
    "the device objects' backup")
# No status or log read back from the compiler (each waits for the compile).
for call in ('CheckShader(vert_handle, "vertex shader");', 'CheckShader(frag_handle, "fragment shader");',
             'CheckProgram(bd->ShaderHandle, "shader program");'):
    rewrite.cut(r'\n    ' + re.escape(call) + r'\n', '\n', call)
# Only the GLSL ES 3.00 sources.
for name in ('vertex_shader_glsl_120', 'vertex_shader_glsl_130', 'vertex_shader_glsl_410_core',
             'fragment_shader_glsl_120', 'fragment_shader_glsl_130', 'fragment_shader_glsl_410_core'):
    rewrite.cut(r'(    const GLchar\* ' + name + r' =\n)(?:        "(?:[^"\\]|\\.)*"\n)+(        "(?:[^"\\]|\\.)*";\n)',
        r'\1        "";  // unused: the shaders are GLSL ES 3.00\n', name)
# Init: in a browser the context is WebGL 2, which is OpenGL ES 3.0 whatever the machine, without
# desktop GL's clip control: no version, extension or binding read back (each a round trip to the
# GPU process, and Emscripten's glGetIntegerv and glGetString, 2 KB of script, with them).
rewrite.cut(r'(    // Query for GL version \(e\.g\. 320 for GL 3\.2\)\n#if !defined\(IMGUI_IMPL_OPENGL_ES2\)\n)',
    '    // Query for GL version (e.g. 320 for GL 3.2)\n#if defined(__EMSCRIPTEN__)\n    bd->GlVersion = 300;  // WebGL 2\n#elif !defined(IMGUI_IMPL_OPENGL_ES2)\n',
    "the GL version query")
rewrite.cut(r'\n    GLint current_texture;\n    glGetIntegerv\(GL_TEXTURE_BINDING_2D, &current_texture\);\n',
    '\n#if !defined(__EMSCRIPTEN__)\n    GLint current_texture;\n    glGetIntegerv(GL_TEXTURE_BINDING_2D, &current_texture);\n#endif\n',
    "the arbitrary GL call")
rewrite.cut(r'#ifdef IMGUI_IMPL_OPENGL_MAY_HAVE_EXTENSIONS\n    GLint num_extensions = 0;',
    '#if defined(IMGUI_IMPL_OPENGL_MAY_HAVE_EXTENSIONS) && !defined(__EMSCRIPTEN__)\n    GLint num_extensions = 0;',
    "the extensions' query")
rewrite.write()
