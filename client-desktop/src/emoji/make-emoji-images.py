#!/usr/bin/python3
"""Extracts the colour emoji of Noto Color Emoji as small PNG images for the desktop app (docs/fonts.md).

JavaFX draws nothing for a colour bitmap font, so the app shows emoji as images. For every fully-qualified,
minimally-qualified and component sequence of Unicode's emoji-test.txt (and the unqualified ones that
wanted() names), this shapes the sequence with HarfBuzz
(hb-shape) against the font; when shaping gives exactly one glyph that has a colour bitmap, that bitmap is scaled to
SIZE pixels high, reduced to a 255-colour palette (about 1.6 KB per image) and written once per glyph:

  OUT/<hex code points of the first sequence that gave the glyph, joined by '-'>.png
  OUT/index.txt   one line per sequence: "<hex sequence> <file stem>", sorted

Usage (Debian 12: fonts-noto-color-emoji, unicode-data, libharfbuzz-bin, python3-fonttools, python3-pil):
  /usr/bin/python3 make-emoji-images.py NotoColorEmoji.ttf /usr/share/unicode/emoji/emoji-test.txt OUT [SIZE]
"""
import io
import os
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTFont
from PIL import Image

STATUSES = ('fully-qualified', 'minimally-qualified', 'component')


def wanted(status, code_points):
    """Qualified sequences always; unqualified ones (no U+FE0F) only from Miscellaneous Symbols and Dingbats (a heart
    typed as U+2764 is meant as an emoji), never arrows, punctuation or (c), (R), TM, which text uses as text."""
    return status in STATUSES or (status == 'unqualified' and 0x2600 <= code_points[0] <= 0x27BF)


def read_sequences(emoji_test):
    result = []
    with open(emoji_test, encoding='utf-8') as lines:
        for line in lines:
            if line.startswith('#') or ';' not in line:
                continue
            code_points, rest = line.split(';', 1)
            sequence = tuple(int(cp, 16) for cp in code_points.split())
            if wanted(rest.split('#', 1)[0].strip(), sequence):
                result.append(sequence)
    return result


def shape(font_path, sequences):
    """Glyph ids per sequence, from hb-shape (one input line per sequence)."""
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as text:
        for sequence in sequences:
            text.write(''.join(chr(cp) for cp in sequence) + '\n')
    try:
        output = subprocess.run(['hb-shape', '--no-positions', '--no-clusters', '--text-file=' + text.name,
                                 font_path], check=True, capture_output=True, text=True).stdout.splitlines()
    finally:
        os.unlink(text.name)
    if len(output) != len(sequences):
        raise SystemExit('hb-shape returned %d lines for %d sequences' % (len(output), len(sequences)))
    return [[int(g.removeprefix('gid')) for g in line.strip('[]').split('|')] for line in output]


def main():
    font_path, emoji_test, out = sys.argv[1], sys.argv[2], sys.argv[3]
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    font = TTFont(font_path)
    glyph_order = font.getGlyphOrder()
    strike = font['CBDT'].strikeData[0]
    sequences = read_sequences(emoji_test)
    os.makedirs(out, exist_ok=True)
    file_by_glyph = {}
    index = []
    for sequence, glyphs in zip(sequences, shape(font_path, sequences)):
        if len(glyphs) != 1 or glyph_order[glyphs[0]] not in strike:
            continue
        glyph = glyph_order[glyphs[0]]
        stem = '-'.join('%x' % cp for cp in sequence)
        if glyph not in file_by_glyph:
            image = Image.open(io.BytesIO(strike[glyph].imageData)).convert('RGBA')
            width = max(1, round(image.width * size / image.height))
            image = image.resize((width, size), Image.LANCZOS).quantize(colors=255, method=Image.FASTOCTREE)
            image.save(os.path.join(out, stem + '.png'), optimize=True)
            file_by_glyph[glyph] = stem
        index.append(stem + ' ' + file_by_glyph[glyph])
    with open(os.path.join(out, 'index.txt'), 'w', encoding='ascii') as index_file:
        index_file.write('\n'.join(sorted(index)) + '\n')
    print(len(index), 'sequences,', len(file_by_glyph), 'images written to', out, 'of', len(sequences), 'in the list')


if __name__ == '__main__':
    main()
