// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace kms {

// Distance between two L2-normalised float vectors as hnswlib wants it: 1 - dot product.
// Signature of hnswlib's DISTFUNC: (vector a, vector b, pointer to the dimension as size_t).
using DistanceFunction = float (*)(const void *, const void *, const void *);

// The fastest kernel this CPU runs: AVX2+FMA when present, else SSE (x86-64 baseline), chosen once
// at run time, so one binary is fast on new machines and still correct on old ones. hnswlib 0.6.2
// only picks AVX when the whole file is compiled with -mavx, which would let the compiler put AVX
// instructions anywhere in it.
DistanceFunction bestCosineDistance();
const char *cosineDistanceKernelName();

// Plain C++ kernel, for tests comparing the others against it.
float cosineDistanceScalar(const void *a, const void *b, const void *dim);

} // namespace kms
