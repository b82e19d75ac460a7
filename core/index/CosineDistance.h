// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace kms {

// Distance between two L2-normalised vectors held in half precision (two bytes per dimension, as
// the index keeps them), as hnswlib wants it: 1 - dot product, accumulated in float.
// Signature of hnswlib's DISTFUNC: (vector a, vector b, pointer to the dimension as size_t).
using DistanceFunction = float (*)(const void *, const void *, const void *);

struct DistanceKernel {
    const char *name;
    DistanceFunction function;
};

// The fastest kernel this CPU runs: F16C widening with FMA (8 values per instruction) when present,
// else a table lookup per value, chosen once at run time, so one binary is fast on new machines and
// still correct on old ones. The kernels are compiled with target attributes rather than whole-file
// -m flags, which would let the compiler put those instructions anywhere in the file.
DistanceKernel bestHalfCosineDistance();

// Every kernel this CPU can run, best last (for tests comparing them with the reference).
std::vector<DistanceKernel> availableHalfCosineDistances();

// Plain C++ reference: widens each value bit by bit and sums in double.
float halfCosineDistanceReference(const void *a, const void *b, const void *dim);

} // namespace kms
