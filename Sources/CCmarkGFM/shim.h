// The one C boundary of Charter: cmark-gfm's two public headers and nothing
// else. Debian's internal headers under /usr/include/cmark-gfm/ must not be
// pulled in (an umbrella over them breaks the import).
#ifndef CHARTER_CCMARKGFM_SHIM_H
#define CHARTER_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
