// Writes which functions of a program run, in the order they first run, for the link order
// (scripts/link-order/record.py). Every function entry gets a breakpoint (int3), taken out at its
// first hit, so each function costs one stop however often it runs and the program runs at nearly
// full speed afterwards. Follows all threads.
//
// Usage: trace-first-calls FUNCTIONS OUT program [args...]
//   FUNCTIONS: one hexadecimal link-time address per line (of a position-independent executable,
//              whose first segment is linked at 0); OUT gets the addresses hit, in order.
// A development tool: Linux x86-64 only, run by record.py, never part of the product.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t *entries;        // sorted link-time addresses
static unsigned char *original;  // the byte each breakpoint replaced
static unsigned char *hit;
static size_t count;

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static long entry_at(uint64_t address) {
    size_t low = 0, high = count;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (entries[middle] < address) low = middle + 1; else high = middle;
    }
    return (low < count && entries[low] == address) ? (long)low : -1;
}

static void read_entries(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) { perror(path); exit(1); }
    size_t capacity = 1 << 16;
    entries = malloc(capacity * sizeof *entries);
    char line[128];
    while (fgets(line, sizeof line, file)) {
        if (count == capacity) entries = realloc(entries, (capacity *= 2) * sizeof *entries);
        entries[count++] = strtoull(line, NULL, 16);
    }
    fclose(file);
    qsort(entries, count, sizeof *entries, compare);
    size_t unique = 0;  // aliases share an address; one breakpoint each
    for (size_t i = 0; i < count; i++)
        if (unique == 0 || entries[i] != entries[unique - 1]) entries[unique++] = entries[i];
    count = unique;
    original = calloc(count, 1);
    hit = calloc(count, 1);
}

// Where the kernel put the executable: the start of its mapping at file offset 0.
static uint64_t load_base(pid_t pid) {
    char path[64], executable[4096], line[4352];
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    ssize_t length = readlink(path, executable, sizeof executable - 1);
    if (length < 0) { perror(path); exit(1); }
    executable[length] = 0;
    snprintf(path, sizeof path, "/proc/%d/maps", pid);
    FILE *maps = fopen(path, "r");
    uint64_t base = 0;
    while (fgets(line, sizeof line, maps)) {
        uint64_t start, offset;
        char file[4096] = "";
        if (sscanf(line, "%lx-%*x %*s %lx %*s %*s %4095s", &start, &offset, file) < 2) continue;
        if (offset == 0 && strcmp(file, executable) == 0) { base = start; break; }
    }
    fclose(maps);
    return base;
}

static void put_byte(pid_t pid, uint64_t address, unsigned char byte) {
    long word = ptrace(PTRACE_PEEKTEXT, pid, address, 0);
    word = (word & ~0xffL) | byte;
    ptrace(PTRACE_POKETEXT, pid, address, word);
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: trace-first-calls FUNCTIONS OUT program [args...]\n"); return 2; }
    read_entries(argv[1]);
    FILE *out = fopen(argv[2], "w");
    if (!out) { perror(argv[2]); return 1; }

    pid_t child = fork();
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
    ptrace(PTRACE_CONT, child, 0, 0);
    waitpid(child, &status, 0);
    if (!WIFSTOPPED(status) || (status >> 8) != (SIGTRAP | (PTRACE_EVENT_EXEC << 8))) {
        fprintf(stderr, "trace-first-calls: %s did not start\n", argv[3]);
        return 1;
    }

    // Stopped right after exec, before the dynamic loader ran: nothing of the program has run yet.
    uint64_t base = load_base(child);
    for (size_t i = 0; i < count; i++) {
        uint64_t address = base + entries[i];
        errno = 0;
        long word = ptrace(PTRACE_PEEKTEXT, child, address, 0);
        if (errno) { hit[i] = 1; continue; }
        original[i] = word & 0xff;
        ptrace(PTRACE_POKETEXT, child, address, (word & ~0xffL) | 0xcc);
    }
    fprintf(stderr, "trace-first-calls: %zu breakpoints\n", count);
    ptrace(PTRACE_CONT, child, 0, 0);

    for (;;) {
        pid_t thread = waitpid(-1, &status, __WALL);
        if (thread < 0) break;
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            if (thread == child) break;
            continue;
        }
        int signal = WSTOPSIG(status);
        if (status >> 16) { ptrace(PTRACE_CONT, thread, 0, 0); continue; }  // clone/exec events
        if (signal == SIGTRAP) {
            struct user_regs_struct registers;
            ptrace(PTRACE_GETREGS, thread, 0, &registers);
            long i = entry_at(registers.rip - 1 - base);
            if (i >= 0) {
                // Two threads can trap on one entry before it is taken out: both step back.
                if (!hit[i]) {
                    put_byte(thread, base + entries[i], original[i]);
                    hit[i] = 1;
                    fprintf(out, "%lx\n", entries[i]);
                    fflush(out);
                }
                registers.rip = base + entries[i];
                ptrace(PTRACE_SETREGS, thread, 0, &registers);
            }
            ptrace(PTRACE_CONT, thread, 0, 0);
            continue;
        }
        if (signal == SIGSTOP) { ptrace(PTRACE_CONT, thread, 0, 0); continue; }  // a new thread
        ptrace(PTRACE_CONT, thread, 0, signal);
    }
    fclose(out);
    return 0;
}
