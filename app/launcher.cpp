// gradscape's launcher: what /usr/bin/gradscape is. It starts the program (GRADSCAPE_PROGRAM,
// relative to the launcher's folder: ../libexec/gradscape/gradscape-bin, in the build tree as
// installed) in its own place, with glibc's allocator tuned for it.
//
// Why: a figure's first frame touches about 80 MB (Mesa's textures and framebuffers, the
// loader's relocations), and on the project's machines each 4-KiB page fault costs several
// microseconds: a CLI export spent a third of its time faulting (perf, docs/benchmarks.md).
// Transparent huge pages for malloc's memory (hugetlb=1; the kernel's THP mode is "madvise")
// and big blocks kept in the heap rather than mapped and unmapped each time (mmap and trim
// thresholds) took 20,500 faults to 6,800 and the export from 500 to 350 ms. glibc reads its
// tunables only when a process starts, hence a launcher; it costs one exec of a program that
// needs only libc. A GLIBC_TUNABLES the user set is left as it is.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

int main(int, char** argv) {
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        std::fprintf(stderr, "gradscape: cannot find the launcher's own path: %s\n",
                     std::strerror(errno));
        return 3;
    }
    self[n] = '\0';
    std::string program(self);
    program.erase(program.rfind('/') + 1);
    program += GRADSCAPE_PROGRAM;
    if (!std::getenv("GLIBC_TUNABLES"))
        setenv("GLIBC_TUNABLES",
               "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:"
               "glibc.malloc.trim_threshold=67108864",
               1);
    execv(program.c_str(), argv);
    std::fprintf(stderr, "gradscape: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
    return 3; // the environment lacks something (docs/cli.md's exit statuses)
}
