#ifndef CDRSDIFF_ZLIB_SHIM_H
#define CDRSDIFF_ZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro that Swift cannot call.
static inline int cdrsdiff_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
