#!/usr/bin/env python3
"""Breaks a dotnet-trace of a compile down by what the compiler was doing, and CallLogGen's share by method.

Take the trace with the SDK's default profile and the Speedscope format, for example of one compile run alone:

    dotnet tool install -g dotnet-trace
    dotnet build -v:d ... > build.log                       # the Csc task logs its command line
    sed -n '/bincore\\/csc \\/noconfig/{s|^ *[^ ]*/bincore/csc ||;p;q}' build.log > csc.rsp
    dotnet-trace collect --format Speedscope -o compile.nettrace -- <sdk>/Roslyn/bincore/csc @csc.rsp
    python3 tests/CallLogGen.Benchmarks/trace-breakdown.py compile.speedscope.json [phases|generator|analyzers]

or of the compiler server across builds (`dotnet-trace collect -p <VBCSCompiler pid> --duration ...`).

The figures are sampled thread time (every thread, about one sample per millisecond), not CPU time: compare shares,
not totals. A sample counts when its thread runs managed code (CPU_TIME) or native code (UNMANAGED_CODE_TIME) under a
compiler or CallLogGen frame (native code only where compiler code called it directly, so that waiting threads do not
count); native code under CallLogGen's own frames is mostly JIT compilation and type loading.
"""
import collections
import json
import re
import sys

# The first test that a sample's stack passes names what the compiler was doing.
PHASES = [
    ("CallLogGen's generator", lambda s: "CallLogGen!" in s and "CallLogGen.Analyzers" not in s),
    ("CallLogGen's analyzers", lambda s: "CallLogGen.Analyzers" in s),
    ("other analyzers and generators (the analyzer driver)", lambda s: any(k in s for k in ("AnalyzerDriver", "AnalyzerExecutor", "GeneratorDriver"))),
    ("emitting IL and metadata", lambda s: any(k in s for k in ("CodeGenerator", "PEWriter", "MetadataWriter", "PEModuleBuilder", "ILBuilder"))),
    ("lowering", lambda s: any(k in s for k in ("LocalRewriter", "Lowering", "StateMachineRewriter", "ClosureConversion"))),
    ("flow analysis", lambda s: any(k in s for k in ("FlowAnalysis", "NullableWalker", "DefiniteAssignment"))),
    ("binding method bodies", lambda s: "Binder" in s and "MethodCompiler" in s),
    ("declarations and members", lambda s: any(k in s for k in ("SourceMemberContainerSymbol", "SourceNamedTypeSymbol", "ForceComplete", "DeclarationTable", "MergedNamespace"))),
    ("documentation comments", lambda s: "DocumentationComment" in s),
    ("parsing", lambda s: any(k in s for k in ("LanguageParser", "Lexer", "ParseText"))),
    ("the rest of the compiler", lambda s: True),
]

RUNNING = ("CPU_TIME", "UNMANAGED_CODE_TIME")


def samples(trace):
    """Yields (stack of frame names, milliseconds) for every sampled interval of every thread."""
    frames = [f["name"] for f in trace["shared"]["frames"]]
    for profile in trace["profiles"]:
        stack, last = [], profile["startValue"]
        for event in profile["events"]:
            at = event["at"]
            if stack:
                yield [frames[i] for i in stack], at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def short(frame):
    return re.sub(r"[(].*", "", frame)[:110]


def phases(trace):
    shares, total = collections.Counter(), 0.0
    for names, ms in samples(trace):
        if names[-1] not in RUNNING:
            continue
        compiler = any("CodeAnalysis" in n or n.startswith("CallLogGen!") for n in names)
        # Native time counts where compiler code called it directly (JIT helpers, copies), not where a thread waits
        # (waits go through System.Threading frames).
        if names[-1] == "UNMANAGED_CODE_TIME" and not any(n.startswith("Microsoft.CodeAnalysis") or n.startswith("CallLogGen!") for n in names[-4:-1]):
            continue
        stack = " ".join(names)
        phase = next(name for name, test in PHASES if test(stack)) if compiler else "runtime: GC, thread pool, other"
        shares[phase] += ms
        total += ms
    for phase, ms in shares.most_common():
        print(f"{100 * ms / total:5.1f}%  {ms:9.0f} ms  {phase}")


def callloggen(trace, part):
    """CallLogGen's samples by the deepest CallLogGen (or Markdig) frame, split into managed and native time."""
    wanted = (lambda n: "CallLogGen.Analyzers" in n) if part == "analyzers" else (lambda n: n.startswith("CallLogGen!") and "CallLogGen.Analyzers" not in n)
    methods = collections.Counter()
    for names, ms in samples(trace):
        if names[-1] not in RUNNING:
            continue
        if part == "analyzers" and not any(wanted(n) for n in names):
            continue
        if part == "generator" and (any("CallLogGen.Analyzers" in n for n in names) or not any(wanted(n) or "CallLogGen.Model" in n for n in names)):
            continue
        ours = [n for n in names if n.startswith("CallLogGen!") or n.startswith("Markdig!")]
        methods[(short(ours[-1]) if ours else "(Roslyn's pipeline code over CallLogGen's types)", names[-1])] += ms
    for (method, kind), ms in methods.most_common(30):
        print(f"{ms:7.0f} ms  {'native' if kind == 'UNMANAGED_CODE_TIME' else 'managed'}  {method}")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as file:
        trace = json.load(file)
    mode = sys.argv[2] if len(sys.argv) > 2 else "phases"
    if mode == "phases":
        phases(trace)
    else:
        callloggen(trace, mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
