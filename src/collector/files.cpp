#include "files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>

namespace likeloss {

namespace {

std::string mode_text(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

std::string random_suffix() {
    std::random_device random;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d-%08x", static_cast<int>(::getpid()), random());
    return buf;
}

}  // namespace

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string resolve(const std::string& base_folder, const std::string& path) {
    return path.empty() || path[0] == '/' ? path : base_folder + "/" + path;
}

std::optional<std::string> read_text(const std::string& path, std::size_t max, Trust trust, std::string& problem) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int saved = errno;
        problem = "cannot read " + path + ": " + std::strerror(saved);
        errno = saved;
        return std::nullopt;
    }
    struct stat st {};
    ::fstat(fd, &st);
    const uid_t me = ::geteuid();
    if (!S_ISREG(st.st_mode))
        problem = path + " is not a regular file";
    else if (trust == Trust::config && st.st_uid != me && st.st_uid != 0)
        problem = path + " belongs to another user (uid " + std::to_string(st.st_uid) + "), who could change it";
    else if (trust == Trust::config && (st.st_mode & 022) != 0)
        problem = path + " may be changed by other users (mode " + mode_text(st.st_mode) + "): chmod go-w " + path;
    else if (trust == Trust::secret && (st.st_uid != me || (st.st_mode & 077) != 0))
        problem = path + " may be read by other users (mode " + mode_text(st.st_mode) +
                  (st.st_uid != me ? ", another owner" : "") + "): make it yours with chmod 600";
    if (!problem.empty()) {
        ::close(fd);
        errno = EPERM;
        return std::nullopt;
    }
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || text.size() + static_cast<std::size_t>(n) > max) {
            const int saved = n < 0 ? errno : EFBIG;
            problem = "cannot read " + path + ": " + (n < 0 ? std::strerror(saved) : "larger than expected");
            ::close(fd);
            errno = saved;
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

Exit exit_for(int error) {
    switch (error) {
        case ENOENT: case ENOTDIR: case EACCES: case EPERM: case EROFS: case ELOOP: case EISDIR: return Exit::config;
        default: return Exit::transient;
    }
}

bool write_atomically(const std::string& path, const std::string& text, mode_t mode, std::string& error, int& failed_errno) {
    const std::string tmp = folder_of(path) + "/." + name_of(path) + ".tmp-" + random_suffix();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        failed_errno = errno;
        error = "cannot write in " + folder_of(path) + ": " + std::strerror(errno);
        return false;
    }
    ::fchmod(fd, mode);  // whatever the umask
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == text.size() && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) {
        failed_errno = written ? errno : saved;
        error = "cannot write " + path + ": " + std::strerror(failed_errno);
        ::unlink(tmp.c_str());
        return false;
    }
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

void remove_stale_temporaries(const std::string& path) {
    const std::string prefix = "." + name_of(path) + ".tmp-";
    DIR* dir = ::opendir(folder_of(path).c_str());
    if (!dir) return;
    while (dirent* e = ::readdir(dir))
        if (std::strncmp(e->d_name, prefix.c_str(), prefix.size()) == 0)
            ::unlink((folder_of(path) + "/" + e->d_name).c_str());
    ::closedir(dir);
}

int lock_feed(const std::string& output, std::chrono::milliseconds wait) {
    const std::string path = folder_of(output) + "/." + name_of(output) + ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    const auto until = std::chrono::steady_clock::now() + wait;  // a clock that is never set back
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= until) {
            ::close(fd);
            errno = error;
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return fd;
}

}  // namespace likeloss
