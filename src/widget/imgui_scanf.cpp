// The sscanf Dear ImGui is built with (imconfig_likeloss.h): literal characters and %d, nothing
// else, so that the widget does not carry C's scanf for one "#version %d".
#include <cstdarg>

extern "C" int likeloss_sscanf(const char* text, const char* format, ...) {
    va_list args;
    va_start(args, format);
    int read = 0;
    while (*format) {
        if (format[0] == '%' && format[1] == 'd') {
            const bool negative = *text == '-';
            if (negative) ++text;
            if (*text < '0' || *text > '9') break;
            int value = 0;
            while (*text >= '0' && *text <= '9') value = value * 10 + (*text++ - '0');
            *va_arg(args, int*) = negative ? -value : value;
            ++read;
            format += 2;
        } else if (format[0] == '%' || *format != *text) {
            break;  // anything else is not read: the caller keeps its defaults
        } else {
            ++format;
            ++text;
        }
    }
    va_end(args);
    return read;
}
