// Marks the runtime's functions that run once per record (or per group of
// records) for tools/hotpath-check, which then holds them to the rules of
// the generated per-record code: no heap allocation, no virtual call, no
// throw, no map keyed by strings.
#pragma once

#if defined(__clang__)
#define STREAMC_PER_RECORD [[clang::annotate("streamc::per_record")]]
#else
#define STREAMC_PER_RECORD
#endif
