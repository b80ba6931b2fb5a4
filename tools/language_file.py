#!/usr/bin/env python3
"""Writes a language file of the catalogue (src/core/text/lang/<language>.json) as the program
reads it on the wire: a JSON array in the order of the ids of src/core/text/messages.hpp, without
the names, which every visitor would otherwise download again with each message.

    language_file.py messages.hpp in.json out.json [--drop PREFIX,...]

--drop leaves out (as null) the messages whose names start so: the page's own messages, which
the page carries itself.
"""
import json
import os
import re
import sys


def main(argv):
    header, source, target = argv[1:4]
    drop = tuple(argv[5].split(",")) if argv[4:5] == ["--drop"] else ()
    text = open(header, encoding="utf-8").read()
    block = text[text.index("#define LIKELOSS_MESSAGES(X)"):text.index("enum class Msg")]
    ids = re.findall(r"X\((\w+)\)", block)
    words = json.load(open(source, encoding="utf-8"))
    missing = [i for i in ids if i not in words and not i.startswith(drop or ("\0",))]
    if missing:
        sys.exit(f"{source}: no {', '.join(missing)}")
    out = [None if drop and i.startswith(drop) else words[i] for i in ids]
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv)
