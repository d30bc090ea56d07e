#!/usr/bin/python3
"""Writes one playbook per keyword of the keyword table (Keyword.java) with a value of the wrong
type for the keyword's Ansible type, into engine/src/test/resources/keyword-types/<keyword>/.
Run by ./record; KeywordTypesTest runs each playbook in-process against the recorded goldens."""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, '..', '..', '..', '..'))
table = os.path.join(root, 'engine/src/main/java/dev/rolehop/engine/playbook/Keyword.java')
out = os.path.join(root, 'engine/src/test/resources/keyword-types')

ENTRY = re.compile(r'^    [A-Z_]+\("([a-z_]+)", Type\.([A-Z]+), (Owner\.[A-Z_]+|EnumSet\.of\(Owner\.([A-Z]+)\))(.*)\),?;?$')

# A value of the wrong type for each Ansible type, as YAML.
WRONG = {
    'BOOL': 'maybe',
    'INT': 'abc',
    'FLOAT': 'abc',
    'PERCENT': 'abc',
    'DICT': 'abc',
    'STRING': '{a: 1}',
    'LIST': '{a: 1}',
    'CLASS': 'abc',
    'ANY': '5',
}
# Lists of strings get a list holding a dict; lists of tasks or files get a string.
STRINGS_WRONG = '[{a: 1}]'
SECTION_WRONG = 'abc'
SECTIONS = {'block', 'rescue', 'always', 'tasks', 'pre_tasks', 'post_tasks', 'handlers', 'roles', 'vars_files',
            'vars_prompt'}


def keywords():
    with open(table) as f:
        for line in f:
            m = ENTRY.match(line.rstrip())
            if m:
                key, kind, owners, single, rest = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
                where = single if single else owners.split('.')[1]
                yield key, kind, where, 'Flag.STRINGS' in rest


def wrong(key, kind, strings):
    if key in SECTIONS:
        return SECTION_WRONG
    if strings:
        return STRINGS_WRONG
    return WRONG[kind]


def playbook(key, value, where):
    head = '- name: the keyword %s with a value of the wrong type\n' % key
    if where == 'PLAY':
        play = {'hosts': 'localhost', 'connection': 'local', 'gather_facts': 'false'}
        play[key] = value
        lines = [head] + ['  %s: %s\n' % (k, v) for k, v in play.items()]
        if key not in SECTIONS or key in ('vars_files', 'vars_prompt', 'roles', 'handlers'):
            if key != 'tasks':
                lines.append('  tasks:\n    - name: a task\n      debug:\n        msg: ran\n')
        return ''.join(lines)
    base = head + '  hosts: localhost\n' + ('  connection: local\n' if key != 'connection' else '') \
        + '  gather_facts: false\n  tasks:\n'
    after = '    - name: after\n      debug:\n        msg: still running\n'
    if where == 'BLOCK':
        return base + '    - name: a block\n      block:\n        - name: in the block\n          debug:\n' \
            '            msg: ran\n      %s: %s\n' % (key, value) if key not in ('block',) else \
            base + '    - name: a block\n      block: %s\n' % value + after
    if where == 'ROLE':
        return head + '  hosts: localhost\n  connection: local\n  gather_facts: false\n  roles:\n' \
            '    - %s: %s\n' % (key, value)
    if where == 'HANDLER':
        return base + '    - name: notifies\n      command: echo hi\n      notify: the handler\n' \
            '  handlers:\n    - name: the handler\n      debug:\n        msg: handled\n' \
            '      %s: %s\n' % (key, value)
    if key == 'action':
        return base + '    - name: a task\n      action: %s\n' % value + after
    if key == 'local_action':
        return base + '    - name: a task\n      local_action: %s\n' % value + after
    task = ('    - name: a task\n' if key != 'name' else '    - ') + ('debug:\n' if key == 'name' else '      debug:\n') \
        + '        msg: ran\n      %s: %s\n' % (key, value)
    if key in ('retries', 'delay'):
        task += '      until: true\n'
    return base + task + after


def main():
    written = []
    for key, kind, where, strings in keywords():
        if where == 'ALL':
            where = 'TASK'
        elif where in ('NOT_PLAY', 'TASKS', 'TASKS_AND_BLOCKS'):
            where = 'TASK'
        folder = os.path.join(out, key)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'playbook.yml'), 'w') as f:
            f.write(playbook(key, wrong(key, kind, strings), where))
        written.append(key)
    print('\n'.join(written))


if __name__ == '__main__':
    sys.exit(main())
