// SPDX-License-Identifier: MIT
// hnswlib, included the one way this project compiles it (internal to core/index).
#pragma once

// hnswlib 0.6.2's SSE path prefetches the entry one past the end of a link list, reading up to four
// bytes beyond an upper-layer list's allocation (harmless slack in practice). Sanitizer builds take
// the plain path so that they report our bugs, not that one: g++ says so with __SANITIZE_*__, clang
// (the fuzz build) only through __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NO_MANUAL_VECTORIZATION
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wcast-align"
#include <hnswlib/hnswlib.h>
#pragma GCC diagnostic pop

namespace kms {
using Hnsw = hnswlib::HierarchicalNSW<float>;
} // namespace kms
