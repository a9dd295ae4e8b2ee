"""Where the wasm's bytes go: reads twiggy's CSV (`twiggy top -n 100000 --format csv`)
of the module before wasm-opt and prints Markdown tables by crate, by kind of
type-erased view, and by module of this crate. Used by bench/wasm-bytes.sh."""
import collections
import csv
import re
import sys

rows = list(csv.DictReader(sys.stdin))
by_crate, by_module, any_view = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for row in rows:
    name, size = row['Name'], int(row['ShallowSize'])
    if 'function names' in name or name.startswith('custom section'):
        continue  # names and wasm-bindgen's notes are not shipped
    total += size
    if name.startswith('data segment'):
        by_crate['data segment (the bilingual texts, tables)'] += size
        continue
    kind = re.match(r'<T as tachys::view::any_view::IntoAny>::into_any::([a-z_]+)', name)
    if kind:
        any_view[kind.group(1)] += size
        by_crate['tachys AnyView (type-erased views)'] += size
        continue
    # `<T as crate::Trait>::f` is the trait's crate; `crate::…` or `<crate::Type …>` the path's.
    generic = re.match(r'<[A-Z]\w* as ([a-z_]+)::', name)
    path = re.match(r'([a-z_]\w*)(?:\[[0-9a-f]+\])?::', re.sub(r'^[<&\s]+', '', name))
    crate = generic.group(1) if generic else path.group(1) if path else 'glue, shims, tables'
    by_crate[crate] += size
    if crate == 'budget_explorer':
        module = re.match(r'[<&\s]*budget_explorer::(\w+)(?:::(\w+))?', name)
        if module:
            top, sub = module.groups()
            by_module[f'{top}::{sub}' if top in ('ui', 'model', 'view', 'chart') and sub else top] += size


def number(size):
    return f'{size:,}'.replace(',', ' ')


def table(title, counts, most):
    print(f'| {title} | bytes (raw, before wasm-opt) | share |\n|---|---|---|')
    for key, size in counts.most_common(most):
        print(f'| {key} | {number(size)} | {100 * size / total:.1f} % |')
    print()


table('crate', by_crate, 16)
print('type-erased views by kind: ' + ', '.join(f'{kind} {number(size)}' for kind, size in any_view.most_common(4)) + '\n')
table('this crate, by module', by_module, 24)
print(f'total: {number(total)} bytes of code and data')
