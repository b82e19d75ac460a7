// SPDX-License-Identifier: MIT
#pragma once
// How a vector is kept in the embeddings table.
//
// Written in half precision (IEEE binary16), two bytes per dimension, followed by one format byte:
// the odd length tells such a blob apart from the float32 blobs (4 bytes per dimension) that older
// versions wrote and that are still read as they are. Half precision keeps about three significant
// digits, which moves a cosine similarity of unit vectors by less than 1e-3, and halves the largest
// table of a store (1 KiB -> 513 bytes per 256-dimension vector). A vector that half precision
// cannot hold (a component beyond ±65504, or not finite) is kept in float32. The conversion itself
// is half/Half.h, shared with the HNSW index.

#include <QByteArray>

#include <span>
#include <vector>

namespace kms::vectorblob {

// The blob to store for v.
QByteArray encode(std::span<const float> v);

// True for a blob in half precision.
inline bool isHalf(int bytes)
{
    return bytes % 2 == 1;
}

// The vector of a stored blob. Float32 blobs are returned in place (no copy); half-precision ones
// are widened into *scratch, which the result then points into.
std::span<const float> decode(const void *blob, int bytes, std::vector<float> *scratch);

} // namespace kms::vectorblob
