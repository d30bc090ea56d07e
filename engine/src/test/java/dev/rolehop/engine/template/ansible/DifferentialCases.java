package dev.rolehop.engine.template.ansible;

import java.util.List;

/**
 * Templates whose text output {@link AnsibleDifferentialTest} compares with ansible-core 2.14's.
 * One template a line; each was seen to agree when it was added. Templates exercising
 * Jinjava-level differences (string escapes, nested dict literals) are not here;
 * docs/templating.md lists those.
 */
final class DifferentialCases {
    private DifferentialCases() {}

    static List<String> all() {
        return TEMPLATES.lines().filter(line -> !line.isBlank()).toList();
    }

    private static final String TEMPLATES = """
{{ 'a b  c'.split() }}x
{{ 'a.b.c'.split('.') }}x
{{ 'a.b.c'.split('.', 1) }}x
{{ 'a.b.c'.rsplit('.', 1) }}x
{{ 'a b c'.split(maxsplit=1) }}x
{{ 'a.b.c'.partition('.') }}x
{{ 'a.b.c'.rpartition('.') }}x
{{ '  x  '.strip() }}x
{{ 'xxhixx'.strip('x') }}x
{{ '  x  '.lstrip() }}x
{{ '  x  '.rstrip() }}x
{{ 'Hello'.upper() }}x
{{ 'Hello'.lower() }}x
{{ 'Hello'.swapcase() }}x
{{ "they're bill's-friends 1st".title() }}x
{{ 'hELLO wORLD'.capitalize() }}x
{{ 'banana'.replace('a', 'o', 2) }}x
{{ 'banana'.find('an') }}x
{{ 'banana'.rfind('an') }}x
{{ 'banana'.find('a', -2, -1) }}x
{{ 'banana'.index('n') }}x
{{ 'banana'.rindex('n') }}x
{{ 'banana'.count('a') }}x
{{ 'banana'.count('') }}x
{{ 'abc'.startswith('a') }}x
{{ 'abc'.startswith(('x', 'ab')) }}x
{{ 'abc'.endswith('b') }}x
{{ 'abc'.startswith('b', 1) }}x
{{ '-'.join(l) }}x
{{ ','.join(d) }}x
{{ ['123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), ' '.isspace(), ''.isdigit()] }}x
{{ ['ABC'.isupper(), 'aBC'.isupper(), 'abc1'.islower(), '1'.islower()] }}x
{{ '42'.zfill(5) }} {{ '-42'.zfill(5) }}x
{{ 'ab'.center(6) }}|{{ 'abc'.center(6, '*') }}|{{ 'ab'.ljust(5, '.') }}|{{ 'ab'.rjust(5) }}x
{{ '{} and {}'.format('x', 'y') }}x
{{ '{0}{1}{0}'.format('a', 'b') }}x
{{ 'hi {name}!'.format(name='bob') }}x
{{ '{{}} {!r} {[0]}'.format('a', ['b']) }}x
{{ '{:>5}|{:<4}|{:^5}|{:05d}|{:.2f}|{:x}|{:,}'.format('a', 'b', 'c', 42, 3.14159, 255, 1234567) }}x
{{ '{:+.1f} {:e} {:.0%} {:#x} {:g} {:g} {:.3}'.format(2.25, 12345.678, 0.5, 255, 0.0001, 1234567.0, 'abcdef') }}x
{{ d.get('k') }} {{ d.get('z', 'dflt') }} {{ d.get('z') }}x
{{ d.keys() }}x
{{ d.values() }}x
{{ d.items() }}x
{{ d.keys() | string }}x
{{ d.items() | type_debug }}x
{{ 'k' in d.keys() }}x
{{ d.items() | list }}x
{{ d.copy() }}x
{{ l.index('b') }} {{ l.count('a') }} {{ l.copy() }}x
{{ [1, 2].index(2.0) }}x
{{ [1,'a'] }}x
{{ t }}x
{{ {'a': [1, 2.5, none, true, "it's"]} }}x
{{ 3.7|round }}x
{{ 2.5|round }}x
{{ 2.675|round(2) }}x
{{ 3.2|round(method='ceil') }}x
{{ 5|round }}x
{{ " 12 "|int }}x
{{ "0x1A"|int(base=16) }}x
{{ "1.9"|int }}x
{{ "abc"|int }}x
{{ "abc"|int(7) }}x
{{ none|int }}x
{{ "1e3"|float }}x
{{ "x"|float }}x
{{ 3|float }}x
{{ none|string }}x
{{ {"a":1}|list }}x
{{ "ab"|list }}x
{{ {"a":1}|last }}x
{{ [1,2]|first }}x
{{ "0b101"|int(base=0) }}x
{{ "1_000"|int }}x
{{ true|int }}x
{{ "12"|int(base=8) }}x
{{ -3|abs }}x
{{ [1, 2] | length }}x
{{ "héllo" | count }}x
{{ 1e20 }}x
{{ 0.0001 }}x
{{ 1.5e-5 }}x
{{ {'b': 1, 'a': [1, 2.0, none, true, 'é'], 'c': {}, 'd': []} | to_nice_json }}
{{ {'b': 1, 'a': [1, 2.0, none, true, 'é'], 'c': {}, 'd': []} | to_yaml }}
{{ 'a: [1, yes, 1.5, ~, "x"]' | from_yaml }}x
{{ 'a b' | to_yaml }}
{{ [1,2] | to_nice_json(indent=2) }}
{{ {1: 'a'} | to_json }}
{{ 'x' | to_json }}
{{ [1, [2, 3], {'a': [4]}] | to_yaml }}
{{ users | to_json }}
{{ 'a' | to_nice_json }}
{{ ['a','A','b'] | unique }}
{{ ['a','A','b'] | unique(case_sensitive=true) }}
{{ [{'a':1},{'a':1}] | unique }}
{{ [1,2] | zip(['a','b']) | list }}
{{ [1,2] | product(['a']) | list }}
{{ [3,1,2] | intersect([2,3]) }}
{{ [3,1,2,3] | difference([2]) }}
{{ [3,1] | union([1,4]) }}
{{ [3,1] | symmetric_difference([1,4]) }}
{{ [1, [2, [3, None, 'None']]] | flatten }}
{{ [1, [2, [3]]] | flatten(1) }}
{{ ['b','A'] | min }}
{{ ['b','A'] | max }}
{{ [[1],[2]] | sum(start=[]) }}
{{ [1, 2.5] | sum }}
{{ users | sum(attribute='age') }}
{{ ['b','A','a'] | sort }}
{{ ['b','A','a'] | sort(case_sensitive=true) }}
{{ users | sort(attribute='age', reverse=true) }}
{{ users | map(attribute='zz', default=0) | list }}
{{ [1, 'a'] | map('string') | list }}
{{ ['1', '2'] | map('int') | sum }}
{{ users | selectattr('age', '>', 3) | map(attribute='name') | join(',') }}
{{ users | rejectattr('age', 'equalto', 3) | map(attribute='name') | list }}
{{ users | selectattr('zz', 'defined') | list }}
{{ users | selectattr('age') | list | length }}
{{ [none, true, 'x'] | join('-') }}
{{ [0, 1, '', 'a'] | select | list }}
{{ [0, 1, '', 'a'] | reject | list }}
{{ [1, 2, 3, 4] | select('odd') | list }}
{{ users | join(',', attribute='name') }}
{{ {'a': 1, 'b': 2} | dict2items }}
{{ {'a': 1} | dict2items(key_name='k', value_name='v') }}
{{ [{'key': 'a', 'value': 1}] | items2dict }}
{{ {'a': 1} | combine({'b': 2}, {'a': 3}) }}
{{ [{'a': 1}, {'b': 2}] | combine }}
{{ users | subelements('tags', skip_missing=true) }}
{{ [{'n': 1, 'g': ['x', 'y']}] | subelements('g') }}
{{ [1,2,3] | zip_longest(['a'], fillvalue='-') | list }}
{{ [1,2] | product(repeat=2) | list }}
{{ users | min(attribute='age') }}
{{ [[1, 'b'], [1, 'a']] | sort }}
{{ [3, 1.5, true] | sort }}
{{ 'hello world' | regex_replace('o', '0') }}
{{ 'abc' | regex_replace('x*', '-') }}
{{ 'ABC' | regex_replace('b', 'x', ignorecase=true) }}
{{ 'foo' | regex_search('x') }}
{{ 'foo' | regex_search('o+') }}
{{ 'a.b*c' | regex_escape }}
{{ 'a.b*c' | regex_escape('posix_basic') }}
{{ 'x{1' | regex_replace('x{', 'y') }}
{{ 'hELLO wORLD' | capitalize }}
{{ 'hello-wORLD (x)' | title }}
{{ 'aaa' | replace('a', 'b', 2) }}
{{ 'abc' | replace('', '-') }}
{{ '  x  ' | trim }}x
{{ 'xxhixx' | trim('x') }}
{{ ' a  b c ' | split }}
{{ 'a,b,,c' | split(',') }}
{{ 'a b c' | split(' ', 1) }}
{{ "it's" | quote }}
{{ 'abc' | quote }}
{{ '' | quote }}
{{ 'a b' | quote }}
{{ 'héllo' | b64encode }}
{{ 'aMOpbGxv' | b64decode }}
{{ 'abc' | hash('sha256') }}
{{ 'abc' | md5 }}
{{ 'abc' | sha1 }}
{{ 'abc' | checksum }}
{{ 'abc' | to_uuid }}
{{ 'abc' | to_uuid(namespace='6ba7b810-9dad-11d1-80b4-00c04fd430c8') }}
{{ '/a/b/c.txt' | basename }}
{{ '/a/b/c.txt' | dirname }}
{{ '/a/b//' | dirname }}
{{ '/a/b/c.tar.gz' | splitext }}
{{ '.bashrc' | splitext }}
{{ '~/x' | expanduser }}
{{ '$HOME/x ${NOPE}' | expandvars }}
{{ ['a', 'b', '/c', 'd'] | path_join }}
{{ '/a/b' | relpath('/a') }}
{{ 42 | upper }}
{{ 'ß' | upper }}
{{ 'Hello World' | lower }}
{{ '1.2.10' is version('1.2.9', '>') }}
{{ '1.2' is version('1.2.0', '==') }}
{{ '1.2' is version('1.2.0', '==', strict=true) }}
{{ '1.2a1' is version('1.2', '<', strict=true) }}
{{ '1.0.0-alpha' is version('1.0.0', '<', version_type='semver') }}
{{ '1.0.0-alpha.1' is version('1.0.0-alpha.beta', '<', version_type='semver') }}
{{ '2.14.3' is version_compare('2.14', '>=') }}
{{ {'failed': true} is failed }}
{{ {'failed': false} is succeeded }}
{{ {'changed': true} is changed }}
{{ {'results': [{'changed': false}, {'changed': true}]} is changed }}
{{ {} is skipped }}
{{ 'foobar' is match('foo') }}
{{ 'foobar' is match('bar') }}
{{ 'foobar' is search('bar') }}
{{ 'FOO' is search('foo', ignorecase=true) }}
{{ 'foobar' is regex('bar', match_type='match') }}
{{ 'x' is truthy }}
{{ 'no' is truthy(convert_bool=true) }}
{{ 'no' is falsy(convert_bool=true) }}
{{ [1, 0] is any }}
{{ [1, 0] is all }}
{{ [1, 2] is subset([1, 2, 3]) }}
{{ [1, 2, 3] is superset([1, 4]) }}
{{ [1, 2] is contains(2) }}
{{ 'x' is string }}
{{ 1 is string }}
{{ true is number }}
{{ 1 is integer }}
{{ 1.0 is integer }}
{{ 1.0 is float }}
{{ 1 is boolean }}
{{ {} is mapping }}
{{ 'ab' is sequence }}
{{ {} is sequence }}
{{ 1 is iterable }}
{{ 1 is in([1, 2]) }}
{{ 'a' is in('abc') }}
{{ 3 is odd }}
{{ 4 is even }}
{{ 9 is divisibleby(3) }}
{{ 'abc' is lower }}
{{ 'ABC' is upper }}
{{ 1 is eq(1.0) }}
{{ 2 is gt(1) }}
{{ 'ab' is ge('ab') }}
{{ none is none }}
{{ missing is defined }}
{{ missing is undefined }}
{{ '/tmp' is directory }}
{{ '/tmp' is abs }}
{{ 'tmp' is abs }}
{{ 1 is nan }}
{{ [1, 2] | select('gt', 1) | list }}
{{ users | selectattr('name', 'match', 'b') | list | length }}
{{ 3 is odd and 4 is even }}
{{ lookup('items', [1, [2, 3]], 4) }}
{{ query('items', [1, [2, 3]], 4) }}
{{ lookup('indexed_items', ['a', 'b']) }}
{{ lookup('dict', {'a': 1, 'b': 2}) }}
{{ query('dict', {'a': 1}) }}
{{ lookup('together', [1, 2], ['a']) }}
{{ lookup('nested', [1, 2], ['a', 'b']) }}
{{ lookup('list', [1, 2], 3) }}
{{ lookup('env', 'HOME') }}
{{ lookup('env', 'NOPE_X') }}x
{{ lookup('env', 'NOPE_X', default='d') }}
{{ lookup('env', 'HOME', 'NOPE_X') }}
{{ query('env', 'HOME') }}
{{ lookup('vars', 'playbook_dir') }}
{{ lookup('vars', 'nope', default=5) }}
{{ lookup('vars', 'users', 'playbook_dir') }}
{{ lookup('file', 'nope.txt', errors='ignore') }}x
{{ query('file', 'nope.txt', errors='ignore') }}
{{ lookup('first_found', ['nope.txt'], skip=true) }}x
{{ lookup('first_found', ['nope.txt'], errors='ignore') }}x
{{ lookup('pipe', 'echo hi; echo there') }}
{{ lookup('sequence', 'start=1 end=3') }}
{{ query('sequence', 'start=1 end=10 stride=3 format=x%02d') }}
{{ query('sequence', '4') }}
{{ query('sequence', '2-6/2') }}
{{ query('sequence', 'count=3') }}
{{ query('sequence', 'start=5 end=1 stride=-2') }}
{{ query('sequence', 'end=0x0f format=%x') }}
{{ query('sequence', 'start=1 end=3', 'start=7 end=8') }}
{{ q('items', 1) }}
{{ lookup('items', 'a', 'b') }}
{{ {'b': 1, 'a': 2} | dictsort }}
{{ [1,2,3,4,5] | batch(2) | list }}
{{ users | groupby('age') }}
{{ 'a' | center(5) }}x
{{ 'a b c' | wordcount }}
{{ 'hello world foo bar' | truncate(9) }}
{{ [1,2,3] | reverse | list }}
{{ 'abc' | reverse }}
{{ '%s-%s' | format(1, 'a') }}
{{ {'a': 'b c'} | urlencode }}
{{ 'a b&c' | urlencode }}
{{ [1,2,3,4] | slice(2) | list }}
{{ users | map(attribute='name') | map('upper') | list }}
{{ 'x' | default }}
{{ 'abc' | list | first }}
{{ 10 | filesizeformat }}
{{ [1,2] | tojson }}
{{ 'a<b' | e }}
{{ 'a<b' | escape }}
{{ 3 | string | length }}
{{ 'abc' | wordwrap(2) }}
{{ 'ab' | striptags }}
{{ '%-5s|' | format('a') }}
{{ range(3) | list }}
{{ range(1, 10, 3) | list }}
{{ dict(a=1, b=2) }}
{{ 'a,b' | split(',') | join('+') }}
{{ none | default('x', true) }}
{{ 2 ** 10 }}
{{ 7 // 2 }}
{{ [3, 1] | sort | first }}
{{ dict(['a','b'] | zip([1,2])) }}
{% for k, v in {'b': 1, 'a': 2} | dictsort %}{{ k }}={{ v }} {% endfor %}
{{ {'m': ml, 't': tabbed, 'm2': ml2, 'tr': trail} | to_nice_yaml }}
{{ {'m': ml, 't': tabbed, 'm2': ml2, 'tr': trail} | to_yaml }}
{{ [ml, ml2] | to_nice_yaml }}
{{ ml | to_json }}
{{ {'a': [ml]} | to_nice_yaml(indent=2) }}
{{ ml | regex_replace('^', '> ', multiline=true) }}
{{ ml | indent(2) }}
{{ ml2 | indent(4, true) }}
{{ ml | trim }}
{{ [ml] }}
{{ 100 | log }}
{{ 100 | log(10) }}
{{ 8 | log(2) }}
{{ 2 | pow(10) }}
{{ 9 | root }}
{{ 27 | root(3) }}
{{ 1024 | human_readable }}
{{ 1500000 | human_readable }}
{{ 10 | human_readable }}
{{ 1048576 | human_readable(unit='G') }}
{{ 1024 | human_readable(isbits=true) }}
{{ '2K' | human_to_bytes }}
{{ '1.5 MB' | human_to_bytes }}
{{ '10' | human_to_bytes }}
{{ '10' | human_to_bytes('M') }}
{{ '1Mb' | human_to_bytes(isbits=true) }}
{{ [1, 2, 3] | permutations(2) | list }}
{{ [1, 2, 3] | combinations(2) | list }}
{{ [1, 2] | permutations | list }}
{{ ['a', 'b'] | map('extract', {'a': 1, 'b': 2}) | list }}
{{ 0 | extract([[1, 2]], 1) }}
{{ users | rekey_on_member('name') }}
{{ 'a%20b+c%2F' | urldecode }}
{{ {'a': 1, 'b': 2} | items | list }}
{{ missing | items | list }}
{{ 'upper' is filter }}
{{ 'defined' is test }}
{{ 'Managed by Ansible' | comment }}
{{ ml2 | comment }}
{{ 'x' | comment('c') }}
{{ 'x' | comment('cblock') }}
{{ ml | comment('xml') }}
{{ 'x' | comment('erlang') }}
{{ 'x' | comment(decoration='; ') }}
{{ 'x' | comment('plain', prefix='#!', prefix_count=2, postfix='##') }}
{{ 'x' | comment(beginning='BEGIN', end='END') }}
      """;
}
