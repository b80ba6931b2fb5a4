// The collector's files: reading what it trusts (checked on the opened file), writing the feed and
// its state so that readers see the old file or the new one and never a part, the lock that makes
// runs take turns, and the temporary files a crashed run leaves behind. POSIX only.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>

#include "collect.hpp"

namespace likeloss {

std::string folder_of(const std::string& path);
std::string name_of(const std::string& path);
// `path` relative to `base_folder` (the configuration's folder), unless it is absolute.
std::string resolve(const std::string& base_folder, const std::string& path);

// Who may have written a file the collector trusts: the configuration names the token file, the
// output and the Graph host, so only its user (or root) may have written it.
enum class Trust {
    any,     // the published feed, the state file
    config,  // owned by this user or root, writable by nobody else
    secret,  // owned by this user, readable and writable by nobody else
};

// The whole file, or nothing with `problem` set (and errno, ENOENT for a missing file). The checks
// are made on the opened file (fstat), so the file read is the file checked; `max` bounds what a
// mistaken path can make us read, and a FIFO cannot make the run hang.
std::optional<std::string> read_text(const std::string& path, std::size_t max, Trust trust, std::string& problem);

// A failed file operation needs a person (a missing folder, permissions, a read-only disk) or may
// pass by itself (a full disk, an I/O error).
Exit exit_for(int error);

// Temporary file, fsync, rename, fsync of the folder: readers see the old file or the new one,
// never a part, and a crash at any point leaves one of the two. The temporary file has a name
// nobody can guess and must not exist yet, so a planted link cannot redirect the write.
bool write_atomically(const std::string& path, const std::string& text, mode_t mode, std::string& error, int& failed_errno);

// Temporary files of runs that died before their rename: only the holder of the lock removes them.
void remove_stale_temporaries(const std::string& path);

// One run at a time for a feed: the lock is the kernel's (flock), so a run that dies releases it.
// -1 with errno: EWOULDBLOCK when another run held it for all of `wait`.
int lock_feed(const std::string& output, std::chrono::milliseconds wait);

}  // namespace likeloss
