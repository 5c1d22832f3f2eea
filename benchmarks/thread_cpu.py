"""Each thread group's share of a server's CPU between two snapshots of benchmarks/thread-cpu.sh."""
import collections
import re
import sys


def load(path):
    ticks = {}
    for line in open(path):
        parts = line.rstrip('\n').split('\t')
        if len(parts) == 3 and parts[2]:
            ticks[parts[0]] = (parts[1], int(parts[2]))
    return ticks


prefix = sys.argv[1]
for configuration in sys.argv[2:]:
    before, after = load(f'{prefix}.{configuration}.before'), load(f'{prefix}.{configuration}.after')
    groups, total = collections.Counter(), 0
    for tid, (name, ticks) in after.items():
        used = ticks - (before[tid][1] if tid in before else 0)
        total += used
        groups[re.sub(r'[-_ ]?\d+$', '', name)] += used
    print(configuration, 'ticks', total)
    for name, used in groups.most_common(14):
        print(f'  {100 * used / total:5.1f} % {used:6d}  {name}')
