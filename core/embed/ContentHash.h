// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace kms {

// 64-bit xxHash (XXH3) of text as UTF-16 code units; stable across runs and machines.
quint64 contentHash(QStringView text);
// Hash of several fields with separators, so ("ab","c") and ("a","bc") differ.
quint64 contentHash(const QStringList &fields);

} // namespace kms
