// SPDX-License-Identifier: MIT
// The JSON reader with the field mapping and validation, as an ingestion job runs them.
#include "ReaderFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kms::fuzz::fuzzReader("input.json", data, size);
    return 0;
}
