"""What the build's rewrites of Dear ImGui's sources share (strip_default_atlas.py,
strip_ini_settings.py, computed_crc_table.py, own_gl_context.py): read the source named first on
the command line, replace what must be there, and write the copy named second, headed by where it
came from. A piece that is not found as many times as expected stops the build and is named: an
ImGui other than 1.86 may have moved it.
"""
import os
import re
import sys


class SourceRewrite:
    def __init__(self):
        self.tool = os.path.basename(sys.argv[0])
        self.source, self.out = sys.argv[1], sys.argv[2]
        self.text = open(self.source, encoding="utf-8").read()

    def cut(self, pattern, replacement, what, count=1):
        self.text, n = re.subn(pattern, replacement, self.text, flags=re.S)
        if n != count:
            sys.exit(f"{self.tool}: {what} was not found in {self.source}")

    def write(self):
        with open(self.out, "w", encoding="utf-8") as f:
            f.write(f"// Generated from {self.source} by tools/{self.tool}.\n" + self.text)
