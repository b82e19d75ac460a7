// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

// Where an open engine keeps its files, and what its vector side holds: what `kmsctl status`, the
// dashboard and the API show without running a query.
struct EngineStatus {
    QString dataDirectory;
    QString databasePath;
    QString indexPath;
    qint64 indexVectors = 0;
    QString embedderId;
    int dimension = 0;
};

} // namespace kms
