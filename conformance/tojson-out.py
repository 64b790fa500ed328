#!/usr/bin/env python3
"""Turns the real-OS driver's JSON (eyn-real-os.py --out) into a corpus transcript (recorded/NAME.out).

Each case is '$ <line as typed>' followed by its output lines, each prefixed by '|';
'! no prompt' marks a command after which no prompt came back within the timeout."""
import json, sys

def main(src, dst):
    with open(src, encoding='utf-8') as f:
        data = json.load(f)
    out = []
    for r in data['results']:
        out.append('$ ' + r['line'])
        out.extend('|' + l for l in r['output'])
        if not r.get('ok', True):
            out.append('! no prompt')
    with open(dst, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
