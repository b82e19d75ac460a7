// SPDX-License-Identifier: MIT
#pragma once
// IEEE binary16 ("half precision"): the form in which the store and the HNSW index keep vectors.
// About three significant digits, which moves the cosine similarity of unit vectors by less than
// 1e-3 at half the bytes of float32.

#include <cstddef>
#include <cstdint>
#include <span>

namespace kms::half {

// One value to half precision (round to nearest even; beyond ±65504 becomes infinite) and back.
// Plain C++, the same result on every CPU.
uint16_t toHalf(float value);
float fromHalf(uint16_t half);

// n halves (two bytes each, any alignment) to floats: F16C where the CPU has it, else plain C++.
void widen(const void *halves, size_t n, float *out);
// Floats to halves (two bytes each, any alignment) with toHalf, so that a vector narrows to the
// same bytes on every machine.
void narrow(std::span<const float> in, void *out);

// Every one of the 65,536 halves as a float (256 KiB, made on first use): a lookup instead of bit
// fiddling for code that must run where F16C is missing.
const float *table();

// True when widen() uses the F16C instructions.
bool hasF16c();

} // namespace kms::half
