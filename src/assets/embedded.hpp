// Files compiled into the program by tools/embed.py (see CMakeLists.txt).
#pragma once

extern const char kDefaultFeed[];  // assets/campaign-2016.json, NUL-terminated
extern const unsigned int kDefaultFeed_size;

extern const unsigned char kFontRegular[];  // Inter Regular, subset to assets/fonts/glyphs.txt
extern const unsigned int kFontRegular_size;
extern const unsigned char kFontSemiBold[];  // Inter SemiBold, same subset
extern const unsigned int kFontSemiBold_size;

extern const char kLangEn[];  // src/core/text/lang/en.json (the web build has this one only)
extern const char kLangFr[];
extern const char kLangAr[];
