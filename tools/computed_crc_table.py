#!/usr/bin/env python3
"""Copies Dear ImGui's imgui.cpp with its CRC-32 table computed on first use instead of compiled in.

ImGui hashes every ID with CRC-32 through a 256-entry table: 1 KB of numbers that no compressor can
shrink, in every download. The same table (the reflected polynomial 0xEDB88320, as zlib's) takes a
few microseconds to compute the first time an ID is hashed (the widget and the native renderer draw
on one thread, and hash no ID in a static constructor: what ImGui's constant table also allows).

    computed_crc_table.py IMGUI_DIR/imgui.cpp OUT.cpp
"""
from source_rewrite import SourceRewrite

rewrite = SourceRewrite()
computed = '''static ImU32 GCrc32LookupTable[256];  // computed by Crc32Table() (tools/computed_crc_table.py)
static const ImU32* Crc32Table()
{
    if (GCrc32LookupTable[1] == 0)
        for (ImU32 i = 0; i < 256; i++)
        {
            ImU32 c = i;
            for (int k = 0; k < 8; k++)
                c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
            GCrc32LookupTable[i] = c;
        }
    return GCrc32LookupTable;
}'''
rewrite.cut(r'static const ImU32 GCrc32LookupTable\[256\] =\s*\{[^}]*\};', computed, "ImGui's CRC-32 table")
rewrite.cut(r'const ImU32\* crc32_lut = GCrc32LookupTable;', 'const ImU32* crc32_lut = Crc32Table();',
            "the CRC-32 table's two uses", count=2)
rewrite.write()
