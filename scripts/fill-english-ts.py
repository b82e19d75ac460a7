#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fills the English catalogue: every unfinished, non-plural message gets its source text as its
translation, so kms-admin_en.ts is complete and lrelease reports no untranslated text. Plural
messages (%n) need their English forms written by hand; they are listed and left unfinished.

Edits the file as text (the message blocks lupdate writes), so lupdate's layout is kept.
Usage: scripts/fill-english-ts.py translations/kms-admin_en.ts
"""
import re
import sys

MESSAGE = re.compile(
    r'(<message>\s*<source>)(?P<source>[^<]*)(</source>\s*(?:<comment>[^<]*</comment>\s*)?)'
    r'<translation type="unfinished">(?P<old>[^<]*)</translation>',
    re.S)


def main(path: str) -> int:
    with open(path, encoding='utf-8') as f:
        text = f.read()
    filled = 0

    def fill(m: re.Match) -> str:
        nonlocal filled
        filled += 1
        return f'{m.group(1)}{m.group("source")}{m.group(3)}<translation>{m.group("source")}</translation>'

    text = MESSAGE.sub(fill, text)
    plurals = re.findall(r'<message numerus="yes">\s*<source>(.*?)</source>', text, re.S)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'{path}: {filled} message(s) filled with their source text')
    for p in plurals:
        if '<translation type="unfinished">' in text.split(p, 1)[1].split('</message>', 1)[0]:
            print(f'  plural forms to write by hand: {p}')
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
