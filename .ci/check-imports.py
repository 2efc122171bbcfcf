#!/usr/bin/env python3
"""Every import is declared, directly, and imports point one way.

SwiftPM's `--explicit-target-dependency-import-check error` (run by .ci/run) fails an import of a
module outside the target's dependency closure: an upward or sideways import. It accepts a module
reached through another target (TerminalUI importing UseePay through ConsoleCore). This check is
stricter: each module a target imports must be one of its *direct* dependencies in Package.swift,
and the first-party dependencies must follow the layering in README's Architecture section.

Usage: python3 .ci/check-imports.py [package-dump.json]   (default: runs `swift package dump-package`)
"""
import json
import os
import re
import subprocess
import sys

# Modules that come with the toolchain or the OS, not from Package.swift.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
    "FoundationXML", "Dispatch", "Synchronization", "Glibc", "Musl", "Darwin", "XCTest", "Testing",
    "_Concurrency", "Swift", "os",
}

# The one-way rule: which first-party targets each first-party target may depend on.
# useepay -> TerminalUI -> ConsoleCore -> UseePay; UseePaySandbox beside the chain, on UseePay's
# low-level pieces only; only TerminalUI touches curses (CNCursesW).
LAYERS = {
    "UseePay": set(),
    "UseePaySandbox": {"UseePay"},
    "ConsoleCore": {"UseePay"},
    "CNCursesW": set(),
    "TerminalUI": {"ConsoleCore", "UseePay", "CNCursesW"},
    "useepay": {"TerminalUI", "ConsoleCore", "UseePay", "UseePaySandbox"},
    "useepay-benchmarks": {"TerminalUI", "ConsoleCore", "UseePay"},
    # Builders shared by test targets; only test targets may depend on it.
    "TestSupport": {"UseePay", "UseePaySandbox"},
}
# Test targets may use any first-party library except curses, which only TerminalUI touches.
TEST_FORBIDDEN = {"CNCursesW"}

IMPORT = re.compile(
    r"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
    re.MULTILINE,
)


def module_name(target_name):
    return target_name.replace("-", "_")


def dependency_modules(target):
    """Module names of a target's direct dependencies (a product's module is named like the product here)."""
    names = set()
    for dep in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dep:
                names.add(module_name(dep[kind][0]))
    return names


def target_dir(target):
    if target.get("path"):
        return target["path"]
    return os.path.join("Tests" if target["type"] == "test" else "Sources", target["name"])


def imports_in(directory):
    found = {}
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as source:
                text = source.read()
            for match in IMPORT.finditer(text):
                found.setdefault(match.group(1), path)
    return found


def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as dump:
            package = json.load(dump)
    else:
        package = json.loads(subprocess.check_output(["swift", "package", "dump-package"]))
    targets = package["targets"]
    first_party = {module_name(t["name"]) for t in targets}
    problems = []
    for target in targets:
        name = target["name"]
        declared = dependency_modules(target)
        for module, path in sorted(imports_in(target_dir(target)).items()):
            if module in TOOLCHAIN or module == module_name(name):
                continue
            if module not in declared:
                problems.append(f"{path}: target {name} imports {module} without declaring it in Package.swift")
        own = {d for d in declared if d in first_party}
        if target["type"] == "test":
            bad = own & TEST_FORBIDDEN
        elif "TestSupport" in own:
            bad = {"TestSupport"}
        elif name in LAYERS:
            bad = own - {module_name(d) for d in LAYERS[name]}
        else:
            bad = set()
            problems.append(f"Package.swift: target {name} is not in .ci/check-imports.py's LAYERS; place it in the layering")
        for module in sorted(bad):
            problems.append(f"Package.swift: target {name} depends on {module}, against the one-way rule (README, Architecture)")
    for problem in problems:
        print("error: " + problem)
    if problems:
        print(f"check-imports: {len(problems)} problem(s)")
        return 1
    print(f"check-imports: {len(targets)} targets, every import declared directly, layering respected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
