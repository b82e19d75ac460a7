// SPDX-License-Identifier: MIT
#pragma once

#include "model/StoredRecord.h"
#include "search/Snippet.h"

#include <QList>
#include <QString>

#include <optional>

namespace kms {

// A stored record with the words of a query marked in its long fields: the search console's
// detail pane (and the API's record view with highlights).
struct RecordDetail {
    std::optional<StoredRecord> record;
    QString error;            // why there is no record
    QList<TextSpan> titleMatches, bodyMatches, resolutionMatches;
};

} // namespace kms
