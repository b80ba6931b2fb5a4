#!/usr/bin/env python3
"""Rewrite a subset CFF font (pyftsubset's output) as compactly as the widget can use it.

    compact_font.py in.otf out.otf

Inter is drawn on a grid of 2816 units per em; at 1000 most coordinate steps fit in one byte of a
charstring instead of two (and a unit is still 0.14 px on the 46 px counter at 3x). Points are
rounded where they lie, not step by step, so contours still close and errors do not add up.
Glyphs get the names CFF knows by number (`eacute` is 2 bytes, `uni00E9` a string of 7);
the tables stb_truetype reads are written anew (cmap, head, hhea, hmtx, maxp, CFF), with the
copyright and licence records of `name`, and OS/2 and post as a font needs them.
"""
import sys

from fontTools import agl
from fontTools.cffLib import cffStandardStrings
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

UNITS_PER_EM = 1000


def standard_name(codepoint, fallback):
    name = agl.UV2AGL.get(codepoint)
    return name if name in cffStandardStrings else fallback


def main(source, target):
    font = TTFont(source)
    scale = UNITS_PER_EM / font["head"].unitsPerEm
    units = lambda v: round(v * scale)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    name_of = {g: g for g in font.getGlyphOrder()}
    for codepoint, glyph in sorted(cmap.items()):
        if name_of[glyph] == glyph:
            name_of[glyph] = standard_name(codepoint, glyph)

    order, charstrings, metrics = [], {}, {}
    for glyph in font.getGlyphOrder():
        name = name_of[glyph]
        advance = units(font["hmtx"][glyph][0])
        pen = T2CharStringPen(advance, None)
        glyphs[glyph].draw(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
        charstrings[name] = pen.getCharString()
        bounds = BoundsPen(None)
        glyphs[glyph].draw(TransformPen(bounds, (scale, 0, 0, scale, 0, 0)))
        metrics[name] = (advance, round(bounds.bounds[0]) if bounds.bounds else 0)
        order.append(name)

    built = FontBuilder(UNITS_PER_EM, isTTF=False)
    built.setupGlyphOrder(order)
    built.setupCharacterMap({cp: name_of[g] for cp, g in cmap.items()})
    cff = font["CFF "].cff
    built.setupCFF(cff.fontNames[0], {}, charstrings, {})
    built.setupHorizontalMetrics(metrics)
    hhea = font["hhea"]
    built.setupHorizontalHeader(ascent=units(hhea.ascent), descent=units(hhea.descent),
                                lineGap=units(hhea.lineGap))
    os2 = font["OS/2"]
    built.setupOS2(
        version=os2.version, usWeightClass=os2.usWeightClass, fsType=os2.fsType, fsSelection=os2.fsSelection,
        sTypoAscender=units(os2.sTypoAscender), sTypoDescender=units(os2.sTypoDescender),
        sTypoLineGap=units(os2.sTypoLineGap), usWinAscent=units(os2.usWinAscent),
        usWinDescent=units(os2.usWinDescent), sxHeight=units(os2.sxHeight),
        sCapHeight=units(os2.sCapHeight), achVendID=os2.achVendID)
    built.setupPost()
    built.font["name"] = font["name"]  # the copyright, licence and names pyftsubset kept
    built.font["head"].fontRevision = font["head"].fontRevision
    built.font["head"].macStyle = font["head"].macStyle
    # The source's dates, not the build's: the same font gives the same bytes on every machine.
    built.font["head"].created = font["head"].created
    built.font["head"].modified = font["head"].modified
    built.font.recalcTimestamp = False
    built.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
