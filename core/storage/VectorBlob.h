// SPDX-License-Identifier: MIT
#pragma once
// How a vector is kept in the embeddings table.
//
// Written as 8-bit integers with one float32 scale per vector (x ≈ q * scale, q in [-127, 127],
// scale = max |x| / 127), followed by a format byte; the blob's length is kept odd, which tells
// it apart from the float32 blobs (4 bytes per dimension) of the first versions, and the format
// byte from the half-precision blobs (2 bytes per dimension + format 1) of the versions after.
// Both older forms are still read as they are; `kmsctl compact` rewrites them.
//
// Why 8 bits: the table is a copy. Searches use the HNSW index, which keeps its own vectors in half
// precision; the table feeds rebuilding that index, the embedding cache and filtered or feedback
// scoring. For unit vectors of 256 dimensions from this project's embedders the 8-bit copy has a
// cosine of 0.9999 with the original and puts the same ten nearest neighbours first 99.3 % of the
// time (docs/performance.md), at a quarter of float32's bytes (261 for 256 dimensions). A vector
// with a component that is not finite is kept in float32.

#include <QByteArray>

#include <span>
#include <vector>

namespace kms::vectorblob {

enum class Form { Float32, Half, Int8 };

// The blob to store for v.
QByteArray encode(std::span<const float> v);

// The form of a stored blob (by its length and last byte).
Form formOf(const void *blob, int bytes);

// The vector of a stored blob. Float32 blobs are returned in place (no copy); the others are
// widened into *scratch, which the result then points into.
std::span<const float> decode(const void *blob, int bytes, std::vector<float> *scratch);

} // namespace kms::vectorblob
