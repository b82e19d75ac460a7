// SPDX-License-Identifier: MIT
// A model's .safetensors file: SafeTensorsFile checks every offset, size and dtype on open; then
// each tensor is read as the model loader does (toFloat), bounded so a big valid claim stays cheap.
#include "FuzzScratch.h"

#include "encoder/ModelError.h"
#include "encoder/SafeTensors.h"

using namespace kms;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("model.safetensors"),
                                            reinterpret_cast<const char *>(data), qsizetype(size));
    try {
        SafeTensorsFile file(path);
        for (const QString &name : file.names()) {
            const SafeTensor *t = file.find(name);
            (void)t->shapeText();
            if (t->elements() > (1 << 20))
                continue;
            try {
                (void)file.toFloat(*t);
            } catch (const ModelError &) {
                // an unsupported dtype is refused with a message, as it should be
            }
        }
    } catch (const ModelError &) {
        // refused with a message naming the file: the expected outcome for most inputs
    }
    return 0;
}
