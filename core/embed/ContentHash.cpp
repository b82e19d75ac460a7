// SPDX-License-Identifier: MIT
#include "embed/ContentHash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace kms {

quint64 contentHash(QStringView text)
{
    return XXH3_64bits(text.utf16(), size_t(text.size()) * sizeof(char16_t));
}

quint64 contentHash(const QStringList &fields)
{
    // Every field is preceded by its length in code units: an unambiguous separator that no field
    // content can imitate, so ("ab","c"), ("a","bc") and ("abc") all hash differently.
    XXH3_state_t state;
    XXH3_64bits_reset(&state);
    const quint64 count = quint64(fields.size());
    XXH3_64bits_update(&state, &count, sizeof count);
    for (const QString &field : fields) {
        const quint64 length = quint64(field.size());
        XXH3_64bits_update(&state, &length, sizeof length);
        XXH3_64bits_update(&state, field.utf16(), size_t(field.size()) * sizeof(char16_t));
    }
    return XXH3_64bits_digest(&state);
}

} // namespace kms
