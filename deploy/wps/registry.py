# -*- coding: utf-8 -*-
"""
WPS add-in registry files (jsaddons/jsplugins.xml, publish.xml), edited as XML: adds or removes only
the <jsplugin> element whose name is ours, and leaves every other byte as it was — other add-ins'
elements, attributes, comments, the XML declaration, a BOM, CRLF line ends, one-line files.
The file is parsed with the standard XML parser (expat, as python3 ships it) and changed only at
the byte positions the parser reports; an unparseable file is not changed.

    python3 registry.py check  FILE ...                   (each readable as a registry, or absent)
    python3 registry.py add    FILE NAME ATTR=VALUE ...   (replaces an existing entry of NAME)
    python3 registry.py remove FILE NAME
    python3 registry.py seturl FILE NAME URL            (the url of our entry: <jsplugin> or <jspluginonline>)
    python3 registry.py fill   TEMPLATE OUT KEY=VALUE  (a text file from its template, @KEY@ replaced)

Exit codes: 0 changed or nothing to do (a line says which), 3 the file cannot be read as a
registry (nothing changed; the message says what to do).
Works with python3.4 and later (no f-strings), as UOS and Kylin ship it.
"""
import os
import sys
import tempfile
from xml.parsers import expat
from xml.sax.saxutils import quoteattr

ROOT = 'jsplugins'
ENTRY = 'jsplugin'
BOM = b'\xef\xbb\xbf'
EMPTY = b'<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n'


class Unreadable(Exception):
    pass


def scan(data, name, tags=(ENTRY,)):
    """The byte spans, tags and attributes (in order) of our entries (direct children of the root, of
    one of `tags`, named `name`) and where the root ends."""
    parser = expat.ParserCreate('UTF-8')
    parser.ordered_attributes = True
    events = []  # (byte index, kind, depth)
    state = {'depth': 0, 'root': None}
    ours = []

    def mark(kind):
        events.append((parser.CurrentByteIndex, kind, state['depth']))

    def start(tag, attrs):
        if state['depth'] == 0:
            state['root'] = tag
        mark('start')
        pairs = list(zip(attrs[0::2], attrs[1::2]))
        if state['depth'] == 1 and tag in tags and dict(pairs).get('name') == name:
            ours.append((len(events) - 1, tag, pairs))
        state['depth'] += 1

    def end(tag):
        state['depth'] -= 1
        mark('end')

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = lambda text: mark('text')
    parser.CommentHandler = lambda text: mark('comment')
    parser.ProcessingInstructionHandler = lambda target, text: mark('pi')
    parser.buffer_text = False
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise Unreadable('第 %d 行第 %d 列:%s' % (e.lineno, e.offset + 1, expat.ErrorString(e.code)))
    if state['root'] != ROOT:
        raise Unreadable('根元素是 <%s>,不是 <%s>' % (state['root'], ROOT))
    # an element ends where the next event begins (or at the end of the data)
    spans = []
    found = []
    for k, tag, pairs in ours:
        depth = events[k][2]
        j = k + 1
        while not (events[j][1] == 'end' and events[j][2] == depth):
            j += 1
        stop = events[j + 1][0] if j + 1 < len(events) else len(data)
        spans.append((events[k][0], stop))
        found.append((tag, pairs))
    root_end = [e for e in events if e[1] == 'end' and e[2] == 0][-1][0]
    return spans, root_end, found


def line_end(data):
    return b'\r\n' if b'\r\n' in data else b'\n'


def edit(data, name, attrs):
    """The new bytes: our entries removed and, when attrs is not None, one entry added."""
    spans, root_end, _ = scan(data, name)
    nl = line_end(data)
    out = data
    # remove from the end, each with the indentation and the line end around it when it stands on a line of its own
    for start, stop in reversed(spans):
        before = out[:start]
        line_start = max(before.rfind(b'\n'), -1) + 1
        after = out[stop:]
        if before[line_start:].strip() == b'' and after[: len(nl)] == nl:
            start, stop = line_start, stop + len(nl)
        elif before[line_start:].strip() == b'' and after.startswith(b'\n'):
            start, stop = line_start, stop + 1
        out = out[:start] + out[stop:]
        if root_end >= stop:
            root_end -= stop - start
    if attrs is None:
        return out, len(spans)
    entry = element(ENTRY, attrs)
    before = out[:root_end]
    line_start = before.rfind(b'\n') + 1
    if before[line_start:].strip() == b'' and line_start > 0:
        # the end tag on a line of its own: our entry on the line before it
        out = out[:line_start] + b'  ' + entry + nl + out[line_start:]
    else:
        out = out[:root_end] + entry + out[root_end:]
    return out, len(spans)


def element(tag, pairs):
    return ('<%s %s/>' % (tag, ' '.join('%s=%s' % (k, quoteattr(v)) for k, v in pairs))).encode('utf-8')


def set_url(data, name, url):
    """Our entries with their url set (each element written anew in place, nothing else touched)."""
    spans, _, found = scan(data, name, (ENTRY, ENTRY + 'online'))
    out = data
    for (start, stop), (tag, pairs) in reversed(list(zip(spans, found))):
        new = [(k, url if k == 'url' else v) for k, v in pairs]
        if 'url' not in dict(pairs):
            new.append(('url', url))
        out = out[:start] + element(tag, new) + out[stop:]
    return out, len(spans)


def fill(template, out, pairs):
    text = open(template, 'rb').read().decode('utf-8')
    for k, v in pairs:
        text = text.replace('@%s@' % k, v)
    write_atomically(out, text.encode('utf-8'))
    print('%s:已写入' % out)
    return 0


def write_atomically(path, data):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix='.wanmu-', dir=folder)
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data)
        os.rename(tmp, path)
    except Exception:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def check(paths):
    bad = 0
    for path in paths:
        if not os.path.isfile(path):
            continue
        raw = open(path, 'rb').read()
        data = raw[len(BOM):] if raw.startswith(BOM) else raw
        if data.strip() == b'':
            continue
        try:
            scan(data, '')  # noqa: the parse alone
        except Unreadable as e:
            sys.stderr.write('%s 不是可以读取的加载项列表(%s)。未作任何改动;请先备份并修正或删除该文件,再重新运行。\n' % (path, e))
            bad += 1
    return 3 if bad else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == 'check':
        return check(argv[1:])
    if len(argv) >= 3 and argv[0] == 'fill':
        return fill(argv[1], argv[2], [tuple(a.split('=', 1)) for a in argv[3:]])
    if len(argv) == 4 and argv[0] == 'seturl':
        path = argv[1]
        raw = open(path, 'rb').read()
        bom = raw.startswith(BOM)
        try:
            new, n = set_url(raw[len(BOM):] if bom else raw, argv[2], argv[3])
        except Unreadable as e:
            sys.stderr.write('未改动 %s:该文件不是可以读取的加载项列表(%s)。\n' % (path, e))
            return 3
        if n == 0:
            sys.stderr.write('未改动 %s:其中没有名为 %s 的条目。\n' % (path, argv[2]))
            return 3
        write_atomically(path, (BOM if bom else b'') + new)
        print('%s:地址改为 %s' % (path, argv[3]))
        return 0
    if len(argv) < 3 or argv[0] not in ('add', 'remove'):
        sys.stderr.write('用法:registry.py check 文件 ... | add 文件 名称 属性=值 ... | remove 文件 名称\n')
        return 2
    action, path, name = argv[0], argv[1], argv[2]
    attrs = [tuple(a.split('=', 1)) for a in argv[3:]] if action == 'add' else None
    exists = os.path.isfile(path)
    raw = open(path, 'rb').read() if exists else b''
    bom = raw.startswith(BOM)
    data = raw[len(BOM):] if bom else raw
    if data.strip() == b'':
        if action == 'remove':
            print('%s:没有本加载项的登记' % path)
            return 0
        data = EMPTY
    try:
        new, removed = edit(data, name, attrs)
    except Unreadable as e:
        sys.stderr.write('未改动 %s:该文件不是可以读取的加载项列表(%s)。请先备份并修正或删除该文件,再重新运行。\n' % (path, e))
        return 3
    if exists and new == data:
        print('%s:没有需要改动之处' % path)
        return 0
    if exists and raw:
        backup = path + '.wanmu-backup'
        with open(backup, 'wb') as f:
            f.write(raw)
    write_atomically(path, (BOM if bom else b'') + new)
    if action == 'add':
        print('%s:%s本加载项的登记' % (path, '更新了' if removed else '加入了'))
    else:
        print('%s:%s' % (path, '删除了本加载项的登记' if removed else '没有本加载项的登记'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
